/**
 * 巡查/摸排 log. A patrol that found a problem raises a ticket in the same tap (the function submits
 * it as source `patrol`).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LIMITS } from '@shared/schemas/limits'
import PageShell from '../../../../components/PageShell'
import BigButton from '../../../../components/BigButton'
import CategoryTiles from '../../../../components/CategoryTiles'
import ErrorNotice from '../../../../components/ErrorNotice'
import PhotoPicker from '../../../../components/PhotoPicker'
import TextField from '../../../../components/TextField'
import Toggle from '../../../../components/Toggle'
import { tasks } from '../../../../services/api'
import { useMe } from '../../../../hooks/useMe'
import { townChoices } from '../../../../lib/townChoices'
import { useAction } from '../../../../hooks/useAction'
import { newClientRequestId } from '../../../../lib/ids'
import { go } from '../../../../lib/nav'

type Done = { ticketId: string | null; ticketNumber: string | null }

export default function Patrol() {
  const { me, error, refresh } = useMe()
  const [kind, setKind] = useState<'patrol' | 'survey'>('patrol')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [found, setFound] = useState(false)
  const [category, setCategory] = useState('')
  const [issue, setIssue] = useState('')
  const [hint, setHint] = useState('')
  const [requestId, setRequestId] = useState(newClientRequestId)
  const [done, setDone] = useState<Done | null>(null)
  const action = useAction()
  const gridId = me?.staff?.scope.gridIds[0]

  const submit = () => {
    const problem = !gridId
      ? '您还没有负责的网格，请联系镇网格办'
      : note.trim().length < 2
        ? '请写几句巡查情况'
        : found && !category
          ? '请点选发现的问题类别'
          : found && issue.trim().length < LIMITS.descriptionMin
            ? `请用至少 ${LIMITS.descriptionMin} 个字描述问题`
            : ''
    setHint(problem)
    if (problem || !gridId) return
    action
      .run(() =>
        tasks.patrol({
          clientRequestId: requestId,
          gridId,
          kind,
          note: note.trim(),
          photos,
          ...(found ? { issue: { categoryCode: category, description: issue.trim() } } : {}),
        }),
      )
      .then((r) => r && setDone(r))
  }

  const again = () => {
    setDone(null)
    setNote('')
    setFound(false)
    setIssue('')
    setCategory('')
    setRequestId(newClientRequestId())
  }

  return (
    <PageShell label="巡查记录">
      <Text className="title">巡查记录</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {done ? (
        <View className="card" role="status">
          <Text className="done__title">✓ 已记录</Text>
          {done.ticketNumber && <Text className="card__text">已生成工单：{done.ticketNumber}</Text>}
          {done.ticketId && (
            <BigButton onClick={() => go('task', { id: done.ticketId as string })}>查看工单</BigButton>
          )}
          <BigButton kind="plain" onClick={again}>
            再记一条
          </BigButton>
        </View>
      ) : (
        <>
          <View className="seg" role="tablist">
            {(['patrol', 'survey'] as const).map((k) => (
              <View
                key={k}
                className={kind === k ? 'seg__item seg__item--on' : 'seg__item'}
                role="tab"
                aria-selected={kind === k}
                aria-label={k === 'patrol' ? '巡查' : '摸排'}
                onClick={() => setKind(k)}
              >
                <Text>{k === 'patrol' ? '巡查' : '摸排'}</Text>
              </View>
            ))}
          </View>
          <TextField
            label={kind === 'patrol' ? '巡查情况' : '摸排情况'}
            value={note}
            onInput={setNote}
            max={LIMITS.noteMax}
            testId="patrol-note"
          />
          {me && <PhotoPicker openid={me.openid} label="现场照片" onChange={(ids) => setPhotos(ids)} />}
          <Toggle label="发现问题，需要办理" hint="会同时生成一张工单" value={found} onChange={setFound} />
          {found && (
            <>
              <CategoryTiles
                categories={townChoices(me).categories}
                value={category}
                onChange={setCategory}
              />
              <TextField
                label="问题描述"
                value={issue}
                onInput={setIssue}
                max={LIMITS.descriptionMax}
                testId="patrol-issue"
              />
            </>
          )}
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={submit}>
            提交记录
          </BigButton>
        </>
      )}
    </PageShell>
  )
}

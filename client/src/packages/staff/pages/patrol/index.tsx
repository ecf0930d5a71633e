/**
 * 巡查/摸排 log. A patrol that found a problem raises a ticket in the same tap (the function submits
 * it as source `patrol`; found in the worker's own grid, it starts signed for by them). The place can
 * be a landmark in words ("村口大樟树下"). The form is kept as a draft on the phone until it is sent.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { LIMITS } from '@shared/schemas/limits'
import PageShell from '../../../../components/PageShell'
import BigButton from '../../../../components/BigButton'
import CategoryTiles from '../../../../components/CategoryTiles'
import ErrorNotice from '../../../../components/ErrorNotice'
import PhotoPicker from '../../../../components/PhotoPicker'
import TextField from '../../../../components/TextField'
import Toggle from '../../../../components/Toggle'
import PlaceField from '../../../../components/PlaceField'
import { overLimit } from '../../../../components/TextField'
import { tasks, type Location } from '../../../../services/api'
import { dropDraft, keepDraft, noteDraft } from '../../../../services/drafts'
import type { DraftPhoto, NoteDraft } from '../../../../lib/drafts'
import { useMe } from '../../../../hooks/useMe'
import { townChoices } from '../../../../lib/townChoices'
import { useAction } from '../../../../hooks/useAction'
import { newClientRequestId } from '../../../../lib/ids'
import { go } from '../../../../lib/nav'

type Done = { ticketId: string | null; ticketNumber: string | null }

export default function Patrol() {
  const { me, error, refresh } = useMe()
  return (
    <PageShell label="巡查记录">
      <Text className="title">巡查记录</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {me && <PatrolForm key={me.openid} me={me} />}
    </PageShell>
  )
}

type MeView = NonNullable<ReturnType<typeof useMe>['me']>

function PatrolForm({ me }: { me: MeView }) {
  const [draft] = useState<NoteDraft | null>(() => noteDraft(me.openid, 'patrol', 'patrol'))
  const [kind, setKind] = useState<'patrol' | 'survey'>(draft?.flags?.survey ? 'survey' : 'patrol')
  const [note, setNoteText] = useState(draft?.text.note ?? '')
  const [photos, setPhotos] = useState<string[]>([])
  const [draftPhotos, setDraftPhotos] = useState<DraftPhoto[]>(draft?.photos ?? [])
  const [found, setFound] = useState(draft?.flags?.found ?? false)
  const [category, setCategory] = useState(draft?.categoryCode ?? '')
  const [issue, setIssueText] = useState(draft?.text.issue ?? '')
  const [place, setPlace] = useState<Location | null>(
    draft?.text.place ? { address: draft.text.place } : null,
  )
  const [hint, setHint] = useState('')
  const [requestId, setRequestId] = useState(() => draft?.clientRequestId ?? newClientRequestId())
  const [done, setDone] = useState<Done | null>(null)
  const action = useAction()
  const gridId = me.staff?.scope.gridIds[0]
  // A hint about what is missing goes once the worker starts filling it in.
  const setNote = (v: string) => {
    setNoteText(v)
    setHint('')
  }
  const setIssue = (v: string) => {
    setIssueText(v)
    setHint('')
  }

  useEffect(() => {
    if (done) return
    keepDraft(me.openid, 'patrol', {
      kind: 'patrol',
      savedAt: Date.now(),
      clientRequestId: requestId,
      text: {
        note,
        issue,
        ...(place && typeof place.latitude !== 'number' && place.address ? { place: place.address } : {}),
      },
      photos: draftPhotos,
      flags: { found, survey: kind === 'survey' },
      categoryCode: category,
    })
  }, [note, issue, place, draftPhotos, found, kind, category, done])

  const submit = () => {
    const problem = !gridId
      ? '您还没有负责的网格，请联系镇网格办'
      : note.trim().length < 2
        ? '请写几句巡查情况'
        : found && !category
          ? '请点选发现的问题类别'
          : found && issue.trim().length < LIMITS.descriptionMin
            ? `请用至少 ${LIMITS.descriptionMin} 个字描述问题`
            : overLimit('巡查情况', note, LIMITS.noteMax) ||
              overLimit('问题描述', issue, LIMITS.descriptionMax)
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
          ...(place ? { location: place } : {}),
          ...(found ? { issue: { categoryCode: category, description: issue.trim() } } : {}),
        }),
      )
      .then((r) => {
        if (!r) return
        dropDraft(me.openid, 'patrol')
        setDone(r)
      })
  }

  const again = () => {
    setDone(null)
    setNote('')
    setFound(false)
    setIssue('')
    setCategory('')
    setPlace(null)
    setRequestId(newClientRequestId())
  }

  return (
    <>
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
          <PhotoPicker
            openid={me.openid}
            label="现场照片"
            initial={draft?.photos}
            onDraft={setDraftPhotos}
            onChange={(ids) => setPhotos(ids)}
          />
          <PlaceField
            value={place}
            onChange={setPlace}
            landmarkLabel="地点（可写标志物，如：村口大樟树下）"
          />
          <Toggle label="发现问题，需要办理" hint="会同时生成一张工单" value={found} onChange={setFound} />
          {found && (
            <>
              <CategoryTiles
                categories={townChoices(me).categories}
                value={category}
                onChange={(c) => {
                  setCategory(c)
                  setHint('')
                }}
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
          <BigButton busy={action.busy} onClick={submit} testId="submit-patrol">
            提交记录
          </BigButton>
        </>
      )}
    </>
  )
}

/**
 * 工作记录: a 微服务 in three taps (what kind → for whom, optional → 登记), the other field-work
 * forms (屋场会, 宣传活动, 宣讲/党课), and the latest records of each kind, patrols included. A 微服务
 * begun but not yet logged is kept as a draft on the phone (with its request id).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import PageShell from '../../../../components/PageShell'
import PagedList from '../../../../components/PagedList'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { useMe } from '../../../../hooks/useMe'
import { usePaged } from '../../../../hooks/usePaged'
import { newClientRequestId } from '../../../../lib/ids'
import { go } from '../../../../lib/nav'
import { records, type RecordRow } from '../../../../services/api'
import { dropRecordDraft, keepRecordDraft, recordDraft } from '../../../../services/drafts'
import type { RecordDraft } from '../../../../lib/drafts'
import DraftRestored from '../../components/DraftRestored'
import MyGrids from '../../components/MyGrids'
import RecordRowView from '../../components/RecordRowView'

const KINDS = [
  { code: 'proxy', name: '代办' },
  { code: 'assist', name: '帮办' },
  { code: 'errand', name: '跑腿' },
  { code: 'visit', name: '走访慰问' },
  { code: 'other', name: '其他' },
]
const LISTS: Array<{ kind: RecordRow['kind']; name: string }> = [
  { kind: 'microServices', name: '微服务' },
  { kind: 'meetings', name: '屋场会' },
  { kind: 'campaigns', name: '宣传' },
  { kind: 'sessions', name: '宣讲党课' },
  { kind: 'patrols', name: '巡查' },
]

const FORM = 'microService'

type MeView = NonNullable<ReturnType<typeof useMe>['me']>

export default function Records() {
  const { me, error, refresh } = useMe()
  const [tab, setTab] = useState<RecordRow['kind']>('microServices')
  const list = usePaged<RecordRow>((cursor) => records.list({ kind: tab, cursor, pageSize: 10 }))

  return (
    <PageShell label="工作记录">
      <Text className="title">工作记录</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {me && (
        <MicroServiceForm
          key={me.openid}
          me={me}
          onLogged={() => {
            if (tab === 'microServices') list.reload()
          }}
        />
      )}
      <View className="staff-box" aria-label="其他记录">
        <BigButton kind="plain" onClick={() => go('meeting')} testId="go-meeting">
          登记屋场会
        </BigButton>
        <BigButton kind="plain" onClick={() => go('campaign')} testId="go-campaign">
          登记宣传活动
        </BigButton>
        <BigButton kind="plain" onClick={() => go('session')} testId="go-session">
          登记理论宣讲 / 屋场党课
        </BigButton>
        <BigButton kind="plain" onClick={() => go('patrol')}>
          巡查记录
        </BigButton>
      </View>
      <Text className="section-title">最近的记录</Text>
      <View className="seg" role="tablist">
        {LISTS.map((l) => (
          <View
            key={l.kind}
            className={tab === l.kind ? 'seg__item seg__item--on' : 'seg__item'}
            role="tab"
            aria-selected={tab === l.kind}
            onClick={() => {
              setTab(l.kind)
              setTimeout(list.reload, 0)
            }}
          >
            <Text>{l.name}</Text>
          </View>
        ))}
      </View>
      <PagedList list={list} empty={{ text: '还没有记录' }}>
        {(row) => <RecordRowView key={row._id} row={row} />}
      </PagedList>
    </PageShell>
  )
}

function MicroServiceForm({ me, onLogged }: { me: MeView; onLogged: () => void }) {
  const [draft] = useState<RecordDraft | null>(() => recordDraft(me.openid, FORM))
  const [kind, setKind] = useState(draft?.text.kind ?? '')
  const [gridIds, setGridIds] = useState<string[]>(draft?.gridIds ?? [])
  const [forWhom, setForWhom] = useState(draft?.text.forWhom ?? '')
  const [requestId, setRequestId] = useState(() => draft?.clientRequestId ?? newClientRequestId())
  const [saved, setSaved] = useState('')
  const action = useAction()

  useEffect(() => {
    keepRecordDraft(me.openid, FORM, {
      kind: 'record',
      savedAt: Date.now(),
      clientRequestId: requestId,
      text: { kind, forWhom },
      gridIds,
    })
  }, [kind, gridIds, forWhom, requestId])

  const log = () => {
    if (!kind || gridIds.length === 0)
      return action.setError({ code: 'INVALID_INPUT', message: !kind ? '请点选服务类型' : '请选择网格' })
    action
      .run(() =>
        records.logMicroService({
          clientRequestId: requestId,
          gridId: gridIds[0],
          kind,
          forWhom: forWhom.trim(),
        }),
      )
      .then((r) => {
        if (!r) return
        dropRecordDraft(me.openid, FORM)
        setSaved(`已登记一件${KINDS.find((k) => k.code === kind)?.name ?? ''}微服务`)
        setKind('')
        setForWhom('')
        setRequestId(newClientRequestId())
        onLogged()
      })
  }

  return (
    <View className="card" aria-label="登记微服务">
      <Text className="card__title">微服务</Text>
      <DraftRestored shown={draft !== null && !saved} />
      <View className="tiles" role="radiogroup" aria-label="服务类型">
        {KINDS.map((k) => (
          <View
            key={k.code}
            className={kind === k.code ? 'tile tile--on' : 'tile'}
            role="radio"
            aria-checked={kind === k.code}
            aria-label={k.name}
            data-testid={`ms-${k.code}`}
            onClick={() => {
              setKind(k.code)
              setSaved('')
            }}
          >
            <Text className="tile__name">{k.name}</Text>
          </View>
        ))}
      </View>
      {me.staff && (me.staff.scope.gridIds.length !== 1 || gridIds.length === 0) && (
        <MyGrids me={me} value={gridIds} onChange={setGridIds} />
      )}
      <TextField
        label="服务对象（可不填）"
        value={forWhom}
        onInput={setForWhom}
        max={20}
        multiline={false}
        testId="ms-for"
      />
      <ErrorNotice error={action.error} />
      {saved && (
        <View className="form-hint" role="status">
          <Text>✓ {saved}</Text>
        </View>
      )}
      <BigButton busy={action.busy} onClick={log} testId="ms-log">
        登记微服务
      </BigButton>
    </View>
  )
}

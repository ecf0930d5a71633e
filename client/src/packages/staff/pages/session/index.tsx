/**
 * 理论宣讲 / 屋场党课: date, village (and grid), place, speaker, attendance, topic. The form is kept as
 * a draft on the phone (with its request id) until the record is saved.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { useMe } from '../../../../hooks/useMe'
import { newClientRequestId } from '../../../../lib/ids'
import { back } from '../../../../lib/nav'
import { records } from '../../../../services/api'
import { serverNow } from '../../../../services/clock'
import { dropRecordDraft, keepRecordDraft, recordDraft } from '../../../../services/drafts'
import type { RecordDraft } from '../../../../lib/drafts'
import DraftRestored from '../../components/DraftRestored'
import MyGrids from '../../components/MyGrids'
import { beijingToday } from '../../lib/today'

const KINDS = [
  { code: 'lecture', name: '理论宣讲' },
  { code: 'partyClass', name: '屋场党课' },
] as const

const FORM = 'session'

export default function Session() {
  const { me, error, refresh } = useMe()
  return (
    <PageShell label="宣讲与党课">
      <Text className="title">理论宣讲 / 屋场党课</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {me && <SessionForm key={me.openid} me={me} />}
    </PageShell>
  )
}

type MeView = NonNullable<ReturnType<typeof useMe>['me']>

function SessionForm({ me }: { me: MeView }) {
  const [draft] = useState<RecordDraft | null>(() => recordDraft(me.openid, FORM))
  const [kind, setKind] = useState<'lecture' | 'partyClass'>(
    draft?.preset?.kind === 'partyClass' ? 'partyClass' : 'lecture',
  )
  const [date, setDate] = useState(draft?.preset?.date ?? beijingToday())
  const [grid, setGrid] = useState<{ _id: string; villageId: string } | null>(
    draft?.gridIds[0] && draft.preset?.villageId
      ? { _id: draft.gridIds[0], villageId: draft.preset.villageId }
      : null,
  )
  const [place, setPlace] = useState(draft?.text.place ?? '')
  const [speaker, setSpeaker] = useState(draft?.text.speaker ?? '')
  const [attendance, setAttendance] = useState(draft?.text.attendance ?? '')
  const [topic, setTopic] = useState(draft?.text.topic ?? '')
  const [requestId] = useState(() => draft?.clientRequestId ?? newClientRequestId())
  const [done, setDone] = useState(false)
  const [hint, setHint] = useState('')
  const action = useAction()

  useEffect(() => {
    if (!draft?.preset?.date) serverNow().then((ms) => setDate(beijingToday(ms)))
  }, [])
  useEffect(() => {
    if (done) return
    keepRecordDraft(me.openid, FORM, {
      kind: 'record',
      savedAt: Date.now(),
      clientRequestId: requestId,
      text: { place, speaker, attendance, topic },
      preset: { kind, date, ...(grid ? { villageId: grid.villageId } : {}) },
      gridIds: grid ? [grid._id] : [],
    })
  }, [kind, date, grid, place, speaker, attendance, topic, done])

  const save = () => {
    const n = Number(attendance)
    const problem = !grid
      ? '请选择地点所在的网格'
      : !place.trim()
        ? '请填写地点'
        : !speaker.trim()
          ? '请填写宣讲人'
          : !Number.isInteger(n) || n < 1
            ? '请填写参加人数'
            : ''
    setHint(problem)
    if (problem || !grid) return
    action
      .run(() =>
        records.logSession({
          clientRequestId: requestId,
          kind,
          date,
          villageId: grid.villageId,
          gridId: grid._id,
          place: place.trim(),
          speaker: speaker.trim(),
          attendance: n,
          topic: topic.trim(),
        }),
      )
      .then((r) => {
        if (!r) return
        dropRecordDraft(me.openid, FORM)
        setDone(true)
      })
  }

  return (
    <>
      {done ? (
        <View className="card" role="status">
          <Text className="done__title">✓ 已记录</Text>
          <BigButton kind="plain" onClick={back}>
            返回
          </BigButton>
        </View>
      ) : (
        <>
          <DraftRestored shown={draft !== null} />
          <View className="seg" role="tablist">
            {KINDS.map((k) => (
              <View
                key={k.code}
                className={kind === k.code ? 'seg__item seg__item--on' : 'seg__item'}
                role="tab"
                aria-selected={kind === k.code}
                onClick={() => setKind(k.code)}
              >
                <Text>{k.name}</Text>
              </View>
            ))}
          </View>
          <TextField label="日期（年-月-日）" value={date} onInput={setDate} max={10} multiline={false} />
          <MyGrids
            me={me}
            value={grid ? [grid._id] : []}
            onChange={(ids, grids) => setGrid(grids.find((g) => g._id === ids[0]) ?? null)}
          />
          <TextField
            label="地点"
            value={place}
            onInput={setPlace}
            max={50}
            multiline={false}
            testId="session-place"
          />
          <TextField
            label="宣讲人"
            value={speaker}
            onInput={setSpeaker}
            max={20}
            multiline={false}
            testId="session-speaker"
          />
          <TextField
            label="参加人数"
            value={attendance}
            onInput={setAttendance}
            max={5}
            multiline={false}
            type="number"
            testId="session-attendance"
          />
          <TextField label="主题（可不填）" value={topic} onInput={setTopic} max={100} />
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={save} testId="session-save">
            保存
          </BigButton>
        </>
      )}
    </>
  )
}

/**
 * 屋场会: date, grid, host, attendance and topics; then each concern raised at the meeting becomes
 * a ticket in one step (records.raiseConcern, source `meeting`), listed under the meeting. The
 * meeting form is kept as a draft on the phone (with its request id) until the record is saved.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { LIMITS } from '@shared/schemas/limits'
import BigButton from '../../../../components/BigButton'
import CategoryTiles from '../../../../components/CategoryTiles'
import ErrorNotice from '../../../../components/ErrorNotice'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { useMe } from '../../../../hooks/useMe'
import { newClientRequestId } from '../../../../lib/ids'
import { go } from '../../../../lib/nav'
import { townChoices } from '../../../../lib/townChoices'
import { records } from '../../../../services/api'
import { dropRecordDraft, keepRecordDraft, recordDraft } from '../../../../services/drafts'
import type { RecordDraft } from '../../../../lib/drafts'
import { serverNow } from '../../../../services/clock'
import DraftRestored from '../../components/DraftRestored'
import MyGrids from '../../components/MyGrids'
import { beijingToday } from '../../lib/today'

const lines = (text: string): string[] =>
  text
    .split(/[\n；;]/)
    .map((s) => s.trim())
    .filter(Boolean)

const FORM = 'meeting'

export default function Meeting() {
  const { me, error, refresh } = useMe()
  return (
    <PageShell label="屋场会">
      <Text className="title">屋场会</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {me && <MeetingForm key={me.openid} me={me} />}
    </PageShell>
  )
}

type MeView = NonNullable<ReturnType<typeof useMe>['me']>

function MeetingForm({ me }: { me: MeView }) {
  const [draft] = useState<RecordDraft | null>(() => recordDraft(me.openid, FORM))
  const [gridIds, setGridIds] = useState<string[]>(draft?.gridIds ?? [])
  const [date, setDate] = useState(draft?.preset?.date ?? beijingToday())
  const [host, setHost] = useState(draft?.preset?.host ?? me.staff?.name ?? '')
  const [attendance, setAttendance] = useState(draft?.text.attendance ?? '')
  const [topics, setTopics] = useState(draft?.text.topics ?? '')
  const [attendees, setAttendees] = useState(draft?.text.attendees ?? '')
  const [requestId] = useState(() => draft?.clientRequestId ?? newClientRequestId())
  const [meetingId, setMeetingId] = useState<string | null>(null)
  const [category, setCategory] = useState('')
  const [concern, setConcern] = useState('')
  const [resident, setResident] = useState('')
  const [concernId, setConcernId] = useState(newClientRequestId)
  const [raised, setRaised] = useState<Array<{ ticketId: string; ticketNumber: string }>>([])
  const [hint, setHint] = useState('')
  const action = useAction()

  useEffect(() => {
    if (!draft?.preset?.date) serverNow().then((ms) => setDate(beijingToday(ms)))
  }, [])
  useEffect(() => {
    if (meetingId) return
    keepRecordDraft(me.openid, FORM, {
      kind: 'record',
      savedAt: Date.now(),
      clientRequestId: requestId,
      text: { attendance, topics, attendees },
      preset: { date, host },
      gridIds,
    })
  }, [gridIds, date, host, attendance, topics, attendees, meetingId])

  const save = () => {
    const n = Number(attendance)
    const problem =
      gridIds.length === 0
        ? '请选择网格'
        : !host.trim()
          ? '请填写主持人'
          : !Number.isInteger(n) || n < 1
            ? '请填写参会人数'
            : lines(topics).length === 0
              ? '请填写议题'
              : ''
    setHint(problem)
    if (problem) return
    action
      .run(() =>
        records.logMeeting({
          clientRequestId: requestId,
          gridId: gridIds[0],
          date,
          host: host.trim(),
          attendance: n,
          attendees: lines(attendees),
          topics: lines(topics),
        }),
      )
      .then((r) => {
        if (!r) return
        dropRecordDraft(me.openid, FORM)
        setMeetingId(r.recordId)
      })
  }

  const raise = () => {
    const problem = !category
      ? '请点选问题类别'
      : concern.trim().length < LIMITS.descriptionMin
        ? `请用至少 ${LIMITS.descriptionMin} 个字描述问题`
        : ''
    setHint(problem)
    if (problem || !meetingId) return
    action
      .run(() =>
        records.raiseConcern({
          clientRequestId: concernId,
          meetingId,
          categoryCode: category,
          description: concern.trim(),
          ...(resident.trim() ? { residentName: resident.trim() } : {}),
        }),
      )
      .then((r) => {
        if (!r) return
        setRaised((old) => [...old, r])
        setConcern('')
        setResident('')
        setCategory('')
        setConcernId(newClientRequestId())
      })
  }

  return (
    <>
      {!meetingId ? (
        <>
          <DraftRestored shown={draft !== null} />
          <MyGrids me={me} value={gridIds} onChange={setGridIds} />
          <TextField
            label="日期（年-月-日）"
            value={date}
            onInput={setDate}
            max={10}
            multiline={false}
            testId="meeting-date"
          />
          <TextField
            label="主持人"
            value={host}
            onInput={setHost}
            max={20}
            multiline={false}
            testId="meeting-host"
          />
          <TextField
            label="参会人数"
            value={attendance}
            onInput={setAttendance}
            max={5}
            multiline={false}
            type="number"
            testId="meeting-attendance"
          />
          <TextField
            label="议题（每行一个）"
            value={topics}
            onInput={setTopics}
            max={500}
            testId="meeting-topics"
          />
          <TextField
            label="参会人员（可不填，每行一人）"
            value={attendees}
            onInput={setAttendees}
            max={2000}
          />
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={save} testId="meeting-save">
            保存屋场会记录
          </BigButton>
        </>
      ) : (
        <>
          <View className="card" role="status">
            <Text className="done__title">✓ 屋场会已记录</Text>
            <Text className="card__text">群众在会上反映的问题，可以直接转为工单，由网格员办理。</Text>
          </View>
          {raised.map((t) => (
            <View key={t.ticketId} className="card" data-testid="meeting-ticket">
              <Text className="card__text">已生成工单：{t.ticketNumber}</Text>
              <BigButton kind="plain" onClick={() => go('task', { id: t.ticketId })}>
                查看工单
              </BigButton>
            </View>
          ))}
          <Text className="section-title">会上反映的问题</Text>
          <CategoryTiles categories={townChoices(me).categories} value={category} onChange={setCategory} />
          <TextField
            label="问题描述"
            value={concern}
            onInput={setConcern}
            max={LIMITS.descriptionMax}
            testId="concern-text"
          />
          <TextField
            label="反映人（可不填）"
            value={resident}
            onInput={setResident}
            max={20}
            multiline={false}
            testId="concern-resident"
          />
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={raise} testId="concern-raise">
            转为工单
          </BigButton>
          <BigButton kind="plain" onClick={() => go('records')}>
            完成
          </BigButton>
        </>
      )}
    </>
  )
}

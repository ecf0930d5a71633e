/** 理论宣讲 / 屋场党课: date, village (and grid), place, speaker, attendance, topic. */
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
import MyGrids from '../../components/MyGrids'
import { beijingToday } from '../../lib/today'

const KINDS = [
  { code: 'lecture', name: '理论宣讲' },
  { code: 'partyClass', name: '屋场党课' },
] as const

export default function Session() {
  const { me, error, refresh } = useMe()
  const [kind, setKind] = useState<'lecture' | 'partyClass'>('lecture')
  const [date, setDate] = useState(beijingToday())
  const [grid, setGrid] = useState<{ _id: string; villageId: string } | null>(null)
  const [place, setPlace] = useState('')
  const [speaker, setSpeaker] = useState('')
  const [attendance, setAttendance] = useState('')
  const [topic, setTopic] = useState('')
  const [requestId] = useState(newClientRequestId)
  const [done, setDone] = useState(false)
  const [hint, setHint] = useState('')
  const action = useAction()

  useEffect(() => {
    serverNow().then((ms) => setDate(beijingToday(ms)))
  }, [])

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
      .then((r) => r && setDone(true))
  }

  return (
    <PageShell label="宣讲与党课">
      <Text className="title">理论宣讲 / 屋场党课</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {done ? (
        <View className="card" role="status">
          <Text className="done__title">✓ 已记录</Text>
          <BigButton kind="plain" onClick={back}>
            返回
          </BigButton>
        </View>
      ) : (
        <>
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
          {me && (
            <MyGrids
              me={me}
              value={grid ? [grid._id] : []}
              onChange={(ids, grids) => setGrid(grids.find((g) => g._id === ids[0]) ?? null)}
            />
          )}
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
    </PageShell>
  )
}

/**
 * 节假日与调休: a year's holidays and 调休 workdays, added by the office once the State Council
 * publishes them. The national days of the years shipped with the app are built in; the town's
 * entries for a year replace nothing but that year's own entries.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BigButton from '../../../../components/BigButton'
import TextField from '../../../../components/TextField'
import type { TownConfigView } from '../../../../services/townConfigTypes'
import Segments from '../Segments'

type Calendar = TownConfigView['calendar']
type Override = Calendar['overrides'][number]

const KINDS = [
  ['holiday', '放假'],
  ['workday', '调休上班'],
] as const

export default function CalendarSettings({
  calendar,
  busy,
  onSave,
}: {
  calendar: Calendar
  busy: boolean
  onSave: (year: number, overrides: Override[]) => Promise<boolean>
}) {
  const thisYear = new Date().getFullYear()
  const years = [
    ...new Set([thisYear, thisYear + 1, ...(calendar.missingYear ? [calendar.missingYear] : [])]),
  ].sort()
  const [year, setYear] = useState(calendar.missingYear ?? thisYear)
  const ofYear = (y: number) => calendar.overrides.filter((o) => o.date.startsWith(`${y}-`))
  const [days, setDays] = useState<Override[]>(() => ofYear(year))
  const [date, setDate] = useState('')
  const [kind, setKind] = useState<Override['kind']>('holiday')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState('')

  const pickYear = (y: number) => {
    setYear(y)
    setDays(ofYear(y))
    setProblem('')
  }
  const add = () => {
    const d = date.trim()
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return setProblem('日期请写成 2027-01-01 这样')
    if (!d.startsWith(`${year}-`)) return setProblem(`请填 ${year} 年的日期`)
    if (days.some((o) => o.date === d)) return setProblem(`${d} 已经在列表里了`)
    setProblem('')
    setDays(
      [...days, { date: d, kind, ...(note.trim() ? { note: note.trim() } : {}) }].sort((a, b) =>
        a.date < b.date ? -1 : 1,
      ),
    )
    setDate('')
    setNote('')
  }
  const built = calendar.shippedYears
  return (
    <View>
      <Text className="subtitle">
        已内置国家法定节假日：{built.length > 0 ? `${Math.min(...built)}—${Math.max(...built)} 年` : '无'}。
        其他年份请在国务院公布放假安排后录入：放假的日子和调休上班的周末。
      </Text>
      {calendar.missingYear !== null && (
        <View className="notice notice--error" role="alert">
          <Text className="notice__text">{calendar.missingYear} 年的节假日和调休还没有录入。</Text>
        </View>
      )}
      <Segments
        label="年份"
        options={years.map((y) => [String(y), `${y} 年`] as const)}
        value={String(year)}
        onChange={(y) => pickYear(Number(y))}
        testId="calendar-year"
      />
      {days.length === 0 ? (
        <Text className="subtitle">{year} 年还没有本镇录入的日子。</Text>
      ) : (
        days.map((o) => (
          <View key={o.date} className="btn-link" data-testid={`day-${o.date}`}>
            <Text>
              {o.date} {o.kind === 'holiday' ? '放假' : '调休上班'}
              {o.note ? `（${o.note}）` : ''}
            </Text>
            <View
              role="button"
              aria-label={`删除${o.date}`}
              onClick={() => setDays(days.filter((x) => x.date !== o.date))}
            >
              <Text>删除</Text>
            </View>
          </View>
        ))
      )}
      <Text className="section-title">添加一天</Text>
      <TextField
        label="日期（如 2027-01-01）"
        value={date}
        onInput={setDate}
        max={10}
        multiline={false}
        testId="day-date"
      />
      <Segments label="这一天" options={KINDS} value={kind} onChange={setKind} testId="day-kind" />
      <TextField
        label="备注（可不填，如 春节）"
        value={note}
        onInput={setNote}
        max={20}
        multiline={false}
        testId="day-note"
      />
      {problem && (
        <View className="notice notice--error" role="alert">
          <Text className="notice__text">{problem}</Text>
        </View>
      )}
      <BigButton kind="plain" onClick={add} testId="add-day">
        添加到列表
      </BigButton>
      <BigButton busy={busy} onClick={() => onSave(year, days)} testId="save-calendar">
        保存 {year} 年的安排
      </BigButton>
    </View>
  )
}

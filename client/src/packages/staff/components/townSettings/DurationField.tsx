/** A time limit as the office types it: a number and a unit chosen from big buttons. */
import { Input, Text, View } from '@tarojs/components'
import type { Duration } from '../../../../services/townConfigTypes'
import Segments from '../Segments'

export const UNITS = [
  ['minutes', '分钟'],
  ['hours', '小时'],
  ['days', '天'],
  ['workingHours', '工作小时'],
  ['workingDays', '工作日'],
] as const

const UNIT_TEXT: Record<Duration['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  days: '天',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}

/** `30分钟`, `3个工作日`. */
export const durationText = (d: Duration): string => `${d.amount}${UNIT_TEXT[d.unit]}`

export default function DurationField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string
  value: Duration
  onChange: (d: Duration) => void
  testId?: string
}) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Input
        className="field__input"
        type="digit"
        value={String(value.amount)}
        aria-label={`${label}：数量`}
        data-testid={testId}
        onInput={(e) => onChange({ ...value, amount: Number(e.detail.value) })}
      />
      <Segments
        label={`${label}：单位`}
        options={UNITS}
        value={value.unit}
        onChange={(unit) => onChange({ ...value, unit })}
        testId={testId ? `${testId}-unit` : undefined}
      />
    </View>
  )
}

/** A row of big choice buttons (one on), for the roster's filters. */
import { Text, View } from '@tarojs/components'

export default function Segments<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string
  options: readonly (readonly [T, string])[]
  value: T
  onChange: (v: T) => void
  testId?: string
}) {
  return (
    <View
      className="seg"
      role="radiogroup"
      aria-label={label}
      style={{ flexWrap: 'wrap' }}
      data-testid={testId}
    >
      {options.map(([v, text]) => (
        <View
          key={v}
          className={v === value ? 'seg__item seg__item--on' : 'seg__item'}
          style={{ minWidth: '5.5rem' }}
          role="radio"
          aria-checked={v === value}
          aria-label={`${label}：${text}`}
          onClick={() => onChange(v)}
        >
          <Text>{text}</Text>
        </View>
      ))}
    </View>
  )
}

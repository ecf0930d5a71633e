import { Text, View } from '@tarojs/components'

/** A yes/no choice as a big row whose words say the state ("匿名上报：是"). */
export default function Toggle({
  label,
  value,
  onChange,
  hint,
}: {
  label: string
  value: boolean
  onChange: (v: boolean) => void
  hint?: string
}) {
  return (
    <View
      className="btn-link toggle"
      role="switch"
      aria-checked={value}
      aria-label={`${label}：${value ? '是' : '否'}`}
      onClick={() => onChange(!value)}
    >
      <View className="toggle__text">
        <Text>{label}</Text>
        {hint && <Text className="toggle__hint">{hint}</Text>}
      </View>
      <Text className={value ? 'toggle__state toggle__state--on' : 'toggle__state'}>
        {value ? '☑ 是' : '☐ 否'}
      </Text>
    </View>
  )
}

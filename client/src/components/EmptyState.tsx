import { Text, View } from '@tarojs/components'

/** Nothing to show, said plainly ("暂无工单"). */
export default function EmptyState({ text, hint }: { text: string; hint?: string }) {
  return (
    <View className="empty" aria-label={hint ? `${text}，${hint}` : text}>
      <Text className="empty__text">{text}</Text>
      {hint && <Text className="empty__hint">{hint}</Text>}
    </View>
  )
}

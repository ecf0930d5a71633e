import { Text, View } from '@tarojs/components'

/** A still "loading" line: no spinner moving under someone reading. */
export default function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="loading" aria-label={text} aria-busy="true">
      <Text>{text}</Text>
    </View>
  )
}

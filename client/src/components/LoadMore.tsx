import { Text, View } from '@tarojs/components'

/** Paging by a tap ("加载更多"), not by an endless scroll that moves under the reader. */
export default function LoadMore({
  more,
  busy,
  onMore,
}: {
  more: boolean
  busy: boolean
  onMore: () => void
}) {
  if (!more) return null
  return (
    <View className="btn btn--plain" role="button" aria-label="加载更多" onClick={busy ? undefined : onMore}>
      <Text>{busy ? '正在加载…' : '加载更多'}</Text>
    </View>
  )
}

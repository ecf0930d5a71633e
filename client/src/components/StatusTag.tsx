/** A ticket's status as words in a coloured box: the words carry the meaning, colour only helps. */
import { Text } from '@tarojs/components'
import { statusName } from '../lib/format'

export default function StatusTag({ status }: { status: string }) {
  const name = statusName(status)
  return (
    <Text className={`tag tag--${status}`} aria-label={`状态：${name}`}>
      {name}
    </Text>
  )
}

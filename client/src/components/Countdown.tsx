/**
 * "剩余 3小时20分" / "⚠ 已超时 2小时": computed once when the page loads (no ticking timer moving
 * the screen while someone reads, docs/architecture.md, "Elder-friendly screens"); the overdue mark is text, not only red.
 */
import { Text } from '@tarojs/components'
import { countdown } from '../lib/format'

interface Props {
  dueAt: string
  now: number
  /** What is due: 签收 / 办结. */
  what?: string
}

export default function Countdown({ dueAt, now, what }: Props) {
  const c = countdown(dueAt, now)
  const text = `${what ? `${what}` : ''}${c.overdue ? '⚠ ' : ''}${c.text}`
  return (
    <Text className={c.overdue ? 'countdown countdown--over' : 'countdown'} aria-label={text}>
      {text}
    </Text>
  )
}

/**
 * The app's buttons: `main` ≈ 60px (the one main action), `plain` and `danger` ≥ 48px.
 * A View with the button role rather than <Button>: Taro's h5 Button styles itself (and reads
 * disabled="false" as disabled), while a View looks the same on both platforms.
 */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  children: ReactNode
  onClick: () => void
  label?: string
  kind?: 'main' | 'plain' | 'danger'
  busy?: boolean
  disabled?: boolean
  testId?: string
}

export default function BigButton({
  children,
  onClick,
  label,
  kind = 'main',
  busy,
  disabled,
  testId,
}: Props) {
  const off = !!(busy || disabled)
  return (
    <View
      className={`btn btn--${kind}${off ? ' btn--off' : ''}`}
      role="button"
      aria-role="button"
      aria-label={label ?? (typeof children === 'string' ? children : undefined)}
      aria-disabled={off}
      data-testid={testId}
      onClick={() => {
        if (!off) onClick()
      }}
    >
      <Text>{busy ? '请稍候…' : children}</Text>
    </View>
  )
}

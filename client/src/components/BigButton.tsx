/** The app's buttons: `main` ≈ 60px (the one main action), `plain` and `danger` ≥ 48px. */
import { Button } from '@tarojs/components'
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

export default function BigButton({ children, onClick, label, kind = 'main', busy, disabled, testId }: Props) {
  const off = !!(busy || disabled)
  return (
    <Button
      className={`btn btn--${kind}${off ? ' btn--off' : ''}`}
      aria-label={label ?? (typeof children === 'string' ? children : undefined)}
      disabled={off}
      data-testid={testId}
      onClick={() => {
        if (!off) onClick()
      }}
    >
      {busy ? '请稍候…' : children}
    </Button>
  )
}

/** Runs one mutation at a time: busy while it runs, the refusal kept for an inline notice. */
import { useState } from 'react'
import type { CallError, CallResult } from '../services/cloud'

export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CallError | null>(null)

  async function run<T>(call: () => Promise<CallResult<T>>): Promise<T | null> {
    if (busy) return null
    setBusy(true)
    setError(null)
    let r: CallResult<T>
    try {
      r = await call()
    } catch {
      // A bug, not a refusal: say so instead of leaving the button spinning.
      r = { ok: false, error: { code: 'INTERNAL', message: '出现异常，请稍后再试' } }
    }
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      return null
    }
    return r.data
  }

  return { busy, error, setError, run }
}

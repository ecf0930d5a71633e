/** The caller (roster.me), shared across pages by services/session. */
import { useEffect, useState } from 'react'
import type { Me } from '../services/api'
import type { CallError } from '../services/cloud'
import { loadMe, refreshMe } from '../services/session'

export function useMe() {
  const [me, setMe] = useState<Me | null>(null)
  const [error, setError] = useState<CallError | null>(null)
  const [loading, setLoading] = useState(true)

  const take = (r: Awaited<ReturnType<typeof loadMe>>) => {
    setLoading(false)
    if (r.ok) {
      setMe(r.data)
      setError(null)
    } else setError(r.error)
  }

  useEffect(() => {
    let live = true
    loadMe().then((r) => live && take(r))
    return () => {
      live = false
    }
  }, [])

  const refresh = async () => {
    setLoading(true)
    take(await refreshMe())
  }
  return { me, error, loading, refresh }
}

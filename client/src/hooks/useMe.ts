/**
 * The caller (roster.me), shared across pages by services/session. Shown again (back from another
 * page), a page takes the shared answer anew: a page above may have refreshed it (binding an invite,
 * choosing a home grid). `{ refreshOnShow: true }` asks the server again on every later show (home).
 */
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { Me } from '../services/api'
import type { CallError } from '../services/cloud'
import { loadMe, refreshMe } from '../services/session'

export function useMe(options: { refreshOnShow?: boolean } = {}) {
  const [me, setMe] = useState<Me | null>(null)
  const [error, setError] = useState<CallError | null>(null)
  const [loading, setLoading] = useState(true)
  const live = useRef(true)
  const answered = useRef(false)

  const take = (r: Awaited<ReturnType<typeof loadMe>>) => {
    if (!live.current) return
    answered.current = true
    setLoading(false)
    if (r.ok) {
      setMe(r.data)
      setError(null)
    } else setError(r.error)
  }

  useEffect(() => {
    live.current = true
    loadMe().then(take)
    return () => {
      live.current = false
    }
  }, [])

  useDidShow(() => {
    // The first show is the effect's load; asking the server again then would only repeat it.
    if (options.refreshOnShow && answered.current) refreshMe().then(take)
    else loadMe().then(take)
  })

  const refresh = async () => {
    setLoading(true)
    take(await refreshMe())
  }
  return { me, error, loading, refresh }
}

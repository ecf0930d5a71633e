/**
 * A paged list loaded on show and extended by "加载更多". Also reads "now" once per load, for
 * countdowns that do not tick.
 */
import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import type { Page } from '../services/api'
import type { CallError, CallResult } from '../services/cloud'
import { serverNow } from '../services/clock'

export function usePaged<T>(fetchPage: (cursor: string | null) => Promise<CallResult<Page<T>>>) {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<CallError | null>(null)
  const [now, setNow] = useState(Date.now())
  const fetcher = useRef(fetchPage)
  fetcher.current = fetchPage

  const load = useCallback(async (from: string | null) => {
    setLoading(true)
    setError(null)
    const [r, at] = await Promise.all([fetcher.current(from), serverNow()])
    setNow(at)
    setLoading(false)
    if (!r.ok) {
      setError(r.error)
      return
    }
    setItems((old) => (from ? [...old, ...r.data.items] : r.data.items))
    setCursor(r.data.nextCursor)
    setLoaded(true)
  }, [])

  const reload = useCallback(() => load(null), [load])
  useDidShow(() => {
    reload()
  })

  return {
    items,
    loading,
    loaded,
    error,
    now,
    more: !!cursor,
    loadMore: () => load(cursor),
    reload,
  }
}

/**
 * The states every paged list shows, in one place: the error with a retry, the first-load spinner,
 * the empty state, the rows, and 加载更多.
 */
import type { ReactNode } from 'react'
import type { CallError } from '../services/cloud'
import EmptyState from './EmptyState'
import ErrorNotice from './ErrorNotice'
import Loading from './Loading'
import LoadMore from './LoadMore'

interface PagedListProps<T> {
  /** What `usePaged` returns. */
  list: {
    items: T[]
    loading: boolean
    loaded: boolean
    error: CallError | null
    more: boolean
    loadMore: () => void
    reload: () => void
  }
  /** The rows to show when they differ from the loaded items (e.g. re-ordered on the client). */
  rows?: T[]
  empty: { text: string; hint?: string }
  /** One row; give it a `key`. */
  children: (item: T) => ReactNode
}

export default function PagedList<T>({ list, rows = list.items, empty, children }: PagedListProps<T>) {
  return (
    <>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && rows.length === 0 && <EmptyState text={empty.text} hint={empty.hint} />}
      {rows.map((item) => children(item))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </>
  )
}

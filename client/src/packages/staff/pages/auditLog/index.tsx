/** 操作记录 (the grid office only): every change to the roster, the structure and ownership, newest first. */
import { Text, View } from '@tarojs/components'
import EmptyState from '../../../../components/EmptyState'
import ErrorNotice from '../../../../components/ErrorNotice'
import LoadMore from '../../../../components/LoadMore'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import { usePaged } from '../../../../hooks/usePaged'
import { formatTime } from '../../../../lib/format'
import { roster } from '../../../../services/api'

export default function AuditLog() {
  const list = usePaged((cursor) => roster.auditLog({ cursor, pageSize: 20 }))
  return (
    <PageShell label="操作记录">
      <Text className="title">操作记录</Text>
      <ErrorNotice error={list.error} onRetry={list.error ? list.reload : undefined} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && <EmptyState text="还没有操作记录" />}
      {list.items.map((a) => (
        <View key={a._id} className="card" data-testid="audit-entry">
          <Text className="card__text">{a.summary}</Text>
          <Text className="card__meta">
            {a.actorName} · {formatTime(a.at, list.now)}
          </Text>
        </View>
      ))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </PageShell>
  )
}

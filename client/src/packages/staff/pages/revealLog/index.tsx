/**
 * 号码查看记录 (the grid office only): each time a staff member asked for a phone number with 查看号码 —
 * who, on which ticket, whose number, when — newest first. Tapping a row opens the ticket.
 */
import { Text, View } from '@tarojs/components'
import { REVEAL_WHOSE_NAMES } from '@shared/permissions/revealWhose'
import EmptyState from '../../../../components/EmptyState'
import ErrorNotice from '../../../../components/ErrorNotice'
import LoadMore from '../../../../components/LoadMore'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import { usePaged } from '../../../../hooks/usePaged'
import { formatTime } from '../../../../lib/format'
import { go } from '../../../../lib/nav'
import { roster } from '../../../../services/api'

export default function RevealLog() {
  const list = usePaged((cursor) => roster.revealLog({ cursor, pageSize: 20 }))
  return (
    <PageShell label="号码查看记录">
      <Text className="title">号码查看记录</Text>
      <Text className="subtitle">工作人员每次点「查看号码」都会记在这里（个人信息保护）。</Text>
      <ErrorNotice error={list.error} onRetry={list.error ? list.reload : undefined} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && <EmptyState text="还没有人查看过号码" />}
      {list.items.map((e) => (
        <View
          key={e._id}
          className="card"
          role="button"
          aria-label={`${e.staffName}查看了工单${e.ticketNumber ?? ''}的${REVEAL_WHOSE_NAMES[e.whose]}号码`}
          data-testid="reveal-entry"
          onClick={() => go('task', { id: e.ticketId })}
        >
          <Text className="card__text">
            {e.staffName} 查看了{REVEAL_WHOSE_NAMES[e.whose]}的号码
          </Text>
          <Text className="card__meta">
            工单 {e.ticketNumber ?? e.ticketId} · {formatTime(e.at, list.now)}
          </Text>
        </View>
      ))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </PageShell>
  )
}

/** 我的上报: my reports, newest first, paged, each with its status in words. */
import { Text } from '@tarojs/components'
import PageShell from '../../components/PageShell'
import TicketRow from '../../components/TicketRow'
import EmptyState from '../../components/EmptyState'
import ErrorNotice from '../../components/ErrorNotice'
import Loading from '../../components/Loading'
import LoadMore from '../../components/LoadMore'
import { tickets } from '../../services/api'
import { usePaged } from '../../hooks/usePaged'
import { go } from '../../lib/nav'

export default function Mine() {
  const list = usePaged((cursor) => tickets.listMine({ cursor, pageSize: 20 }))
  return (
    <PageShell label="我的上报">
      <Text className="title">我的上报</Text>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && (
        <EmptyState text="暂无上报" hint="遇到问题，回首页点“我要上报”" />
      )}
      {list.items.map((row) => (
        <TicketRow key={row._id} row={row} now={list.now} onOpen={() => go('ticket', { id: row._id })} />
      ))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </PageShell>
  )
}

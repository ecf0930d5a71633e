/** 我的上报: my reports, newest first, paged, each with its status in words. */
import { Text } from '@tarojs/components'
import PageShell from '../../components/PageShell'
import PagedList from '../../components/PagedList'
import TicketRow from '../../components/TicketRow'
import { tickets } from '../../services/api'
import { usePaged } from '../../hooks/usePaged'
import { go } from '../../lib/nav'

export default function Mine() {
  const list = usePaged((cursor) => tickets.listMine({ cursor, pageSize: 20 }))
  return (
    <PageShell label="我的上报">
      <Text className="title">我的上报</Text>
      <PagedList list={list} empty={{ text: '暂无上报', hint: '遇到问题，回首页点“我要上报”' }}>
        {(row) => (
          <TicketRow key={row._id} row={row} now={list.now} onOpen={() => go('ticket', { id: row._id })} />
        )}
      </PagedList>
    </PageShell>
  )
}

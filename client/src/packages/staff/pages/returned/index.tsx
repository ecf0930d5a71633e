/** 退单待派: returned (or unroutable) tickets waiting for a guide to send them to a grid. */
import { Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import PagedList from '../../../../components/PagedList'
import TicketRow from '../../../../components/TicketRow'
import { supervision } from '../../../../services/api'
import { usePaged } from '../../../../hooks/usePaged'
import { go } from '../../../../lib/nav'

export default function Returned() {
  const list = usePaged((cursor) => supervision.returnedQueue({ cursor, pageSize: 20 }))
  return (
    <PageShell label="退单待派">
      <Text className="title">退单待派</Text>
      <Text className="subtitle">点开工单，选择网格“重新派单”</Text>
      <PagedList list={list} empty={{ text: '暂无待派工单' }}>
        {(row) => (
          <TicketRow
            key={row._id}
            row={row}
            now={list.now}
            showCountdown
            showOwner
            onOpen={() => go('task', { id: row._id })}
          />
        )}
      </PagedList>
    </PageShell>
  )
}

/**
 * 代报: an informant or grid worker reports for a named neighbour; below, what they reported (read
 * again on every show and after each report). A row opens the reporter's ticket page: the informant
 * is the reporter, who confirms and rates or asks for it to be redone.
 */
import { Text } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../../../components/PageShell'
import ReportForm from '../../../../components/ReportForm'
import TicketRow from '../../../../components/TicketRow'
import EmptyState from '../../../../components/EmptyState'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import LoadMore from '../../../../components/LoadMore'
import SubmittedCard from '../../../../components/SubmittedCard'
import { tickets, type Submitted } from '../../../../services/api'
import { useMe } from '../../../../hooks/useMe'
import { usePaged } from '../../../../hooks/usePaged'
import { go } from '../../../../lib/nav'

export default function Proxy() {
  const { me, error, refresh } = useMe()
  const [done, setDone] = useState<Submitted | null>(null)
  const [round, setRound] = useState(0)
  const list = usePaged((cursor) => tickets.listMine({ cursor, pageSize: 20 }))
  const gridId = me?.staff?.scope.gridIds[0]

  return (
    <PageShell label="代报">
      <Text className="title">代群众上报</Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {done ? (
        <SubmittedCard
          proxy
          done={done}
          onMore={() => {
            setDone(null)
            setRound(round + 1)
          }}
        />
      ) : (
        me && (
          <ReportForm
            key={round}
            proxy
            openid={me.openid}
            gridId={gridId}
            onDone={(s) => {
              setDone(s)
              list.reload() // the new report joins 我上报的 below at once
            }}
          />
        )
      )}
      <Text className="section-title">我上报的</Text>
      <ErrorNotice error={list.error} onRetry={list.reload} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && <EmptyState text="暂无工单" />}
      {list.items.map((row) => (
        <TicketRow key={row._id} row={row} now={list.now} onOpen={() => go('ticket', { id: row._id })} />
      ))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </PageShell>
  )
}

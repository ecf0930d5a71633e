/**
 * 代报: an informant or grid worker reports for a named neighbour; below, what they reported (read
 * again on every show and after each report). A row opens the reporter's ticket page: the informant
 * is the reporter, who confirms and rates or asks for it to be redone.
 */
import { Text } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../../../components/PageShell'
import ErrorNotice from '../../../../components/ErrorNotice'
import PagedList from '../../../../components/PagedList'
import ReportForm from '../../../../components/ReportForm'
import TicketRow from '../../../../components/TicketRow'
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
      <PagedList list={list} empty={{ text: '暂无工单' }}>
        {(row) => (
          <TicketRow key={row._id} row={row} now={list.now} onOpen={() => go('ticket', { id: row._id })} />
        )}
      </PagedList>
    </PageShell>
  )
}

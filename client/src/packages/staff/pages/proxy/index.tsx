/**
 * 代报: an informant or grid worker reports for a named neighbour, in the neighbour's grid (their own
 * by default; any grid of the villages they serve); below, what they reported (read
 * again on every show and after each report). A row opens the reporter's ticket page: the informant
 * is the reporter, who confirms and rates or asks for it to be redone.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import PageShell from '../../../../components/PageShell'
import ErrorNotice from '../../../../components/ErrorNotice'
import PagedList from '../../../../components/PagedList'
import ReportForm from '../../../../components/ReportForm'
import TicketRow from '../../../../components/TicketRow'
import SubmittedCard from '../../../../components/SubmittedCard'
import { residents, tickets, type Place, type Submitted } from '../../../../services/api'
import { useMe } from '../../../../hooks/useMe'
import { usePaged } from '../../../../hooks/usePaged'
import { go } from '../../../../lib/nav'

export default function Proxy() {
  const { me, error, refresh } = useMe()
  const [done, setDone] = useState<Submitted | null>(null)
  const [round, setRound] = useState(0)
  const list = usePaged((cursor) => tickets.listMine({ cursor, pageSize: 20 }))
  const scope = me?.staff?.scope
  const [gridId, setGridId] = useState<string | undefined>(undefined)
  const [choices, setChoices] = useState<Place[]>([])
  const chosen = gridId ?? scope?.gridIds[0]

  // The grids the neighbour may live in: those of the villages this person serves.
  useEffect(() => {
    if (!scope) return
    Promise.all(scope.villageIds.map((v) => residents.grids(v))).then((all) =>
      setChoices(all.flatMap((r) => (r.ok ? r.data.items : []))),
    )
  }, [scope?.villageIds.join(',')])

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
          <>
            {choices.length > 1 && (
              <View className="grid-choice" role="radiogroup" aria-label="乡亲住在哪个组">
                <Text className="section-title">乡亲住在哪个组？</Text>
                <View className="chips">
                  {choices.map((g) => (
                    <View
                      key={g._id}
                      className={g._id === chosen ? 'chip chip--on' : 'chip'}
                      role="radio"
                      aria-checked={g._id === chosen}
                      aria-label={`${g.name}${g._id === chosen ? '，已选' : ''}`}
                      data-testid={`proxy-grid-${g._id}`}
                      onClick={() => setGridId(g._id)}
                    >
                      <Text>{g.name}</Text>
                    </View>
                  ))}
                </View>
              </View>
            )}
            <ReportForm
              key={round}
              proxy
              openid={me.openid}
              gridId={chosen}
              onDone={(s) => {
                setDone(s)
                list.reload() // the new report joins 我上报的 below at once
              }}
            />
          </>
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

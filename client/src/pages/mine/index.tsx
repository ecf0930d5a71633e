/**
 * 我的上报: my reports, newest first, paged, each with its status in words. A newcomer who has not
 * chosen a grid has no reports yet: they are told so kindly and offered 选择网格 and 我要上报,
 * rather than shown a refusal that 重试 cannot fix.
 */
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import PageShell from '../../components/PageShell'
import PagedList from '../../components/PagedList'
import TicketRow from '../../components/TicketRow'
import EmptyState from '../../components/EmptyState'
import BigButton from '../../components/BigButton'
import Loading from '../../components/Loading'
import { tickets } from '../../services/api'
import { usePaged } from '../../hooks/usePaged'
import { useMe } from '../../hooks/useMe'
import { go } from '../../lib/nav'

function MyReports() {
  const list = usePaged((cursor) => tickets.listMine({ cursor, pageSize: 20 }))
  // Mounted once roster.me has answered, after the page's first show: the first load is ours
  // (later shows reload through usePaged).
  useEffect(() => {
    list.reload()
  }, [])
  return (
    <PagedList list={list} empty={{ text: '暂无上报', hint: '遇到问题，回首页点“我要上报”' }}>
      {(row) => (
        <TicketRow key={row._id} row={row} now={list.now} onOpen={() => go('ticket', { id: row._id })} />
      )}
    </PagedList>
  )
}

export default function Mine() {
  const { me, loading } = useMe()
  const newcomer = me !== null && me.townId === null
  return (
    <PageShell label="我的上报">
      <Text className="title">我的上报</Text>
      {loading && !me && <Loading />}
      {newcomer ? (
        <View data-testid="mine-newcomer">
          <EmptyState text="您还没有上报过问题" hint="先选好您家所在的网格，有事就能直接交给网格员" />
          <BigButton onClick={() => go('grid')} testId="choose-grid">
            选择网格
          </BigButton>
          <BigButton kind="plain" onClick={() => go('report')}>
            我要上报
          </BigButton>
        </View>
      ) : (
        (me || !loading) && <MyReports />
      )}
    </PageShell>
  )
}

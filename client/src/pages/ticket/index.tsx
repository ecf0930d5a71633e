/** The reporter's view of one ticket: the card, what they can do now, and the progress in plain words. */
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../components/PageShell'
import TicketCard from '../../components/TicketCard'
import ResidentTimeline from '../../components/ResidentTimeline'
import ResidentActions from '../../components/ResidentActions'
import ErrorNotice from '../../components/ErrorNotice'
import Loading from '../../components/Loading'
import { useTicket } from '../../hooks/useTicket'
import { useMe } from '../../hooks/useMe'

export default function TicketPage() {
  const { id } = useRouter().params
  const { ticket, error, loading, now, reload, apply } = useTicket(id)
  const { me } = useMe()
  return (
    <PageShell label="工单详情">
      <Text className="title">工单详情</Text>
      {loading && !ticket && <Loading />}
      <ErrorNotice error={error} onRetry={reload} />
      {ticket && (
        <>
          <TicketCard ticket={ticket} now={now} />
          {me && <ResidentActions ticket={ticket} openid={me.openid} onChanged={apply} onReload={reload} />}
          <Text className="section-title">办理进度</Text>
          <ResidentTimeline entries={ticket.timeline} now={now} />
        </>
      )}
    </PageShell>
  )
}

/** A task seen by staff: the card with the reporter's contact, the allowed actions, the timeline. */
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/PageShell'
import TicketCard from '../../../../components/TicketCard'
import Timeline from '../../../../components/Timeline'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import { useTicket } from '../../../../hooks/useTicket'
import { useMe } from '../../../../hooks/useMe'
import ActionPanel from '../../components/ActionPanel'

export default function TaskPage() {
  const { id } = useRouter().params
  const { ticket, error, loading, now, reload, apply } = useTicket(id)
  const { me } = useMe()
  return (
    <PageShell label="任务详情">
      <Text className="title">任务详情</Text>
      {loading && !ticket && <Loading />}
      <ErrorNotice error={error} onRetry={reload} />
      {ticket && (
        <>
          <TicketCard ticket={ticket} now={now} forStaff />
          {me && <ActionPanel ticket={ticket} openid={me.openid} onChanged={apply} onReload={reload} />}
          <Text className="section-title">办理记录</Text>
          <Timeline entries={ticket.timeline} now={now} />
        </>
      )}
    </PageShell>
  )
}

/**
 * A task seen by staff: the card with the reporter's contact, the allowed actions, the timeline. A
 * ticket the viewer reported themself (an informant's 代报) links to the reporter's page to be rated.
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/PageShell'
import TicketCard from '../../../../components/TicketCard'
import Timeline from '../../../../components/Timeline'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import { useTicket } from '../../../../hooks/useTicket'
import { useMe } from '../../../../hooks/useMe'
import { go } from '../../../../lib/nav'
import ActionPanel from '../../components/ActionPanel'
import ReporterGridFix from '../../components/ReporterGridFix'

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
          {ticket.isMine && ticket.allowedCommands.some((c) => c === 'confirm' || c === 'reopen') && (
            // Reached with an old link: the rating is the reporter's, on the reporter's page.
            <View
              className="btn-link"
              role="button"
              aria-label="这是您上报的工单，去评价或要求重办"
              data-testid="go-reporter-page"
              onClick={() => go('ticket', { id: ticket._id })}
            >
              <Text>这是您上报的，去评价</Text>
              <Text aria-hidden="true">›</Text>
            </View>
          )}
          {me && <ActionPanel ticket={ticket} openid={me.openid} onChanged={apply} onReload={reload} />}
          {ticket.source === 'resident' && !ticket.isMine && <ReporterGridFix ticketId={ticket._id} />}
          <Text className="section-title">办理记录</Text>
          <Timeline entries={ticket.timeline} now={now} />
        </>
      )}
    </PageShell>
  )
}

/**
 * 消息中心: every notification also lands here, newest first, in two short lines (what happened, and
 * a few words of what about); unread ones say so in words. A message about the
 * viewer's own report opens the reporter's ticket page, a task message the staff one (lib/ticketPages).
 */
import { Text, View } from '@tarojs/components'
import PageShell from '../../components/PageShell'
import EmptyState from '../../components/EmptyState'
import ErrorNotice from '../../components/ErrorNotice'
import Loading from '../../components/Loading'
import LoadMore from '../../components/LoadMore'
import BigButton from '../../components/BigButton'
import { messages, type MessageItem } from '../../services/api'
import { hasAnyRole } from '../../services/session'
import { messageTicketPage } from '../../lib/ticketPages'
import { usePaged } from '../../hooks/usePaged'
import { useAction } from '../../hooks/useAction'
import { useMe } from '../../hooks/useMe'
import { formatTime } from '../../lib/format'
import { messageSummary as summary } from '../../lib/messageText'
import { go } from '../../lib/nav'

export default function Messages() {
  const list = usePaged((cursor) => messages.list({ cursor, pageSize: 20 }))
  const action = useAction()
  const { me } = useMe()
  const staff = hasAnyRole(me, [
    'gridWorker',
    'villageGuide',
    'townGuide',
    'townSupervisor',
    'admin',
    'informant',
  ])

  const open = async (m: MessageItem) => {
    if (!m.read) await messages.markRead({ messageIds: [m._id] })
    if (m.ticketId) go(messageTicketPage(m.templateKey, staff), { id: m.ticketId })
    else list.reload()
  }
  const unread = list.items.filter((m) => !m.read).length

  return (
    <PageShell label="消息中心">
      <Text className="title">消息中心</Text>
      <ErrorNotice error={list.error ?? action.error} onRetry={list.reload} />
      {unread > 0 && (
        <BigButton
          kind="plain"
          busy={action.busy}
          onClick={() => action.run(() => messages.markRead({ all: true })).then((r) => r && list.reload())}
        >
          全部标为已读
        </BigButton>
      )}
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && <EmptyState text="暂无消息" hint="办理进展会在这里通知您" />}
      {list.items.map((m) => (
        <View
          key={m._id}
          className={m.read ? 'card card--tap' : 'card card--tap card--unread'}
          role="button"
          aria-label={`${m.read ? '' : '未读消息，'}${summary(m).headline}，${summary(m).about}`}
          data-testid="message"
          onClick={() => open(m)}
        >
          <View className="card__head">
            <Text className="card__title">{summary(m).headline}</Text>
            <Text className={m.read ? 'tag tag--closed' : 'tag tag--unread'}>{m.read ? '已读' : '未读'}</Text>
          </View>
          <Text className="card__meta msg__about">
            {summary(m).about ? `${summary(m).about} · ` : ''}
            {formatTime(m.createdAt, list.now)}
          </Text>
        </View>
      ))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </PageShell>
  )
}

/** The ticket itself: what, where, when due, and how it ended (result, rating, rejection). */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketDetailView, TicketView } from '../services/api'
import { canNavigate, navigateTo } from '../services/place'
import { placeText } from '../lib/placeText'
import { categoryName, currentDeadline, formatTime, levelName, RATING_LABELS } from '../lib/format'
import { useTownCategories } from '../hooks/useTownCategories'
import Countdown from './Countdown'
import PhotoList from './PhotoList'
import StatusTag from './StatusTag'
import VoicePlayer from './VoicePlayer'
import RevealPhone, { useReveal } from './RevealPhone'

type Names = Pick<TicketDetailView, 'gridName' | 'villageName' | 'assigneeName' | 'assigneePhone'>

interface Props {
  /** The detail's names, when known, say where the concern is and who handles it. */
  ticket: TicketView & Partial<Names>
  now: number
  /**
   * Staff see the reporter's contact (the phone masked: those who may call ask for it with 查看号码)
   * and a countdown.
   */
  forStaff?: boolean
}

function Reporter({ ticket }: { ticket: TicketView }) {
  const r = ticket.reporter
  const who = ticket.onBehalfOf ?? r
  const reveal = useReveal(ticket._id, ticket.onBehalfOf ? 'onBehalfOf' : 'reporter')
  if (r.hidden) return <Text className="card__meta">上报人：匿名</Text>
  const phone = reveal.phone ?? who.phone
  const words = [who.name, phone].filter(Boolean).join(' ')
  const label = ticket.onBehalfOf ? '群众（代报）' : '上报人'
  return (
    <View className="contact">
      <Text className="card__meta" data-testid="reporter-contact">
        {label}：{words || '没有留下称呼和电话'}
      </Text>
      {who.phone && r.revealable && (
        <RevealPhone reveal={reveal} who={label} callLabel="拨打电话" testId="reporter" />
      )}
      {who.phone && !r.masked && !r.revealable && (
        <View
          className="btn btn--plain"
          role="button"
          aria-label={`拨打电话 ${who.phone}`}
          onClick={() => Taro.makePhoneCall({ phoneNumber: who.phone as string })}
        >
          <Text>拨打电话</Text>
        </View>
      )}
    </View>
  )
}

/** The responsible person, and for those who supervise the ticket their number (masked, 查看号码). */
function Assignee({ ticket: t, forStaff }: { ticket: TicketView & Partial<Names>; forStaff?: boolean }) {
  const reveal = useReveal(t._id, 'assignee')
  if (t.assigneeId === null || !t.assigneeName) return null
  const phone = forStaff && t.assigneePhone ? (reveal.phone ?? t.assigneePhone) : null
  return (
    <>
      <Text className="card__meta" data-testid="ticket-assignee">
        办理人：{t.assigneeName}
        {phone ? ` ${phone}` : ''}
      </Text>
      {phone && (
        <RevealPhone
          reveal={reveal}
          who={`办理人${t.assigneeName}`}
          callLabel="拨打办理人电话"
          testId="assignee"
        />
      )}
    </>
  )
}

export default function TicketCard({ ticket: t, now, forStaff }: Props) {
  const town = useTownCategories()
  const due = t.deadlines
    ? currentDeadline({
        status: t.status,
        signForDueAt: t.deadlines.signFor.dueAt,
        resolveDueAt: t.deadlines.resolve.dueAt,
      })
    : null
  return (
    <View className="card" aria-label={`工单 ${t.number}`}>
      <View className="card__head">
        <Text className="card__title">
          {t.priority === 'urgent' ? '【紧急】' : ''}
          {categoryName(t.categoryCode, town)}
        </Text>
        <StatusTag status={t.status} />
      </View>
      <Text className="card__meta" data-testid="ticket-number">
        编号 {t.number}
      </Text>
      <Text className="card__text">{t.description}</Text>
      {t.voice && <VoicePlayer voice={t.voice} />}
      <PhotoList photos={t.photos} label="上报照片" />
      {placeText(t.location) && (
        <View className="place__line">
          <Text className="card__meta" data-testid="ticket-place">
            位置：{placeText(t.location)}
          </Text>
          {t.location && canNavigate(t.location) && (
            <View
              className="btn btn--plain btn--small"
              role="button"
              aria-label="导航到上报位置"
              data-testid="navigate"
              onClick={() => t.location && navigateTo(t.location)}
            >
              <Text>导航</Text>
            </View>
          )}
        </View>
      )}
      {(t.villageName || t.gridName) && (
        <Text className="card__meta" data-testid="ticket-grid">
          所属网格：{t.villageName ?? ''}
          {t.gridName ?? ''}
        </Text>
      )}
      <Assignee ticket={t} forStaff={forStaff} />
      <Text className="card__meta">上报时间：{formatTime(t.createdAt, now)}</Text>
      {t.deadlines && !['closed', 'rejected'].includes(t.status) && (
        <Text className="card__meta">办结时限：{formatTime(t.deadlines.resolve.dueAt, now)} 前</Text>
      )}
      {t.paused && <Text className="card__meta">等待群众补充，计时暂停</Text>}
      {forStaff && due && <Countdown dueAt={due.dueAt} now={now} what={`${due.kind}：`} />}
      {forStaff && t.escalationLevel > 0 && (
        <Text className="card__level">督办级别：{levelName(t.escalationLevel)}</Text>
      )}
      {forStaff && <Reporter ticket={t} />}
      {t.resolution && (
        <View className="card__section">
          <Text className="card__label">办理结果（{formatTime(t.resolution.at, now)}）</Text>
          <Text className="card__text">{t.resolution.result}</Text>
          <PhotoList photos={t.resolution.photos} label="办结照片" />
        </View>
      )}
      {t.rating && (
        <View className="card__section">
          <Text className="card__label">评价</Text>
          <Text className="card__text">
            {'★'.repeat(t.rating.score)} {t.rating.score}星 {RATING_LABELS[t.rating.score]}
            {t.rating.comment ? `：${t.rating.comment}` : ''}
          </Text>
        </View>
      )}
      {t.rejection && (
        <View className="card__section">
          <Text className="card__label">{t.rejection.kind === 'duplicate' ? '重复件' : '不予受理'}</Text>
          <Text className="card__text">{t.rejection.reason}</Text>
        </View>
      )}
    </View>
  )
}

/** One ticket in a list: number, category, status in words, excerpt, and what is due. */
import { Text, View } from '@tarojs/components'
import type { TicketSummary } from '../services/api'
import { categoryName, currentDeadline, formatTime, levelName } from '../lib/format'
import { useTownCategories } from '../hooks/useTownCategories'
import Countdown from './Countdown'
import StatusTag from './StatusTag'

interface Props {
  row: TicketSummary & { gridName?: string | null; villageName?: string | null; assigneeName?: string | null }
  now: number
  onOpen: () => void
  showCountdown?: boolean
  showOwner?: boolean
}

export default function TicketRow({ row, now, onOpen, showCountdown, showOwner }: Props) {
  const town = useTownCategories()
  const due = showCountdown ? currentDeadline(row) : null
  return (
    <View
      className="card card--tap"
      role="button"
      aria-label={`工单 ${row.number}，${categoryName(row.categoryCode, town)}，点按查看详情`}
      data-testid={`ticket-${row._id}`}
      onClick={onOpen}
    >
      <View className="card__head">
        <Text className="card__title">
          {row.priority === 'urgent' ? '【紧急】' : ''}
          {categoryName(row.categoryCode, town)}
        </Text>
        <StatusTag status={row.status} />
      </View>
      <Text className="card__text">{row.excerpt}</Text>
      <Text className="card__meta">
        编号 {row.number} · {formatTime(row.createdAt, now)} 上报
      </Text>
      {showOwner && (
        <Text className="card__meta">
          {[row.villageName, row.gridName].filter(Boolean).join(' ')} · 责任人 {row.assigneeName ?? '未分派'}
        </Text>
      )}
      {row.escalationLevel > 0 && (
        <Text className="card__level">督办级别：{levelName(row.escalationLevel)}</Text>
      )}
      {due && <Countdown dueAt={due.dueAt} now={now} what={`${due.kind}：`} />}
    </View>
  )
}

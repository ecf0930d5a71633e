/** One field-work record in a list: date and place, what it was, who logged it, tickets it raised. */
import { Text, View } from '@tarojs/components'
import type { RecordRow } from '../../../services/api'

export default function RecordRowView({ row }: { row: RecordRow }) {
  return (
    <View className="card" data-testid={`record-${row._id}`}>
      <Text className="card__title">{row.title}</Text>
      <Text className="card__text">
        {row.date.slice(0, 10)} · {row.placeName}
        {row.createdByName ? ` · ${row.createdByName}` : ''}
      </Text>
      {row.detail && <Text className="card__text">{row.detail}</Text>}
      {row.ticketNumbers.length > 0 && (
        <Text className="card__text">工单：{row.ticketNumbers.join('、')}</Text>
      )}
    </View>
  )
}

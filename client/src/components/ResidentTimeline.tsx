/** The ticket's history as the reporter reads it: newest first, in plain words (shared's residentTimeline). */
import { Text, View } from '@tarojs/components'
import { residentTimeline } from '@shared/tickets/residentTimeline'
import type { TicketView } from '../services/api'
import { formatTime } from '../lib/format'
import PhotoList from './PhotoList'

export default function ResidentTimeline({ entries, now }: { entries: TicketView['timeline']; now: number }) {
  const steps = residentTimeline(entries)
  return (
    <View className="timeline" aria-label="办理进度" data-testid="resident-timeline">
      {steps.map((s, i) => (
        <View key={`${s.at}-${i}`} className="timeline__item">
          <Text className="timeline__time">{formatTime(s.at, now)}</Text>
          <Text className="timeline__what">{s.detail ? `${s.text}：${s.detail}` : s.text}</Text>
          {s.photos && <PhotoList photos={s.photos} label="照片" />}
        </View>
      ))}
    </View>
  )
}

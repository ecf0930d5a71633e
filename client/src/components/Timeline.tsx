/** The ticket's history, newest first: when, who, what, and the note or photos. */
import { Text, View } from '@tarojs/components'
import type { TicketView } from '../services/api'
import { commandName, formatTime, roleName, statusName } from '../lib/format'
import PhotoList from './PhotoList'

type Entry = TicketView['timeline'][number]

function who(entry: Entry): string {
  const a = entry.actor
  if (a.kind === 'reporter') return '上报人'
  if (a.kind === 'system') return '系统'
  return [a.role ? roleName(a.role) : '工作人员', a.name].filter(Boolean).join(' ')
}

export default function Timeline({ entries, now }: { entries: Entry[]; now: number }) {
  const list = [...entries].reverse()
  return (
    <View className="timeline" aria-label="办理记录">
      {list.map((e, i) => {
        const change = e.from && e.from !== e.to ? `（${statusName(e.from)} → ${statusName(e.to)}）` : ''
        return (
          <View key={`${e.at}-${i}`} className="timeline__item">
            <Text className="timeline__time">{formatTime(e.at, now)}</Text>
            <Text className="timeline__what">
              {who(e)}：{commandName(e.command)}
              {change}
            </Text>
            {e.note && <Text className="timeline__note">{e.note}</Text>}
            {e.photos && e.photos.length > 0 && <PhotoList photos={e.photos} label="记录照片" />}
          </View>
        )
      })}
    </View>
  )
}

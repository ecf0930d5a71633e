/**
 * On the grid office's home from December: next year's holidays and 调休 are not in the calendar
 * yet, so deadlines would count them as working days. Nothing is shown otherwise.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { roster } from '../services/api'
import { go } from '../lib/nav'

export default function CalendarWarning() {
  const [year, setYear] = useState<number | null>(null)
  useEffect(() => {
    roster.calendarWarning().then((r) => r.ok && setYear(r.data.missingYear))
  }, [])
  if (year === null) return null
  return (
    <View className="notice notice--error" role="alert" data-testid="calendar-warning">
      <Text className="notice__title">{year} 年的节假日和调休还没有录入</Text>
      <Text className="notice__text">
        国务院公布 {year} 年放假安排后，请把节假日和调休日录入本镇设置，否则办理期限会把假日算作工作日。
      </Text>
      <View
        className="notice__action"
        role="button"
        aria-label={`录入${year}年的节假日和调休`}
        data-testid="calendar-warning-go"
        onClick={() => go('townSettings', { section: 'calendar' })}
      >
        <Text>去录入 ›</Text>
      </View>
    </View>
  )
}

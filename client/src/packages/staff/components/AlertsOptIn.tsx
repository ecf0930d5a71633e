/**
 * 开启微信提醒: staff allow WeChat to bring them their new tasks, due-soon reminders and overdue
 * alerts. WeChat's rule is one message per template per "允许" tap (DESIGN.md §6), so the box says
 * so and shows how many of each remain (messages.subscriptionCredits); a tap asks again.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import BigButton from '../../../components/BigButton'
import { useTownChoices } from '../../../hooks/useTownChoices'
import { messages } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'

interface Credit {
  templateId: string
  title: string
  credits: number
}

export default function AlertsOptIn() {
  const town = useTownChoices()
  const [credits, setCredits] = useState<Credit[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<'ok' | 'none' | null>(null)

  const loadCredits = () =>
    messages.subscriptionCredits('staff').then((r) => r.ok && setCredits(r.data.templates))
  useEffect(() => {
    loadCredits()
  }, [])

  const tap = () => {
    if (busy) return
    setBusy(true)
    // First thing in the tap: WeChat shows the dialog only from a tap.
    askSubscribe(town.subscribeTemplates.staff).then((r) => {
      setBusy(false)
      setDone(r !== null && r.accepted.length > 0 ? 'ok' : 'none')
      loadCredits()
    })
  }

  const left = credits?.map((c) => `${c.title} ${c.credits} 条`).join('，')
  return (
    <View className="card alerts" aria-label="微信提醒">
      <Text className="card__text">
        新任务、快超时、督办，也能在微信“服务通知”里提醒您。按微信规定，每点一次“允许”，每种提醒只能发一条；用完了再点一次。
      </Text>
      {left && (
        <Text className="card__meta" data-testid="alert-credits">
          还能提醒：{left}
        </Text>
      )}
      <BigButton
        kind="plain"
        busy={busy}
        onClick={tap}
        testId="enable-alerts"
        label="开启微信提醒，每点一次可收到每种提醒一条"
      >
        开启微信提醒
      </BigButton>
      {done === 'ok' && (
        <View className="notice notice--ok" role="status">
          <Text>✓ 已开启微信提醒</Text>
        </View>
      )}
      {done === 'none' && (
        <View className="notice" role="status">
          <Text>没有开启：微信里没有点“允许”。任务照样在收件箱和消息中心里。</Text>
        </View>
      )}
    </View>
  )
}

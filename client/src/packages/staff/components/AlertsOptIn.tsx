/**
 * How alerts reach this staff member, on one small line: the message centre (always), WeChat
 * reminders (one-time templates: how many messages are left; long-term ones: on or off) and the
 * 企业微信 group when a robot posts there (messages.subscriptionCredits). A button turns WeChat
 * reminders on (one tap asks WeChat again); the explainer is behind 说明.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useTownChoices } from '../../../hooks/useTownChoices'
import { messages } from '../../../services/api'
import { askSubscribe } from '../../../services/subscribe'
import { wechatText, type TemplateCredit } from '../../../lib/alertChannels'

type Credit = TemplateCredit

export default function AlertsOptIn() {
  const town = useTownChoices()
  const [credits, setCredits] = useState<Credit[] | null>(null)
  const [groupRobot, setGroupRobot] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<'ok' | 'none' | null>(null)
  const [explain, setExplain] = useState(false)

  const loadCredits = () =>
    messages.subscriptionCredits('staff').then((r) => {
      if (!r.ok) return
      setCredits(r.data.templates)
      setGroupRobot(r.data.groupRobot === true)
    })
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

  // One line once it is known (no line that changes under the reader's eyes).
  if (credits === null) return null
  const longTerm = credits !== null && credits.length > 0 && credits.every((c) => c.longTerm)
  const allOn = longTerm && credits.every((c) => c.credits > 0)
  return (
    <View className="alerts" aria-label="提醒方式">
      <View className="channels">
        <Text>提醒方式：消息中心</Text>
        {credits && <Text data-testid="alert-credits">· 微信 {wechatText(credits)}</Text>}
        {groupRobot && <Text data-testid="alert-robot">· 企业微信群</Text>}
        {!allOn && (
          <View
            className="btn btn--plain"
            role="button"
            aria-label="开启微信提醒"
            aria-busy={busy}
            data-testid="enable-alerts"
            onClick={tap}
          >
            <Text>{busy ? '请稍候…' : '开启微信提醒'}</Text>
          </View>
        )}
        <View
          className="channels__link"
          role="button"
          aria-label={explain ? '收起提醒方式的说明' : '提醒方式的说明'}
          data-testid="alerts-explain"
          onClick={() => setExplain(!explain)}
        >
          <Text>{explain ? '收起' : '说明'}</Text>
        </View>
      </View>
      {explain && (
        <View className="card" data-testid="alerts-explainer">
          <Text className="card__text">
            新任务、快超时、督办，都会在“消息中心”里。开启微信提醒后，也会在微信“服务通知”里提醒您。
          </Text>
          {longTerm ? (
            <Text className="card__text">
              本镇的工作提醒是长期订阅：点一次“允许”（可勾选“总是保持以上选择”），以后的提醒都能收到；在微信设置里关闭后，只在消息中心和工作群里提醒。
            </Text>
          ) : (
            <Text className="card__text">
              按微信规定，每点一次“允许”，每种提醒只能发一条；用完了再点一次。
            </Text>
          )}
          <Text className="card__text">
            本村（社区）或镇网格办设置了企业微信群机器人的，超时、督办和每个工作日 8:30
            的超时日报也会发到群里，并@责任人。
          </Text>
        </View>
      )}
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

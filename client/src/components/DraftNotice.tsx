/**
 * The home page's word about a report kept on the phone: "有 1 条未发送的上报" and 现在发送 (one tap,
 * the draft's own request id: sent at most once, however often it is tapped or retried), or, for a
 * report not finished yet, 继续填写.
 */
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { tickets, type Submitted } from '../services/api'
import { dropDraft, reportDraft } from '../services/drafts'
import { draftNotice, readyToSend, submitInputOf, type ReportDraft } from '../lib/drafts'
import { useAction } from '../hooks/useAction'
import { go } from '../lib/nav'
import BigButton from './BigButton'
import ErrorNotice from './ErrorNotice'

export default function DraftNotice({ openid }: { openid: string }) {
  const [draft, setDraft] = useState<ReportDraft | null>(() => reportDraft(openid))
  const [sent, setSent] = useState<Submitted | null>(null)
  const action = useAction()

  useDidShow(() => setDraft(reportDraft(openid)))

  if (sent)
    return (
      <View className="notice notice--ok" role="status" data-testid="draft-sent">
        <Text>✓ 已发送，工单编号 {sent.number}</Text>
        <View
          className="btn-link"
          role="button"
          aria-label="查看办理进度"
          onClick={() => go('ticket', { id: sent.ticketId })}
        >
          <Text>查看办理进度 ›</Text>
        </View>
      </View>
    )
  if (!draft) return null

  const send = () =>
    action
      .run(() => tickets.submit(submitInputOf(draft)))
      .then((s) => {
        if (!s) return // still kept: tap again when the network is back
        dropDraft(openid, 'report')
        setDraft(null)
        setSent(s)
      })

  return (
    <View className="card draft" aria-label={draftNotice(draft)} data-testid="draft-notice">
      <Text className="card__title">{draftNotice(draft)}</Text>
      <Text className="card__meta">
        {Array.from(draft.description).slice(0, 30).join('') || '（还没写说明）'}
      </Text>
      <ErrorNotice error={action.error} />
      {readyToSend(draft) ? (
        <BigButton busy={action.busy} onClick={send} testId="send-draft">
          现在发送
        </BigButton>
      ) : null}
      <BigButton kind="plain" onClick={() => go('report')} testId="edit-draft">
        {readyToSend(draft) ? '打开看看' : '继续填写'}
      </BigButton>
    </View>
  )
}

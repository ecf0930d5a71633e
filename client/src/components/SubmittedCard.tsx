/** After a report: the ticket number and the promised deadline, in Shanghai time. */
import { Text, View } from '@tarojs/components'
import type { Submitted } from '../services/api'
import { resolveByText } from '../lib/format'
import { go } from '../lib/nav'
import BigButton from './BigButton'

export default function SubmittedCard({
  done,
  onMore,
  proxy,
}: {
  done: Submitted
  onMore: () => void
  proxy?: boolean
}) {
  return (
    <View
      className="card done"
      role="status"
      aria-label={`上报成功，工单编号 ${done.number}`}
      data-testid="report-done"
    >
      <Text className="done__title">✓ 上报成功</Text>
      <Text className="card__text">
        工单编号：<Text data-testid="done-number">{done.number}</Text>
      </Text>
      <Text className="card__text" data-testid="done-deadline">
        {done.resolveDueAt ? resolveByText(done.resolveDueAt) : '网格办将尽快为您安排办理人'}
      </Text>
      {done.flagged && <Text className="card__meta">内容需人工复核，不影响办理</Text>}
      <Text className="card__meta">
        {proxy
          ? '办理进展会在“消息中心”告诉您；办结后，请问过群众再评价。'
          : '办理进展会通过微信消息和“消息中心”告诉您。'}
      </Text>
      <BigButton onClick={() => go('ticket', { id: done.ticketId })} label="查看办理进度">
        查看办理进度
      </BigButton>
      <BigButton kind="plain" onClick={onMore}>
        再报一件
      </BigButton>
    </View>
  )
}

/**
 * A message-centre entry in two short lines: what happened (the status in words, "已受理",
 * "网格员已签收", "已办结，请评价", "挂牌督办") and a few words of what it is about, instead of every
 * template keyword on its own line. Pure (no Taro): unit-tested under Node.
 */
export interface MessageLike {
  templateKey: string
  title: string
  lines: { label: string; value: string }[]
}

/** The keyword that says what the message is about, per template, in order of preference. */
const ABOUT = ['问题描述', '处理进度', '处理结果', '待办事项', '督办事项']

const value = (m: MessageLike, label: string): string => m.lines.find((l) => l.label === label)?.value ?? ''

const HEADLINE: Record<string, (m: MessageLike) => string> = {
  ticketAccepted: () => '您反映的问题已受理',
  ticketProgress: (m) => {
    const status = value(m, '处理状态')
    return status === '已签收' ? '网格员已签收' : status ? `办理进展：${status}` : '办理有新进展'
  },
  ticketResolved: () => '已办结，请您评价',
  taskNew: (m) => (value(m, '紧急程度') === '紧急' ? '新任务（紧急）' : '新任务'),
  taskDue: () => '任务即将超时',
  overdueAlert: (m) => {
    const level = value(m, '督办级别')
    return level ? `${level}：任务已超时` : '任务已超时'
  },
}

/** At most `max` characters, with an ellipsis when cut. */
const cut = (text: string, max: number): string => {
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

export function messageSummary(m: MessageLike): { headline: string; about: string } {
  const headline = HEADLINE[m.templateKey]?.(m) ?? m.title
  const about = ABOUT.map((label) => value(m, label)).find((v) => v !== '') ?? ''
  return { headline, about: cut(about, 24) }
}

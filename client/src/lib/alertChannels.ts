/** The WeChat part of a staff member's alert line, from messages.subscriptionCredits. */
export interface TemplateCredit {
  templateId: string
  title: string
  credits: number
  longTerm?: boolean
}

/**
 * One-time templates: how many messages are left of each; long-term ones: on or off.
 *
 * @example
 * wechatText([{ templateId: 'A', title: '督办提醒', credits: 2 }]) // '督办提醒 2 条'
 * wechatText([{ templateId: 'B', title: '督办提醒', credits: 1, longTerm: true }]) // '已开启（长期）'
 */
export function wechatText(credits: readonly TemplateCredit[]): string {
  if (credits.length > 0 && credits.every((c) => c.longTerm))
    return credits.every((c) => c.credits > 0) ? '已开启（长期）' : '未开启'
  return credits
    .map((c) =>
      c.longTerm ? `${c.title} ${c.credits > 0 ? '已开启' : '未开启'}` : `${c.title} ${c.credits} 条`,
    )
    .join('、')
}

/** The WeChat part of a staff member's alert line, from messages.subscriptionCredits. */
export interface TemplateCredit {
  templateId: string
  title: string
  credits: number
  longTerm?: boolean
}

/**
 * One-time templates: how many messages are left (of each, when they differ); long-term ones: on
 * or off. Short: it is one line above the list.
 *
 * @example
 * wechatText([{ templateId: 'A', title: '待办事项提醒', credits: 2 }, { templateId: 'B', title: '督办提醒', credits: 2 }]) // '每种还能提醒 2 条'
 * wechatText([{ templateId: 'A', title: '待办事项提醒', credits: 0 }, { templateId: 'B', title: '督办提醒', credits: 2 }]) // '待办事项提醒 0 条、督办提醒 2 条'
 * wechatText([{ templateId: 'B', title: '督办提醒', credits: 1, longTerm: true }]) // '已开启（长期）'
 */
export function wechatText(credits: readonly TemplateCredit[]): string {
  if (credits.length > 0 && credits.every((c) => c.longTerm))
    return credits.every((c) => c.credits > 0) ? '已开启（长期）' : '未开启'
  if (credits.length > 0 && credits.every((c) => !c.longTerm && c.credits === credits[0].credits))
    return credits[0].credits === 0 ? '未开启' : `每种还能提醒 ${credits[0].credits} 条`
  return credits
    .map((c) =>
      c.longTerm ? `${c.title} ${c.credits > 0 ? '已开启' : '未开启'}` : `${c.title} ${c.credits} 条`,
    )
    .join('、')
}

import type { Figures } from './figures'
import type { Period } from './period'
import type { Theme } from './themes'

/**
 * The town's summary paragraph ("今年以来 …"), written from the figures in the order and words the
 * town uses: campaigns per theme and materials first, then the four services and their total,
 * then lectures and party classes. Themes with no campaign in the period are left out.
 */
export interface ParagraphInput {
  period: Period
  /** Who the figures are about: 全镇, 石桥村, 石桥村一组, 张三 … */
  scopeName: string
  figures: Figures
  themes: readonly Theme[]
}

const [Y, M, D] = [0, 1, 2]
const dateText = (d: string, withYear: boolean): string => {
  const p = d.split('-').map(Number)
  return `${withYear ? `${p[Y]}年` : ''}${p[M]}月${p[D]}日`
}

/**
 * "今年以来" when the period starts on 1 January and ends in the same year; otherwise the dates.
 *
 * @example
 * periodOpening({ from: '2026-01-01', to: '2026-08-31' }) // '今年以来'
 * periodOpening({ from: '2026-07-01', to: '2026-07-31' }) // '2026年7月1日至7月31日'
 */
export const periodOpening = (p: Period): string => {
  const sameYear = p.from.slice(0, 4) === p.to.slice(0, 4)
  if (sameYear && p.from.endsWith('-01-01')) return '今年以来'
  return `${dateText(p.from, true)}至${dateText(p.to, !sameYear)}`
}

export function writeParagraph({ period, scopeName, figures: f, themes }: ParagraphInput): string {
  const campaigns = themes
    .filter((t) => (f.campaigns[t.code] ?? 0) > 0)
    .map((t) => `${t.name}${t.name.endsWith('宣传') ? '' : '宣传'}${f.campaigns[t.code]}次`)
  const parts: string[] = []
  if (campaigns.length > 0) parts.push(`开展${campaigns.join('、')}，发放宣传资料${f.materials}份`)
  parts.push(
    `摸排问题${f.patrolIssues}个，化解矛盾纠纷${f.disputesResolved}个，解决群众诉求${f.requestsResolved}个，` +
      `提供“微服务”${f.microServices}件，累计开展微网格服务${f.gridServices}次`,
  )
  const sessions = [
    f.lectures > 0 ? `理论宣讲${f.lectures}场` : '',
    f.partyClasses > 0 ? `屋场党课${f.partyClasses}场` : '',
  ].filter(Boolean)
  if (sessions.length > 0) parts.push(`开展${sessions.join('、')}`)
  return `${periodOpening(period)}，${scopeName}${parts.join('；')}。`
}

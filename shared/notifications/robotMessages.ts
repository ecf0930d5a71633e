/**
 * What a 企业微信 group robot posts, as markdown (≤ 4096 bytes) — an overdue alert, a batch of
 * alerts (when more than the robot's 20 messages a minute are due), the daily digest — and the
 * short text that @-mentions the people concerned by phone (`mentioned_mobile_list` exists only on
 * text messages). Pure: the outbox builds these when it writes a robot post and sends them later.
 */

/** 企业微信's limits, in UTF-8 bytes. */
export const MARKDOWN_MAX_BYTES = 4096
export const TEXT_MAX_BYTES = 2048
/** A robot takes at most 20 messages a minute. */
export const ROBOT_POSTS_PER_MINUTE = 20

export interface RobotAlert {
  ticketNumber: string
  villageName: string
  gridName: string
  /** 催办, 督办 or 挂牌督办. */
  level: string
  /** How late, in words: 超时未签收，已逾1天15小时. */
  overdue: string
  urgent: boolean
  assigneeName: string
  matter: string
}

export interface DigestRow {
  ticketNumber: string
  gridName: string
  level: string
  /** 已逾1天15小时 */
  late: string
  assigneeName: string
  urgent: boolean
}

/** UTF-8 length without a platform API (shared/ runs in the mini-program too). */
export const utf8Bytes = (s: string): number => {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}
const bytes = utf8Bytes

/** Cuts to at most `max` characters with an ellipsis; markdown's own characters are left alone. */
const clip = (s: string, max: number): string => {
  const chars = Array.from(s.replace(/\s+/g, ' ').trim())
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
}

const LEVEL_COLOUR: Record<string, string> = { 催办: 'comment', 督办: 'warning', 挂牌督办: 'warning' }
const levelTag = (level: string) => `<font color="${LEVEL_COLOUR[level] ?? 'warning'}">【${level}】</font>`

/** One line per alert, for batches and digests. */
export const alertLine = (a: RobotAlert): string =>
  `- ${a.urgent ? '**紧急** ' : ''}${a.ticketNumber} ${a.villageName}${a.gridName} ${levelTag(a.level)} ${clip(a.overdue, 30)} · 责任人 ${a.assigneeName || '待派单'}`

/**
 * @example
 * alertMarkdown({ ticketNumber: '20261126-0003', villageName: '石桥村', gridName: '一组', level: '挂牌督办', overdue: '超时未办结，已逾1天15小时', urgent: true, assigneeName: '王建国', matter: '鱼塘边有小孩玩水' })
 * // '### <font color="warning">【挂牌督办】</font>工单 20261126-0003\n> 网格：石桥村一组\n…'
 */
export const alertMarkdown = (a: RobotAlert): string =>
  [
    `### ${levelTag(a.level)}工单 ${a.ticketNumber}`,
    `> 网格：${a.villageName}${a.gridName}`,
    `> 级别：${a.level}${a.urgent ? '（紧急）' : ''}`,
    `> 超时：${clip(a.overdue, 40)}`,
    `> 责任人：${a.assigneeName || '待派单'}`,
    `> 事项：${clip(a.matter, 60)}`,
    '请在“一网”小程序中办理或反馈。',
  ].join('\n')

/** The @-mention that follows an alert (a text message: markdown cannot mention by phone). */
export const mentionText = (ticketNumber: string, level: string, names: readonly string[]): string =>
  clip(`请${names.filter((n) => n).join('、') || '责任人'}尽快处理工单 ${ticketNumber}（${level}）`, 200)

/** Lines under a heading, as many as fit in a markdown message, then how many were left out. */
const fitLines = (heading: string[], lines: readonly string[], more: (n: number) => string): string => {
  const out = [...heading]
  for (let i = 0; i < lines.length; i++) {
    const next = [...out, lines[i]].join('\n')
    const tail = more(lines.length - i - 1)
    if (bytes(`${next}\n${tail}`) > MARKDOWN_MAX_BYTES - 64) {
      out.push(more(lines.length - i))
      return out.join('\n')
    }
    out.push(lines[i])
  }
  return out.join('\n')
}

/** Alerts that did not fit in this minute's 20 posts, as one message (nothing is dropped). */
export const batchMarkdown = (lines: readonly string[]): string =>
  fitLines([`### 超时提醒汇总（${lines.length} 条）`], lines, (n) =>
    n > 0 ? `…另有 ${n} 条，请在“一网”小程序“超时督办”中查看` : '',
  )

const LEVEL_ORDER = ['挂牌督办', '督办', '催办']

/**
 * The 08:30 digest of one group: what is overdue, for how long, with counts per level.
 *
 * @example
 * digestMarkdown('石桥村', '11月30日', rows) // '### 石桥村超时工单日报（11月30日）\n共 3 张：挂牌督办 1 张，督办 1 张，催办 1 张\n- …'
 */
export const digestMarkdown = (scope: string, date: string, rows: readonly DigestRow[]): string => {
  const counts = LEVEL_ORDER.map((l) => [l, rows.filter((r) => r.level === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l} ${n} 张`)
  const heading = [
    `### ${scope}超时工单日报（${date}）`,
    rows.length === 0 ? '今日没有超时工单。' : `共 ${rows.length} 张：${counts.join('，')}`,
  ]
  const lines = rows.map(
    (r) =>
      `- ${r.urgent ? '**紧急** ' : ''}${r.ticketNumber} ${r.gridName} ${levelTag(r.level)} 已逾${r.late} · 责任人 ${r.assigneeName || '待派单'}`,
  )
  return fitLines(heading, lines, (n) => (n > 0 ? `…另有 ${n} 张，请在“一网”小程序“超时督办”中查看` : ''))
}

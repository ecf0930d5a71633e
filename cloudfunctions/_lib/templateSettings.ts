/**
 * Which WeChat template carries each notification, and under which keywords (DESIGN.md §6): this is
 * configuration (`config.templates`), with the catalogue of docs/architecture.md as the default.
 * The in-app message centre shows the same words the subscribe message would carry.
 */
import { formatShanghaiDate, formatShanghaiDateTime, type TemplateInputs, type TemplateKey } from '../../shared/index'

export interface KeywordMapping {
  /** WeChat's keyword name: its prefix is its type (`thing2`, `time4`, `phrase3`, …). */
  key: string
  /** What the message centre shows as its label. */
  label: string
  /** The field of our template inputs it carries. */
  field: string
}

export interface TemplateSetting {
  templateId: string
  title: string
  /** Long-term subscriptions (government/public service) need no credit. */
  longTerm: boolean
  /** The mini-program page the message opens; `{ticketId}` is replaced. */
  page: string
  keywords: KeywordMapping[]
}

export type TemplateSettings = Record<TemplateKey, TemplateSetting>

const kw = (key: string, label: string, field: string): KeywordMapping => ({ key, label, field })
const ticketPage = 'pages/ticket/detail?id={ticketId}'
const taskPage = 'packages/staff/task/detail?id={ticketId}'

export const DEFAULT_TEMPLATE_SETTINGS: TemplateSettings = {
  ticketAccepted: {
    templateId: 'TPL_TICKET_ACCEPTED',
    title: '工单受理通知',
    longTerm: false,
    page: ticketPage,
    keywords: [
      kw('character_string1', '工单编号', 'ticketNumber'),
      kw('thing2', '问题描述', 'description'),
      kw('phrase3', '受理状态', 'status'),
      kw('time4', '受理时间', 'acceptedAt'),
      kw('thing5', '温馨提示', 'tip'),
    ],
  },
  ticketProgress: {
    templateId: 'TPL_TICKET_PROGRESS',
    title: '工单处理进度通知',
    longTerm: false,
    page: ticketPage,
    keywords: [
      kw('character_string1', '工单编号', 'ticketNumber'),
      kw('phrase2', '处理状态', 'status'),
      kw('thing3', '处理进度', 'progress'),
      kw('time4', '更新时间', 'updatedAt'),
    ],
  },
  ticketResolved: {
    templateId: 'TPL_TICKET_RESOLVED',
    title: '工单办结通知',
    longTerm: false,
    page: ticketPage,
    keywords: [
      kw('character_string1', '工单编号', 'ticketNumber'),
      kw('thing2', '处理结果', 'result'),
      kw('time3', '办结时间', 'resolvedAt'),
      kw('thing4', '温馨提示', 'tip'),
    ],
  },
  taskNew: {
    templateId: 'TPL_TASK_NEW',
    title: '待办事项提醒',
    longTerm: false,
    page: taskPage,
    keywords: [
      kw('character_string1', '工单编号', 'ticketNumber'),
      kw('thing2', '待办事项', 'task'),
      kw('thing3', '所属网格', 'gridName'),
      kw('time4', '截止时间', 'dueAt'),
      kw('phrase5', '紧急程度', 'urgency'),
    ],
  },
  taskDue: {
    templateId: 'TPL_TASK_DUE',
    title: '工单即将超时提醒',
    longTerm: false,
    page: taskPage,
    keywords: [
      kw('character_string1', '工单编号', 'ticketNumber'),
      kw('thing2', '待办事项', 'task'),
      kw('time3', '截止时间', 'dueAt'),
      kw('thing4', '提示说明', 'hint'),
    ],
  },
  overdueAlert: {
    templateId: 'TPL_OVERDUE_ALERT',
    title: '督办提醒',
    longTerm: false,
    page: taskPage,
    keywords: [
      kw('character_string1', '工单编号', 'ticketNumber'),
      kw('thing2', '督办事项', 'matter'),
      kw('name3', '责任人', 'assigneeName'),
      kw('thing4', '超时情况', 'overdue'),
      kw('phrase5', '督办级别', 'level'),
    ],
  },
}

const chars = (s: string): string[] => Array.from(s)
const cut = (s: string, max: number): string => (chars(s).length <= max ? s : `${chars(s).slice(0, max - 1).join('')}…`)
const ISO = /^\d{4}-\d{2}-\d{2}T/

/**
 * A value fitted to its keyword's type (DESIGN.md §6): truncated with an ellipsis, never failing at
 * send time; an empty value becomes a placeholder, since WeChat refuses empty values.
 */
export const fitKeyword = (key: string, raw: unknown): string => {
  const type = key.replace(/\d+$/, '')
  const text = String(raw ?? '').replace(/\s+/g, ' ').trim()
  switch (type) {
    case 'time':
      return ISO.test(text) ? formatShanghaiDateTime(text) : text || formatShanghaiDateTime(new Date())
    case 'date':
      return ISO.test(text) ? formatShanghaiDate(text) : text || formatShanghaiDate(new Date())
    case 'phrase': {
      const cjk = chars(text).filter((c) => /\p{Script=Han}/u.test(c))
      return (cjk.length ? cjk : chars('通知')).slice(0, 5).join('')
    }
    case 'name': {
      const n = text || '待派单'
      return chars(n).length <= 10 ? n : chars(n).slice(0, 10).join('')
    }
    case 'character_string': {
      const s = text.replace(/[^\x21-\x7e]/g, '') || '-'
      return s.slice(0, 32)
    }
    case 'number':
      return (text.match(/[-+]?\d+(\.\d+)?/)?.[0] ?? '0').slice(0, 32)
    case 'thing':
    default:
      return cut(text || '无', 20)
  }
}

/** Label → value, as the message centre lists them (full text, not fitted). */
export const messageLines = (setting: TemplateSetting, data: Record<string, unknown>) =>
  setting.keywords.map((k) => {
    const v = String(data[k.field] ?? '')
    return { label: k.label, value: k.key.startsWith('time') && ISO.test(v) ? formatShanghaiDateTime(v) : v }
  })

/** The `data` of subscribeMessage.send: every keyword of the template, each value fitted. */
export const subscribeData = (setting: TemplateSetting, data: Record<string, unknown>): Record<string, { value: string }> =>
  Object.fromEntries(setting.keywords.map((k) => [k.key, { value: fitKeyword(k.key, data[k.field]) }]))

export const pageFor = (setting: TemplateSetting, ticketId: string | null): string =>
  setting.page.replace('{ticketId}', ticketId ?? '')

export type AnyTemplateInputs = TemplateInputs[TemplateKey]

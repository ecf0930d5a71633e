import type { TemplateInputs, TemplateKey } from './templateInputs'

/**
 * Which WeChat template carries each notification, and which of its keywords each of our fields
 * goes to. Templates are picked by the town from WeChat's public library, so ids and keyword names
 * are configuration; the default follows the local openapi's catalogue (docs/architecture.md).
 */
export interface TemplateSpec<K extends TemplateKey> {
  templateId: string
  title: string
  /** Our field → `{ keyword, label }`, in the template's keyword order. */
  fields: { [F in keyof TemplateInputs[K]]: { keyword: string; label: string } }
  /** Long-term subscription (government and public-service categories only): no credit is spent. */
  longTerm: boolean
  /** The mini-program page the message opens; `{ticketId}` is replaced by the ticket's id. */
  page: string
}

export type TemplateConfig = { [K in TemplateKey]: TemplateSpec<K> }

/** The pages a notification opens (client/src/app.config.ts): the reporter's and the staff's ticket. */
export const TICKET_PAGES = {
  reporter: 'pages/ticket/index?id={ticketId}',
  staff: 'packages/staff/pages/ticket/index?id={ticketId}',
} as const

export const DEFAULT_TEMPLATE_CONFIG: TemplateConfig = {
  ticketAccepted: {
    templateId: 'TPL_TICKET_ACCEPTED',
    title: '工单受理通知',
    fields: {
      ticketNumber: { keyword: 'character_string1', label: '工单编号' },
      description: { keyword: 'thing2', label: '问题描述' },
      status: { keyword: 'phrase3', label: '受理状态' },
      acceptedAt: { keyword: 'time4', label: '受理时间' },
      tip: { keyword: 'thing5', label: '温馨提示' },
    },
    longTerm: false,
    page: TICKET_PAGES.reporter,
  },
  ticketProgress: {
    templateId: 'TPL_TICKET_PROGRESS',
    title: '工单处理进度通知',
    fields: {
      ticketNumber: { keyword: 'character_string1', label: '工单编号' },
      status: { keyword: 'phrase2', label: '处理状态' },
      progress: { keyword: 'thing3', label: '处理进度' },
      updatedAt: { keyword: 'time4', label: '更新时间' },
    },
    longTerm: false,
    page: TICKET_PAGES.reporter,
  },
  ticketResolved: {
    templateId: 'TPL_TICKET_RESOLVED',
    title: '工单办结通知',
    fields: {
      ticketNumber: { keyword: 'character_string1', label: '工单编号' },
      result: { keyword: 'thing2', label: '处理结果' },
      resolvedAt: { keyword: 'time3', label: '办结时间' },
      tip: { keyword: 'thing4', label: '温馨提示' },
    },
    longTerm: false,
    page: TICKET_PAGES.reporter,
  },
  taskNew: {
    templateId: 'TPL_TASK_NEW',
    title: '待办事项提醒',
    fields: {
      ticketNumber: { keyword: 'character_string1', label: '工单编号' },
      task: { keyword: 'thing2', label: '待办事项' },
      gridName: { keyword: 'thing3', label: '所属网格' },
      dueAt: { keyword: 'time4', label: '截止时间' },
      urgency: { keyword: 'phrase5', label: '紧急程度' },
    },
    longTerm: false,
    page: TICKET_PAGES.staff,
  },
  taskDue: {
    templateId: 'TPL_TASK_DUE',
    title: '工单即将超时提醒',
    fields: {
      ticketNumber: { keyword: 'character_string1', label: '工单编号' },
      task: { keyword: 'thing2', label: '待办事项' },
      dueAt: { keyword: 'time3', label: '截止时间' },
      hint: { keyword: 'thing4', label: '提示说明' },
    },
    longTerm: false,
    page: TICKET_PAGES.staff,
  },
  overdueAlert: {
    templateId: 'TPL_OVERDUE_ALERT',
    title: '督办提醒',
    fields: {
      ticketNumber: { keyword: 'character_string1', label: '工单编号' },
      matter: { keyword: 'thing2', label: '督办事项' },
      assigneeName: { keyword: 'name3', label: '责任人' },
      overdue: { keyword: 'thing4', label: '超时情况' },
      level: { keyword: 'phrase5', label: '督办级别' },
    },
    longTerm: false,
    page: TICKET_PAGES.staff,
  },
}

/** The page a message about `ticketId` opens (none when it is about no ticket). */
export const templatePage = (
  spec: Pick<TemplateSpec<TemplateKey>, 'page'>,
  ticketId: string | null,
): string | undefined =>
  ticketId === null ? undefined : spec.page.split('{ticketId}').join(encodeURIComponent(ticketId))

/** The template key configured with a WeChat template id (for credits reported by the client). */
export const templateKeyOf = (config: TemplateConfig, templateId: string): TemplateKey | undefined =>
  (Object.keys(config) as TemplateKey[]).find((k) => config[k].templateId === templateId)

/**
 * Which templates each side asks for in one `wx.requestSubscribeMessage` tap (WeChat allows three
 * a call): the reporter hears about their report, staff about their tasks.
 */
export const SUBSCRIBE_GROUPS: {
  readonly reporter: readonly TemplateKey[]
  readonly staff: readonly TemplateKey[]
} = {
  reporter: ['ticketAccepted', 'ticketProgress', 'ticketResolved'],
  staff: ['taskNew', 'taskDue', 'overdueAlert'],
}

export interface SubscribeTemplates {
  reporter: string[]
  staff: string[]
}

/** The WeChat template ids a town's configuration asks each side to allow. */
export const subscribeTemplateIds = (config: TemplateConfig): SubscribeTemplates => ({
  reporter: SUBSCRIBE_GROUPS.reporter.map((k) => config[k].templateId),
  staff: SUBSCRIBE_GROUPS.staff.map((k) => config[k].templateId),
})

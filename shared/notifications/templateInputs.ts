/**
 * What each notification says, in our words. Which WeChat template carries it and under which
 * keywords is configuration (templateConfig.ts); fitting the values to WeChat's keyword rules
 * happens when the message is built (buildSubscribeMessage.ts), never here.
 * Instants are ISO strings; they are formatted in Shanghai time when built.
 */
export interface TemplateInputs {
  /** To the reporter: we have it, and who will handle it by when. */
  ticketAccepted: {
    ticketNumber: string
    description: string
    status: string
    acceptedAt: string
    tip: string
  }
  /** To the reporter: signed for, progress, waiting for information, transferred, rejected. */
  ticketProgress: { ticketNumber: string; status: string; progress: string; updatedAt: string }
  /** To the reporter: done — please confirm and rate. */
  ticketResolved: { ticketNumber: string; result: string; resolvedAt: string; tip: string }
  /** To the assignee (or a village guide, for a returned ticket): a task to do. */
  taskNew: { ticketNumber: string; task: string; gridName: string; dueAt: string; urgency: string }
  /** To the assignee: a deadline is near (or a guide's 催办). */
  taskDue: { ticketNumber: string; task: string; dueAt: string; hint: string }
  /** To the assignee and the level's guides or supervisors: a deadline was missed. */
  overdueAlert: { ticketNumber: string; matter: string; assigneeName: string; overdue: string; level: string }
}

export type TemplateKey = keyof TemplateInputs

export const TEMPLATE_KEYS: readonly TemplateKey[] = [
  'ticketAccepted',
  'ticketProgress',
  'ticketResolved',
  'taskNew',
  'taskDue',
  'overdueAlert',
]

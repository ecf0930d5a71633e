import type { Priority } from '../model/category'
import type { GeoPoint, OnBehalfOf, TicketSource, TicketStatus, VoiceNote } from '../model/ticket'
import type { EscalationStep, ReminderStep } from '../deadlines/dueActions'
import type { RouteVia } from '../routing/routeTicket'
import type { Role, Scope } from '../model/roles'

/** Commands on a ticket: plain data, validated and authorised by `transition`. */
export type TicketCommand =
  | {
      type: 'submit'
      /** Made by the function (database id, per-day counter): `shared/` has no randomness and no I/O. */
      ticketId: string
      number: string
      townId: string
      villageId: string
      gridId: string
      categoryCode: string
      /** Defaults to the category's priority; only staff may set it. */
      priority?: Priority
      /** May be empty beside a voice note; the ticket then reads `VOICE_ONLY_DESCRIPTION`. */
      description: string
      photos: string[]
      voice?: VoiceNote | null
      location?: GeoPoint | null
      anonymous: boolean
      source: TicketSource
      contact?: { name?: string; phone?: string }
      onBehalfOf?: OnBehalfOf | null
      /** Content security answered `review`: accept, and flag for a person. */
      flagged?: boolean
    }
  | { type: 'route'; assigneeId: string; via: RouteVia }
  | { type: 'signFor' }
  | { type: 'addProgress'; note: string; photos?: string[] }
  | { type: 'requestInfo'; question: string }
  | { type: 'resume'; note: string; photos?: string[] }
  | { type: 'resolve'; result: string; photos?: string[] }
  | { type: 'confirm'; rating: number; comment?: string }
  | { type: 'reopen'; reason: string }
  | { type: 'returnTicket'; reason: string }
  | { type: 'redispatch'; villageId: string; gridId: string; assigneeId: string; note?: string }
  | { type: 'transfer'; villageId: string; gridId: string; assigneeId: string; reason: string }
  /** 改派: a supervisor gives a ticket someone holds to another person (of the grid, or another grid). */
  | { type: 'reassign'; villageId: string; gridId: string; assigneeId: string; reason: string }
  | { type: 'reject'; reason: string }
  | { type: 'markDuplicate'; duplicateOf: string; reason: string }
  | { type: 'escalate'; step: EscalationStep }
  /** With a step: the ladder's reminder (system). Without: a guide's manual 催办. */
  | { type: 'remind'; step?: ReminderStep; note?: string }
  | { type: 'autoClose' }
  /**
   * 移交: the grid office hands an open task from someone leaving or moving to a successor. Carries
   * who it is taken from (a ticket already moved on is refused, so a retried handover moves nothing
   * twice) and the successor's roster entry (they must cover the ticket's place).
   */
  | { type: 'handover'; fromAssigneeId: string; to: HandoverSuccessor; reason: string }

/** Who takes over a handed-over task: their roster entry as the permission rules need it. */
export interface HandoverSuccessor {
  staffId: string
  name?: string
  roles: Role[]
  scope: Scope
}

export type CommandType = TicketCommand['type']
export type CommandOf<T extends CommandType> = Extract<TicketCommand, { type: T }>

export interface CommandSpec {
  /** On the timeline and in refusals. */
  label: string
  /** Statuses the command may start from (`submit` starts from no ticket). */
  from: readonly TicketStatus[]
  /** The status it leads to; `null`: the status does not change. */
  to: TicketStatus | null
}

const WORKING: readonly TicketStatus[] = ['pendingSignFor', 'inProgress']
const CORRECTABLE: readonly TicketStatus[] = [
  'submitted',
  'pendingSignFor',
  'inProgress',
  'awaitingInfo',
  'returned',
]
const CHASEABLE: readonly TicketStatus[] = ['pendingSignFor', 'inProgress', 'returned']

/** The status table. README.md shows it as a table; tests check every row. */
export const COMMAND_SPECS: Record<CommandType, CommandSpec> = {
  submit: { label: '提交', from: [], to: 'submitted' },
  route: { label: '派单', from: ['submitted'], to: 'pendingSignFor' },
  signFor: { label: '签收', from: ['pendingSignFor'], to: 'inProgress' },
  addProgress: { label: '反馈进展', from: ['inProgress'], to: null },
  requestInfo: { label: '请群众补充', from: ['inProgress'], to: 'awaitingInfo' },
  resume: { label: '继续办理', from: ['awaitingInfo'], to: 'inProgress' },
  resolve: { label: '办结', from: ['inProgress'], to: 'resolved' },
  confirm: { label: '确认评价', from: ['resolved'], to: 'closed' },
  reopen: { label: '重办', from: ['resolved', 'closed'], to: 'inProgress' },
  returnTicket: { label: '退单', from: WORKING, to: 'returned' },
  redispatch: { label: '重新派单', from: ['submitted', 'returned'], to: 'pendingSignFor' },
  transfer: { label: '转办', from: WORKING, to: 'pendingSignFor' },
  reassign: { label: '改派', from: WORKING, to: 'pendingSignFor' },
  reject: { label: '不予受理', from: CORRECTABLE, to: 'rejected' },
  markDuplicate: { label: '重复件', from: CORRECTABLE, to: 'rejected' },
  escalate: { label: '升级督办', from: CHASEABLE, to: null },
  remind: { label: '催办', from: CHASEABLE, to: null },
  autoClose: { label: '自动办结', from: ['resolved'], to: 'closed' },
  handover: { label: '移交', from: ['pendingSignFor', 'inProgress', 'awaitingInfo'], to: null },
}

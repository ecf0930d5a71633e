import type { ActionErrors } from '../errors'
import type { MessagesRequest } from './messagesFunction'
import type { RecordsRequest } from './recordsFunction'
import type { StatsRequest } from './statsFunction'
import type { ResidentsRequest } from './residentsFunction'
import type { RosterRequest } from './rosterFunction'
import type { SupervisionRequest } from './supervisionFunction'
import type { TasksRequest } from './tasksFunction'
import type { TicketsRequest } from './ticketsFunction'

/**
 * What each action can answer besides ANY_ACTION_ERRORS (INVALID_INPUT, UNAUTHENTICATED, INTERNAL).
 * docs/api.md lists these per action, and the contract test drives every action with generated
 * requests and fails when one answers a code not declared here. Every action of a function must be
 * declared (the types say so), so a new action cannot ship undocumented.
 *
 * The usual reasons: FORBIDDEN — known caller without the role, town or scope (the message says what
 * to do); NOT_FOUND — the ticket, grid, village or entry named does not exist in the caller's town;
 * INVALID_TRANSITION — the ticket's (or invite's) state does not allow it; CONFLICT — `expectedVersion`
 * is stale, or the write lost a race and could not be retried; CONTENT_RISKY — content security
 * refused the text; RATE_LIMITED — the day's submissions are used up.
 */

/** A command on one ticket (by staff or by its reporter). */
const TICKET_COMMAND = ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'] as const
/** …that carries text, which content security checks first. */
const TEXT_COMMAND = [...TICKET_COMMAND, 'CONTENT_RISKY'] as const
/** Reading a list scoped to the caller's roster entry or town. */
const SCOPED_READ = ['FORBIDDEN'] as const

export const ticketsErrors = {
  submit: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'CONTENT_RISKY'],
  listMine: SCOPED_READ,
  detail: ['FORBIDDEN', 'NOT_FOUND'],
  confirm: TEXT_COMMAND,
  reopen: TEXT_COMMAND,
  supplement: TEXT_COMMAND,
} as const satisfies ActionErrors<TicketsRequest['action']>

export const tasksErrors = {
  inbox: SCOPED_READ,
  signFor: TICKET_COMMAND,
  addProgress: TEXT_COMMAND,
  requestInfo: TEXT_COMMAND,
  resume: TEXT_COMMAND,
  resolve: TEXT_COMMAND,
  returnTicket: TEXT_COMMAND,
  transfer: TEXT_COMMAND,
  patrol: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'CONTENT_RISKY'],
  /** FORBIDDEN: not one who may call this person; NOT_FOUND: no such ticket, or no number left. */
  revealContact: ['FORBIDDEN', 'NOT_FOUND'],
} as const satisfies ActionErrors<TasksRequest['action']>

export const supervisionErrors = {
  overdueBoard: SCOPED_READ,
  returnedQueue: SCOPED_READ,
  redispatch: TEXT_COMMAND,
  reject: TEXT_COMMAND,
  markDuplicate: TEXT_COMMAND,
  remind: [...TEXT_COMMAND, 'RATE_LIMITED'],
  reassign: TEXT_COMMAND,
  assignees: ['FORBIDDEN', 'NOT_FOUND'],
} as const satisfies ActionErrors<SupervisionRequest['action']>

export const residentsErrors = {
  setHomeGrid: ['NOT_FOUND'],
  villages: ['NOT_FOUND'],
  grids: ['NOT_FOUND'],
  myData: [],
  exportMyData: ['NOT_FOUND'],
  correctMe: ['FORBIDDEN', 'CONTENT_RISKY'],
  deleteAccount: ['FORBIDDEN'],
  profile: [],
  saveContact: ['NOT_FOUND', 'CONTENT_RISKY'],
  phoneFromWeChat: [],
} as const satisfies ActionErrors<ResidentsRequest['action']>

export const rosterErrors = {
  createStaff: ['FORBIDDEN', 'CONFLICT'],
  bindInvite: ['NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'],
  me: [],
  listStaff: SCOPED_READ,
  regenerateInvite: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'],
  importTemplate: ['FORBIDDEN'],
  importStaff: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  updateStaff: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'],
  deactivateStaff: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'],
  reactivateStaff: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  handoverPlan: ['FORBIDDEN', 'NOT_FOUND'],
  gridTeam: ['FORBIDDEN', 'NOT_FOUND'],
  unstaffedGrids: ['FORBIDDEN'],
  calendarWarning: ['FORBIDDEN'],
  auditLog: ['FORBIDDEN'],
  gridCode: ['FORBIDDEN', 'NOT_FOUND'],
  saveVillage: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  saveGrid: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  villagePosters: ['FORBIDDEN', 'NOT_FOUND'],
  myGrid: [],
  correctResidentGrid: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  revealLog: ['FORBIDDEN'],
  mergeGrids: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'INVALID_TRANSITION', 'CONFLICT'],
  splitGrid: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'INVALID_TRANSITION', 'CONFLICT'],
  townConfig: ['FORBIDDEN'],
  saveTownConfig: ['FORBIDDEN', 'CONFLICT'],
} as const satisfies ActionErrors<RosterRequest['action']>

export const messagesErrors = {
  list: [],
  markRead: [],
  unreadCount: [],
  /** CONFLICT: with a client request id, the credits' transaction kept losing races (rare). */
  reportSubscriptions: ['NOT_FOUND', 'CONFLICT'],
  subscriptionCredits: [],
} as const satisfies ActionErrors<MessagesRequest['action']>

/** The timer's event: a call that is not the platform's trigger is FORBIDDEN. */
export const sweeperErrors = { timer: ['FORBIDDEN'] } as const satisfies ActionErrors<'timer'>

/** Statistics read the caller's scope; NOT_FOUND names a village, grid or person not in the town. */
export const statsErrors = {
  summary: ['FORBIDDEN', 'NOT_FOUND'],
  breakdown: ['FORBIDDEN', 'NOT_FOUND'],
  export: ['FORBIDDEN', 'NOT_FOUND'],
  scorecards: ['FORBIDDEN', 'NOT_FOUND'],
} as const satisfies ActionErrors<StatsRequest['action']>

/** Field-work records: logged by staff in their scope, once per client request id. */
export const recordsErrors = {
  logMeeting: ['FORBIDDEN', 'NOT_FOUND', 'CONTENT_RISKY'],
  raiseConcern: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'CONTENT_RISKY'],
  logCampaign: ['FORBIDDEN', 'NOT_FOUND', 'CONTENT_RISKY'],
  logMicroService: ['FORBIDDEN', 'NOT_FOUND', 'CONTENT_RISKY'],
  logSession: ['FORBIDDEN', 'NOT_FOUND', 'CONTENT_RISKY'],
  list: ['FORBIDDEN', 'NOT_FOUND'],
  patrolCoverage: ['FORBIDDEN', 'NOT_FOUND'],
  options: ['FORBIDDEN'],
} as const satisfies ActionErrors<RecordsRequest['action']>

/**
 * Typed wrappers, one per function action (docs/api.md). Every call goes through callFunction.
 * Types come from shared/schemas as types only (`import type`): no zod reaches the bundle.
 */
import type { Role } from '@shared/model/roles'
import type { RecordOptions, RecordRow } from '@shared/schemas/recordsFunction'
import type { BreakdownResponse, ScorecardsResponse, SummaryResponse } from '@shared/schemas/statsFunction'
import type { IssuedInvite, MeResponse, StaffRow } from '@shared/schemas/rosterFunction'
import type { ResidentProfile } from '@shared/schemas/residentsFunction'
import type { AuditEntryView, GridTeam, HandoverPlan, HandoverReport, UnstaffedGridView } from './rosterTypes'
import type { GridMergeView, GridSplitView } from './rosterTypes'
export type { GridMergeView, GridSplitView }
import type { ImportReport } from './rosterTypes'
import type { SaveTownConfig, TownConfigView } from './townConfigTypes'
import type { TicketDetailView, TicketSummary, TicketView } from '@shared/schemas/ticketView'
import type { InboxCounts } from '../lib/inboxCounts'
import type { RevealWhose } from '@shared/permissions/revealWhose'
import type { RevealedContact, RevealLogEntry } from './revealTypes'
import { newClientRequestId } from '../lib/ids'
import { callFunction, type CallResult } from './cloud'

export type { IssuedInvite, StaffRow, TicketDetailView, TicketSummary, TicketView }
export type { AuditEntryView, GridTeam, HandoverPlan, HandoverReport, ImportReport, UnstaffedGridView }
export type { RevealedContact, RevealLogEntry, RevealWhose }
export type Page<T> = { items: T[]; nextCursor: string | null }
export type BoardRow = TicketSummary & {
  assigneeName: string | null
  /** The responsible person's phone, masked (boards are only for those who supervise); 查看号码 for the number. */
  assigneePhone?: string | null
  gridName: string | null
  villageName: string | null
  /** What became of the 企业微信 group robots' posts about it (overdue board; null: none). */
  robot?: { state: 'pending' | 'sent' | 'failed'; at: string | null } | null
}
/** Someone a ticket can be given to (改派). */
export interface AssigneeOption {
  staffId: string
  name: string
  roleName: string
}
/** roster.me: who the caller is, and their town's categories and subscribe-template ids. */
export type Me = MeResponse
export interface Place {
  _id: string
  name: string
  villageId?: string
}
export interface MessageItem {
  _id: string
  templateKey: string
  title: string
  lines: { label: string; value: string }[]
  ticketId: string | null
  read: boolean
  createdAt: string
}
/** Coordinates (GCJ-02) with the map's name and address, or only typed words about the place. */
export interface Location {
  latitude?: number
  longitude?: number
  name?: string
  address?: string
}
export interface SubmitInput {
  clientRequestId: string
  categoryCode: string
  /** May be empty when a voice note is sent. */
  description: string
  photos: string[]
  voice?: { fileID: string; durationSec: number } | null
  location?: Location | null
  anonymous?: boolean
  gridId?: string
  contact?: { name?: string; phone?: string }
  onBehalfOf?: { name?: string; phone?: string }
}
export interface Submitted {
  ticketId: string
  number: string
  status: TicketView['status']
  resolveDueAt: string | null
  flagged: boolean
}
type One = { ticket: TicketView }
type Versioned = { ticketId: string; expectedVersion?: number }
type R<T> = Promise<CallResult<T>>
type Paging = { pageSize?: number; cursor?: string | null }

export const tickets = {
  submit: (input: SubmitInput): R<Submitted> => callFunction('tickets', { action: 'submit', ...input }),
  listMine: (p: Paging & { filter?: 'open' | 'done' | 'all' } = {}): R<Page<TicketSummary>> =>
    callFunction('tickets', { action: 'listMine', ...p }),
  detail: (ticketId: string): R<{ ticket: TicketDetailView }> =>
    callFunction('tickets', { action: 'detail', ticketId }),
  confirm: (p: Versioned & { rating: number; comment?: string }): R<One> =>
    callFunction('tickets', { action: 'confirm', ...p }),
  reopen: (p: Versioned & { reason: string }): R<One> => callFunction('tickets', { action: 'reopen', ...p }),
  supplement: (p: Versioned & { note: string; photos?: string[] }): R<One> =>
    callFunction('tickets', { action: 'supplement', ...p }),
}

export type InboxFilter = 'todo' | 'pendingSignFor' | 'inProgress' | 'awaitingInfo' | 'resolved' | 'done'

/** The inbox's first page also carries the assignee's count per status (all of them, not just this page). */
export type InboxPage = Page<TicketSummary> & { counts?: InboxCounts }

export const tasks = {
  inbox: (p: Paging & { filter?: InboxFilter } = {}): R<InboxPage> =>
    callFunction('tasks', { action: 'inbox', ...p }),
  signFor: (p: Versioned): R<One> => callFunction('tasks', { action: 'signFor', ...p }),
  /** `clientRequestId`: one per form, so sending it again after a lost answer adds the note once. */
  addProgress: (p: Versioned & { note: string; photos?: string[]; clientRequestId?: string }): R<One> =>
    callFunction('tasks', { action: 'addProgress', ...p }),
  requestInfo: (p: Versioned & { question: string }): R<One> =>
    callFunction('tasks', { action: 'requestInfo', ...p }),
  resume: (p: Versioned & { note: string }): R<One> => callFunction('tasks', { action: 'resume', ...p }),
  resolve: (p: Versioned & { result: string; photos?: string[] }): R<One> =>
    callFunction('tasks', { action: 'resolve', ...p }),
  returnTicket: (p: Versioned & { reason: string }): R<One> =>
    callFunction('tasks', { action: 'returnTicket', ...p }),
  transfer: (p: Versioned & { toGridId: string; reason: string }): R<One> =>
    callFunction('tasks', { action: 'transfer', ...p }),
  patrol: (p: {
    clientRequestId: string
    gridId: string
    kind: 'patrol' | 'survey'
    note: string
    photos?: string[]
    location?: Location | null
    issue?: { categoryCode: string; description: string }
  }): R<{ patrolId: string; ticketId: string | null; ticketNumber: string | null }> =>
    callFunction('tasks', { action: 'patrol', ...p }),
  /** 查看号码: the number itself, for one who may call the person; the office can see that it was asked. */
  revealContact: (ticketId: string, whose: RevealWhose = 'reporter'): R<RevealedContact> =>
    callFunction('tasks', { action: 'revealContact', ticketId, whose }),
}

export const supervision = {
  overdueBoard: (p: Paging & { villageId?: string; minLevel?: number } = {}): R<Page<BoardRow>> =>
    callFunction('supervision', { action: 'overdueBoard', ...p }),
  returnedQueue: (p: Paging & { villageId?: string } = {}): R<Page<BoardRow>> =>
    callFunction('supervision', { action: 'returnedQueue', ...p }),
  redispatch: (p: Versioned & { toGridId: string; note?: string }): R<One> =>
    callFunction('supervision', { action: 'redispatch', ...p }),
  reject: (p: Versioned & { reason: string }): R<One> =>
    callFunction('supervision', { action: 'reject', ...p }),
  markDuplicate: (p: Versioned & { duplicateOf: string; reason: string }): R<One> =>
    callFunction('supervision', { action: 'markDuplicate', ...p }),
  remind: (p: { ticketId: string; note?: string; clientRequestId?: string }): R<One> =>
    callFunction('supervision', { action: 'remind', ...p }),
  /** 改派: to another person of the grid, or of another grid (`toGridId`); the routing picks unless named. */
  reassign: (p: Versioned & { toGridId?: string; assigneeId?: string; reason: string }): R<One> =>
    callFunction('supervision', { action: 'reassign', ...p }),
  assignees: (gridId: string): R<{ items: AssigneeOption[] }> =>
    callFunction('supervision', { action: 'assignees', gridId }),
}

export type { ResidentProfile }

export const residents = {
  profile: (): R<ResidentProfile> => callFunction('residents', { action: 'profile' }),
  /** Keep (remember) or forget the resident's own name and phone. */
  saveContact: (p: { remember: boolean; name?: string; phone?: string }): R<ResidentProfile> =>
    callFunction('residents', { action: 'saveContact', ...p }),
  /** weapp: the phone number WeChat vouches for, from the getPhoneNumber button's one-time code. */
  phoneFromWeChat: (code: string): R<{ phone: string }> =>
    callFunction('residents', { action: 'phoneFromWeChat', code }),
  setHomeGrid: (gridId: string): R<{ homeGridId: string; homeVillageId: string }> =>
    callFunction('residents', { action: 'setHomeGrid', gridId }),
  villages: (): R<{ items: Place[] }> => callFunction('residents', { action: 'villages' }),
  grids: (villageId: string): R<{ items: Place[] }> =>
    callFunction('residents', { action: 'grids', villageId }),
}

/** A new roster entry: one role; its places by the role (grid roles a grid, guides villages). */
export interface NewStaff {
  name: string
  phone: string
  roles: Role[]
  villageIds: string[]
  gridIds: string[]
}

/** How the roster is searched and filtered (花名册). */
export interface StaffQuery {
  namePrefix?: string
  query?: string
  role?: Role
  bound?: boolean
  active?: boolean
}

/** A change of a person's details or places; `successorId` null: each task along its grid's chain. */
export interface StaffChange {
  staffId: string
  name?: string
  phone?: string
  roles?: Role[]
  villageIds?: string[]
  gridIds?: string[]
  gridWorkerSlot?: 'second' | 'replace'
  successorId?: string | null
  reason?: string
}

export const roster = {
  me: (): R<Me> => callFunction('roster', { action: 'me' }),
  listStaff: (p: Paging & StaffQuery = {}): R<Page<StaffRow>> =>
    callFunction('roster', { action: 'listStaff', ...p }),
  createStaff: (p: NewStaff & { gridWorkerSlot?: 'second' | 'replace' }): R<IssuedInvite> =>
    callFunction('roster', { action: 'createStaff', ...p }),
  regenerateInvite: (staffId: string, clientRequestId = newClientRequestId()): R<IssuedInvite> =>
    callFunction('roster', { action: 'regenerateInvite', staffId, clientRequestId }),
  bindInvite: (code: string): R<{ staffId: string; roles: Role[]; name: string; places: string }> =>
    callFunction('roster', { action: 'bindInvite', code }),
  updateStaff: (p: StaffChange): R<HandoverReport> => callFunction('roster', { action: 'updateStaff', ...p }),
  deactivateStaff: (p: { staffId: string; successorId?: string | null; reason: string }): R<HandoverReport> =>
    callFunction('roster', { action: 'deactivateStaff', ...p }),
  reactivateStaff: (staffId: string): R<{ staffId: string; active: true }> =>
    callFunction('roster', { action: 'reactivateStaff', staffId }),
  handoverPlan: (p: {
    staffId: string
    roles?: Role[]
    villageIds?: string[]
    gridIds?: string[]
  }): R<HandoverPlan> => callFunction('roster', { action: 'handoverPlan', ...p }),
  gridTeam: (gridId: string): R<GridTeam> => callFunction('roster', { action: 'gridTeam', gridId }),
  unstaffedGrids: (): R<{ items: UnstaffedGridView[] }> =>
    callFunction('roster', { action: 'unstaffedGrids' }),
  auditLog: (p: Paging = {}): R<Page<AuditEntryView>> => callFunction('roster', { action: 'auditLog', ...p }),
  /** 号码查看记录: who asked for whose number, and when (the office only). */
  revealLog: (p: Paging & { staffId?: string } = {}): R<Page<RevealLogEntry>> =>
    callFunction('roster', { action: 'revealLog', ...p }),
  importTemplate: (): R<{ fileID: string; url: string }> =>
    callFunction('roster', { action: 'importTemplate' }),
  importStaff: (fileID: string): R<ImportReport> => callFunction('roster', { action: 'importStaff', fileID }),
  myGrid: (): R<{ home: GridTeam | null }> => callFunction('roster', { action: 'myGrid' }),
  saveVillage: (p: {
    villageId?: string
    name: string
  }): R<{ villageId: string; name: string; created: boolean }> =>
    callFunction('roster', { action: 'saveVillage', ...p }),
  saveGrid: (p: {
    gridId?: string
    villageId: string
    name: string
  }): R<{ gridId: string; villageId: string; name: string; created: boolean }> =>
    callFunction('roster', { action: 'saveGrid', ...p }),
  /** 合并网格: `dryRun` answers what would move; without it the merge is applied. */
  mergeGrids: (p: { fromGridId: string; intoGridId: string; dryRun?: boolean }): R<GridMergeView> =>
    callFunction('roster', { action: 'mergeGrids', ...p }),
  splitGrid: (p: {
    gridId: string
    name: string
    staffIds?: string[]
    residentIds?: string[]
    ticketIds?: string[]
  }): R<GridSplitView> => callFunction('roster', { action: 'splitGrid', ...p }),
  calendarWarning: (): R<{ missingYear: number | null }> =>
    callFunction('roster', { action: 'calendarWarning' }),
  villagePosters: (
    villageId: string,
  ): R<{ villageName: string; pages: number; fileID: string; url: string }> =>
    callFunction('roster', { action: 'villagePosters', villageId }),
  correctResidentGrid: (
    ticketId: string,
    gridId: string,
  ): R<{ homeGridId: string; homeVillageId: string; gridName: string }> =>
    callFunction('roster', { action: 'correctResidentGrid', ticketId, gridId }),
  townConfig: (): R<TownConfigView> => callFunction('roster', { action: 'townConfig' }),
  saveTownConfig: (p: SaveTownConfig): R<{ saved: string[]; config: TownConfigView }> =>
    callFunction('roster', { action: 'saveTownConfig', ...p }),
}

export const messages = {
  list: (p: Paging & { unreadOnly?: boolean } = {}): R<Page<MessageItem>> =>
    callFunction('messages', { action: 'list', ...p }),
  markRead: (p: { messageIds: string[] } | { all: true }): R<{ updated: number }> =>
    callFunction('messages', { action: 'markRead', ...p }),
  unreadCount: (): R<{ count: number }> => callFunction('messages', { action: 'unreadCount' }),
  reportSubscriptions: (
    results: Record<string, 'accept' | 'reject'>,
    clientRequestId = newClientRequestId(),
  ): R<{ credits: Record<string, number> }> =>
    callFunction('messages', { action: 'reportSubscriptions', results, clientRequestId }),
  subscriptionCredits: (
    group: 'reporter' | 'staff',
  ): R<{
    templates: { templateId: string; title: string; credits: number; longTerm?: boolean }[]
    groupRobot?: boolean
  }> => callFunction('messages', { action: 'subscriptionCredits', group }),
}

/** stats: the town's figures, 三率 and paragraph; per-month/village breakdowns; xlsx exports. */
export type StatsPeriod = { from?: string; to?: string; preset?: 'month' | 'quarter' | 'year' }
export type StatsScopeInput = { villageId?: string; gridId?: string; staffId?: string }
export type StatsSummary = SummaryResponse
export type StatsBreakdown = BreakdownResponse
export type Scorecards = ScorecardsResponse
export const stats = {
  summary: (p: StatsPeriod & StatsScopeInput = {}): R<StatsSummary> =>
    callFunction('stats', { action: 'summary', ...p }),
  breakdown: (p: StatsPeriod & StatsScopeInput & { by: 'month' | 'village' }): R<StatsBreakdown> =>
    callFunction('stats', { action: 'breakdown', ...p }),
  export: (
    p: StatsPeriod &
      StatsScopeInput & {
        kind: 'ledger' | 'meetings' | 'campaigns' | 'scorecards'
        month?: string
        role?: 'gridWorker' | 'villageGuide'
      },
  ): R<{ fileID: string; tempFileURL: string; fileName: string; rows: number }> =>
    callFunction('stats', { action: 'export', ...p }),
  scorecards: (p: {
    month: string
    role: 'gridWorker' | 'villageGuide'
    villageId?: string
  }): R<Scorecards> => callFunction('stats', { action: 'scorecards', ...p }),
}

/** records: field-work logs (屋场会, 宣传活动, 微服务, 宣讲/党课) and the patrols read back. */
export type { RecordOptions, RecordRow }
type Logged = R<{ recordId: string; created: boolean }>
export const records = {
  options: (): R<RecordOptions> => callFunction('records', { action: 'options' }),
  logMicroService: (p: {
    clientRequestId: string
    gridId: string
    kind: string
    forWhom?: string
    note?: string
  }): Logged => callFunction('records', { action: 'logMicroService', ...p }),
  logMeeting: (p: {
    clientRequestId: string
    gridId: string
    date: string
    place?: string
    host: string
    attendance: number
    attendees?: string[]
    topics: string[]
  }): Logged => callFunction('records', { action: 'logMeeting', ...p }),
  raiseConcern: (p: {
    clientRequestId: string
    meetingId: string
    categoryCode: string
    description: string
    residentName?: string
  }): R<{ ticketId: string; ticketNumber: string; created: boolean }> =>
    callFunction('records', { action: 'raiseConcern', ...p }),
  logCampaign: (p: {
    clientRequestId: string
    theme: string
    date: string
    gridIds: string[]
    materials: number
    note?: string
  }): Logged => callFunction('records', { action: 'logCampaign', ...p }),
  logSession: (p: {
    clientRequestId: string
    kind: 'lecture' | 'partyClass'
    date: string
    villageId: string
    gridId?: string
    place: string
    speaker: string
    attendance: number
    topic?: string
  }): Logged => callFunction('records', { action: 'logSession', ...p }),
  list: (p: Paging & StatsPeriod & StatsScopeInput & { kind: RecordRow['kind'] }): R<Page<RecordRow>> =>
    callFunction('records', { action: 'list', ...p }),
}

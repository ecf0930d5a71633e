/**
 * Typed wrappers, one per function action (docs/api.md). Every call goes through callFunction.
 * Types come from shared/schemas as types only (`import type`): no zod reaches the bundle.
 */
import type { Role } from '@shared/model/roles'
import type { IssuedInvite, MeResponse, StaffRow } from '@shared/schemas/rosterFunction'
import type { ResidentProfile } from '@shared/schemas/residentsFunction'
import type { TicketDetailView, TicketSummary, TicketView } from '@shared/schemas/ticketView'
import type { InboxCounts } from '../lib/inboxCounts'
import { callFunction, type CallResult } from './cloud'

export type { IssuedInvite, StaffRow, TicketDetailView, TicketSummary, TicketView }
export type Page<T> = { items: T[]; nextCursor: string | null }
export type BoardRow = TicketSummary & {
  assigneeName: string | null
  /** The responsible person's phone, for the call button (boards are only for those who supervise). */
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
  addProgress: (p: Versioned & { note: string; photos?: string[] }): R<One> =>
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
  remind: (p: { ticketId: string; note?: string }): R<One> =>
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

export const roster = {
  me: (): R<Me> => callFunction('roster', { action: 'me' }),
  listStaff: (p: Paging & { namePrefix?: string } = {}): R<Page<StaffRow>> =>
    callFunction('roster', { action: 'listStaff', ...p }),
  createStaff: (p: NewStaff): R<IssuedInvite> => callFunction('roster', { action: 'createStaff', ...p }),
  regenerateInvite: (staffId: string): R<IssuedInvite> =>
    callFunction('roster', { action: 'regenerateInvite', staffId }),
  bindInvite: (code: string): R<{ staffId: string; roles: Role[] }> =>
    callFunction('roster', { action: 'bindInvite', code }),
}

export const messages = {
  list: (p: Paging & { unreadOnly?: boolean } = {}): R<Page<MessageItem>> =>
    callFunction('messages', { action: 'list', ...p }),
  markRead: (p: { messageIds: string[] } | { all: true }): R<{ updated: number }> =>
    callFunction('messages', { action: 'markRead', ...p }),
  unreadCount: (): R<{ count: number }> => callFunction('messages', { action: 'unreadCount' }),
  reportSubscriptions: (
    results: Record<string, 'accept' | 'reject'>,
  ): R<{ credits: Record<string, number> }> =>
    callFunction('messages', { action: 'reportSubscriptions', results }),
  subscriptionCredits: (
    group: 'reporter' | 'staff',
  ): R<{
    templates: { templateId: string; title: string; credits: number; longTerm?: boolean }[]
    groupRobot?: boolean
  }> => callFunction('messages', { action: 'subscriptionCredits', group }),
}

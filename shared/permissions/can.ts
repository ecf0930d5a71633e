import { hasRole, type Actor, type Role } from '../model/roles'
import type { Ticket } from '../model/ticket'
import type { CommandType } from '../tickets/commands'

/**
 * Who may do what, where: a grid worker in their grids; a village guide, a town guide (联村) and a
 * town supervisor in the villages of their scope (`scope.villageIds`); only the town grid office
 * (admin) town-wide; a resident or informant on what they reported; everything only within the
 * actor's own town.
 */
export type PermissionAction =
  | CommandType
  /** See a ticket at all. */
  | 'view'
  /** Ask for the reporter's phone unmasked (`tasks.revealContact`, logged); views show it masked. */
  | 'viewContact'
  /** Ask for the responsible worker's phone (to call them): those who supervise the ticket. */
  | 'viewAssigneeContact'
  /** The admin audit view: anonymous reporters included. */
  | 'audit'
  | 'viewBoard'
  | 'logPatrol'
  | 'reportOnBehalf'
  | 'manageRoster'
  | 'manageConfig'

export type TicketAccess = Pick<Ticket, 'townId' | 'villageId' | 'gridId' | 'assigneeId' | 'reporter'>

export type PermissionResource =
  | { kind: 'ticket'; ticket: TicketAccess }
  | { kind: 'grid'; townId: string; villageId: string; gridId: string }
  | { kind: 'village'; townId: string; villageId: string }
  | { kind: 'town'; townId: string }

type Place = { villageId?: string; gridId?: string }

const inGrid = (actor: Actor, p: Place) =>
  hasRole(actor, 'gridWorker') && p.gridId !== undefined && actor.scope.gridIds.includes(p.gridId)
/** Roles that supervise the villages of their scope: the escalation ladder's three levels. */
export const VILLAGE_SCOPED_ROLES: readonly Role[] = ['villageGuide', 'townGuide', 'townSupervisor']
/** Guides, who may also ask for the reporter's phone (supervisors see it masked only). */
const GUIDE_ROLES: readonly Role[] = ['villageGuide', 'townGuide']

const villageOf = (actor: Actor, p: Place, roles: readonly Role[]) =>
  hasRole(actor, ...roles) && p.villageId !== undefined && actor.scope.villageIds.includes(p.villageId)
const inVillage = (actor: Actor, p: Place) => villageOf(actor, p, VILLAGE_SCOPED_ROLES)
const townWide = (actor: Actor) => hasRole(actor, 'admin')

/** Staff whose scope covers the place, at any level. */
export const covers = (actor: Actor, p: Place): boolean =>
  inGrid(actor, p) || inVillage(actor, p) || townWide(actor)
/** Guides and supervisors in their villages, the grid office anywhere: may correct and chase. */
export const supervises = (actor: Actor, p: Place): boolean => inVillage(actor, p) || townWide(actor)

export const isReporter = (actor: Actor, t: Pick<Ticket, 'reporter'>): boolean =>
  actor.kind === 'person' && actor.openid !== undefined && actor.openid === t.reporter.openid
/** The assignee, still in scope of the ticket (a stale assignment after a move does not count). */
export const isAssignee = (actor: Actor, t: TicketAccess): boolean =>
  actor.kind === 'person' && actor.staffId !== undefined && actor.staffId === t.assigneeId && covers(actor, t)

const isSystem = (actor: Actor) => actor.kind === 'system'
const isAdmin = (actor: Actor) => actor.kind === 'person' && hasRole(actor, 'admin')

type TicketRule = (actor: Actor, t: TicketAccess) => boolean
const TICKET_RULES: Record<
  Exclude<PermissionAction, 'logPatrol' | 'reportOnBehalf' | 'manageRoster' | 'manageConfig' | 'viewBoard'>,
  TicketRule
> = {
  submit: (a) => a.kind === 'person',
  route: isSystem,
  escalate: isSystem,
  autoClose: isSystem,
  signFor: isAssignee,
  addProgress: isAssignee,
  requestInfo: isAssignee,
  resolve: isAssignee,
  returnTicket: isAssignee,
  transfer: isAssignee,
  resume: (a, t) => isReporter(a, t) || isAssignee(a, t),
  confirm: isReporter,
  reopen: isReporter,
  redispatch: (a, t) => a.kind === 'person' && supervises(a, t),
  reassign: (a, t) => a.kind === 'person' && supervises(a, t),
  reject: (a, t) => a.kind === 'person' && supervises(a, t),
  markDuplicate: (a, t) => a.kind === 'person' && supervises(a, t),
  /** The system's ladder reminders, or a guide's manual 催办. */
  remind: (a, t) => isSystem(a) || supervises(a, t),
  view: (a, t) =>
    isSystem(a) || isReporter(a, t) || (a.kind === 'person' && (covers(a, t) || isAssignee(a, t))),
  /** The assignee and their guides (village and town, in scope); supervisors and the admin: masked only. */
  viewContact: (a, t) => a.kind === 'person' && (isAssignee(a, t) || villageOf(a, t, GUIDE_ROLES)),
  viewAssigneeContact: (a, t) => a.kind === 'person' && supervises(a, t),
  audit: isAdmin,
  /** The grid office hands tasks over when someone leaves or moves (roster changes are theirs). */
  handover: isAdmin,
}

/**
 * @example
 * can(worker, 'signFor', { kind: 'ticket', ticket }) // false when the ticket is another grid's
 */
export const can = (actor: Actor, action: PermissionAction, resource: PermissionResource): boolean => {
  const townId = resource.kind === 'ticket' ? resource.ticket.townId : resource.townId
  if (actor.scope.townId !== townId) return false
  switch (action) {
    case 'viewBoard': {
      const place: Place =
        resource.kind === 'ticket' ? resource.ticket : resource.kind === 'town' ? {} : resource
      return actor.kind === 'person' && supervises(actor, place)
    }
    case 'logPatrol':
      return resource.kind === 'grid' && inGrid(actor, resource)
    case 'reportOnBehalf':
      return actor.kind === 'person' && hasRole(actor, 'informant', 'gridWorker')
    case 'manageRoster':
    case 'manageConfig':
      return isAdmin(actor)
    default:
      return resource.kind === 'ticket' && TICKET_RULES[action](actor, resource.ticket)
  }
}

/**
 * The refusal's words when a guide or supervisor tries something on a ticket outside their
 * villages (they can then tell a wrong scope from a missing right).
 *
 * @example
 * refusalMessage(townGuideOfV02, ticketOfV01, '催办') // '这张工单不在您负责的村（社区），不能催办'
 */
export const refusalMessage = (actor: Actor, ticket: Pick<Ticket, 'villageId'>, label: string): string =>
  actor.kind === 'person' &&
  hasRole(actor, ...VILLAGE_SCOPED_ROLES) &&
  !actor.scope.villageIds.includes(ticket.villageId)
    ? `这张工单不在您负责的村（社区），不能${label}`
    : `您没有权限对此工单进行“${label}”`

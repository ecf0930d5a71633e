import { createWorkingCalendar } from '@shared/calendar/workingCalendar'
import { DEFAULT_RULES } from '@shared/deadlines/timeLimitRules'
import { systemActor, type Actor, type Role } from '@shared/model/roles'
import type { Grid, Village } from '@shared/model/town'
import type { Ticket } from '@shared/model/ticket'
import type { TicketCommand } from '@shared/tickets/commands'
import type { TransitionContext } from '@shared/tickets/context'
import { transition } from '@shared/tickets/transition'

/** A small town: village v1 (grids g1, g2), village v2 (grid g3). */
export const TOWN = 'town-1'
export const calendar = createWorkingCalendar()
export const rules = DEFAULT_RULES

/** Shanghai wall clock → UTC ISO instant. */
export const sh = (local: string): string => new Date(`${local}:00+08:00`).toISOString()

const person = (
  roles: Role[],
  extra: Partial<Actor> & { villageIds?: string[]; gridIds?: string[] },
): Actor => ({
  kind: 'person',
  roles,
  openid: extra.openid,
  staffId: extra.staffId,
  name: extra.name,
  scope: {
    townId: extra.scope?.townId ?? TOWN,
    villageIds: extra.villageIds ?? [],
    gridIds: extra.gridIds ?? [],
  },
})

export const actors = {
  resident: person(['resident'], { openid: 'o-resident' }),
  otherResident: person(['resident'], { openid: 'o-other' }),
  informant: person(['informant'], { openid: 'o-informant', staffId: 's-informant', gridIds: ['g1'] }),
  worker1: person(['gridWorker'], { openid: 'o-w1', staffId: 's-w1', name: '李网格', gridIds: ['g1'] }),
  worker2: person(['gridWorker'], { openid: 'o-w2', staffId: 's-w2', gridIds: ['g2'] }),
  worker3: person(['gridWorker'], { openid: 'o-w3', staffId: 's-w3', gridIds: ['g3'] }),
  villageGuide1: person(['villageGuide', 'informant'], {
    openid: 'o-vg1',
    staffId: 's-vg1',
    villageIds: ['v1'],
  }),
  villageGuide2: person(['villageGuide'], { openid: 'o-vg2', staffId: 's-vg2', villageIds: ['v2'] }),
  townGuide: person(['townGuide'], { openid: 'o-tg', staffId: 's-tg', villageIds: ['v1'] }),
  supervisor: person(['townSupervisor'], { openid: 'o-sup', staffId: 's-sup', villageIds: ['v1'] }),
  admin: person(['admin'], { openid: 'o-admin', staffId: 's-admin' }),
  outsider: person(['admin'], {
    openid: 'o-x',
    staffId: 's-x',
    scope: { townId: 'town-2', villageIds: [], gridIds: [] },
  }),
  system: systemActor(TOWN),
}

export const villages: Village[] = [
  {
    _id: 'v1',
    townId: TOWN,
    name: '青山村',
    villageGuideIds: ['s-vg1'],
    townGuideIds: ['s-tg'],
    supervisorIds: ['s-sup'],
    order: 1,
  },
  {
    _id: 'v2',
    townId: TOWN,
    name: '绿水村',
    villageGuideIds: ['s-vg2'],
    townGuideIds: [],
    supervisorIds: [],
    order: 2,
  },
]
export const grids: Grid[] = [
  {
    _id: 'g1',
    townId: TOWN,
    villageId: 'v1',
    name: '青山一组',
    workerId: 's-w1',
    informantIds: ['s-informant'],
    categoryOwners: {},
    order: 1,
  },
  {
    _id: 'g2',
    townId: TOWN,
    villageId: 'v1',
    name: '青山二组',
    workerId: 's-w2',
    informantIds: [],
    categoryOwners: {},
    order: 2,
  },
  {
    _id: 'g3',
    townId: TOWN,
    villageId: 'v2',
    name: '绿水一组',
    workerId: 's-w3',
    informantIds: [],
    categoryOwners: {},
    order: 1,
  },
]

export const ctx = (
  actor: Actor,
  now: string,
  extra: Partial<TransitionContext> = {},
): TransitionContext => ({
  actor,
  now,
  rules,
  calendar,
  names: {
    grids: { g1: '青山一组', g2: '青山二组', g3: '绿水一组' },
    staff: { 's-w1': '李网格', 's-w2': '王网格' },
  },
  ...extra,
})

export const submitCommand = (
  over: Partial<Extract<TicketCommand, { type: 'submit' }>> = {},
): TicketCommand => ({
  type: 'submit',
  ticketId: 't-1',
  number: '20250310-0001',
  townId: TOWN,
  villageId: 'v1',
  gridId: 'g1',
  categoryCode: 'request',
  description: '村口路灯坏了一个月了',
  photos: ['cloud://env-1.bucket/photos/a.jpg'],
  location: null,
  anonymous: false,
  source: 'resident',
  contact: { name: '张三', phone: '13812341234' },
  ...over,
})

/** Apply commands in order, failing loudly if any is refused (for setting a scene). */
export const run = (steps: [TicketCommand, Actor, string][], start: Ticket | null = null): Ticket => {
  let ticket = start
  for (const [command, actor, now] of steps) {
    const r = transition(ticket, command, ctx(actor, now))
    if (!r.ok) throw new Error(`${command.type} refused: ${r.refusal.code} ${r.refusal.message}`)
    ticket = r.ticket
  }
  return ticket as Ticket
}

/** A normal request submitted Monday 2025-03-10 09:00 and routed to grid g1's worker. */
export const routedTicket = (over: Partial<Extract<TicketCommand, { type: 'submit' }>> = {}): Ticket =>
  run([
    [submitCommand(over), actors.resident, sh('2025-03-10T09:00')],
    [{ type: 'route', assigneeId: 's-w1', via: 'gridWorker' }, actors.system, sh('2025-03-10T09:00')],
  ])

export const inProgressTicket = (): Ticket =>
  run([[{ type: 'signFor' }, actors.worker1, sh('2025-03-10T10:00')]], routedTicket())

export const resolvedTicket = (): Ticket =>
  run(
    [
      [
        { type: 'resolve', result: '已更换路灯', photos: ['cloud://env-1.bucket/r.jpg'] },
        actors.worker1,
        sh('2025-03-11T10:00'),
      ],
    ],
    inProgressTicket(),
  )

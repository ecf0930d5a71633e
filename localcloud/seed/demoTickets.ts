/**
 * The demo town's tickets, in every state, made the way real ones are: each is a history of
 * commands replayed through the domain's `transition` at past instants (submit, route, sign for,
 * …), then brought up to date with the ladder as the sweeper would have (so overdue ones are on
 * the board at the right level). Their notifications go to the message centre as in-app messages.
 */
import {
  DEFAULT_RULES,
  createWorkingCalendar,
  dueActions,
  systemActor,
  ticketCounterKey,
  transition,
  type Actor,
  type Staff,
  type Ticket,
  type TicketCommand,
  type TransitionContext,
} from '../../shared/index'
import {
  notificationsFor,
  type NotificationDocument,
} from '../../cloudfunctions/_lib/outbox/notificationDocuments'
import { advanceCounter, type CounterDocument } from '../../shared/index'
import type { DemoRoster } from './demoRoster'

type By = 'reporter' | 'worker' | 'guide'
interface Step {
  /** Minutes after submission. */
  at: number
  by: By
  command: TicketCommand
}
interface Script {
  resident: number
  grid: number
  category: string
  description: string
  /** Hours before the seed's `now` the concern was submitted. */
  hoursAgo: number
  anonymous?: boolean
  steps: Step[]
}

const sign: Step = { at: 40, by: 'worker', command: { type: 'signFor' } }
const progress = (at: number, note: string): Step => ({
  at,
  by: 'worker',
  command: { type: 'addProgress', note },
})
const resolve = (at: number, result: string): Step => ({
  at,
  by: 'worker',
  command: { type: 'resolve', result },
})

/** Stories per state; resident 1 and worker 1 (grid 1, village 1) have one of most kinds. */
const SCRIPTS: Script[] = [
  {
    resident: 1,
    grid: 1,
    category: 'environment',
    description: '村口垃圾池满了好几天没人清运，气味很大',
    hoursAgo: 1,
    steps: [],
  },
  {
    resident: 1,
    grid: 1,
    category: 'request',
    description: '组里路灯坏了三盏，晚上出门看不清路',
    hoursAgo: 30,
    steps: [sign, progress(120, '已联系电工，明天上午来修')],
  },
  {
    resident: 1,
    grid: 1,
    category: 'dispute',
    description: '邻居新建围墙占了我家菜地的一部分',
    hoursAgo: 50,
    steps: [
      sign,
      {
        at: 90,
        by: 'worker',
        command: { type: 'requestInfo', question: '请补充土地证照片或原来的边界位置' },
      },
    ],
  },
  {
    resident: 1,
    grid: 1,
    category: 'question',
    description: '想问一下今年城乡居民医保怎么缴费',
    hoursAgo: 70,
    steps: [sign, resolve(180, '已上门讲解缴费方式，可在微信小程序缴纳')],
  },
  {
    resident: 1,
    grid: 1,
    category: 'environment',
    description: '小河边有人倒建筑垃圾',
    hoursAgo: 300,
    steps: [
      sign,
      resolve(240, '已清理，并在河边立了提示牌'),
      { at: 600, by: 'reporter', command: { type: 'confirm', rating: 5, comment: '处理得很快，谢谢' } },
    ],
  },
  {
    resident: 2,
    grid: 2,
    category: 'safety',
    description: '水塘边护栏断了，小孩放学经常从这里过，有溺水危险',
    hoursAgo: 40,
    steps: [],
  },
  {
    resident: 2,
    grid: 2,
    category: 'request',
    description: '自来水这几天水压很低，二楼接不上水',
    hoursAgo: 120,
    steps: [sign],
  },
  {
    resident: 8,
    grid: 1,
    category: 'other',
    description: '组里的公告栏被风吹坏了',
    hoursAgo: 20,
    steps: [
      sign,
      {
        at: 60,
        by: 'worker',
        command: { type: 'returnTicket', reason: '公告栏属于村委会管理，不在本网格处理范围' },
      },
    ],
  },
  {
    resident: 7,
    grid: 7,
    category: 'environment',
    description: '路边杂草太高挡住视线，转弯处容易出事',
    hoursAgo: 26,
    steps: [],
  },
  {
    resident: 7,
    grid: 7,
    category: 'opinion',
    description: '建议在村部附近增加几个健身器材',
    hoursAgo: 10,
    steps: [
      { at: 30, by: 'guide', command: { type: 'reject', reason: '已列入村里明年的规划，先不单独办理' } },
    ],
  },
  {
    resident: 3,
    grid: 3,
    category: 'dispute',
    description: '两户人家因为排水沟的事吵了好几次',
    hoursAgo: 400,
    steps: [sign, progress(300, '已组织双方在屋场会上协商'), resolve(2000, '双方达成协议，共同出钱修排水沟')],
  },
  {
    resident: 9,
    grid: 9,
    category: 'request',
    description: '家里老人需要办理高龄补贴，不知道找谁',
    hoursAgo: 6,
    anonymous: true,
    steps: [sign],
  },
]

export interface DemoTickets {
  tickets: Ticket[]
  notifications: NotificationDocument[]
  /**
   * The day counters the tickets were numbered from, as the submit transaction leaves them: a
   * live report on a seeded day continues the sequence (and counts against the daily limit).
   */
  counters: CounterDocument[]
}

export function buildDemoTickets(roster: DemoRoster, now: Date): DemoTickets {
  const calendar = createWorkingCalendar()
  const townId = roster.villages[0].townId
  const staffById = new Map(roster.staff.map((s) => [s._id, s]))
  const gridNames = Object.fromEntries(
    roster.grids.map((g) => [
      g._id,
      `${roster.villages.find((v) => v._id === g.villageId)?.name ?? ''}${g.name}`,
    ]),
  )
  const staffNames = Object.fromEntries(roster.staff.map((s) => [s._id, s.name]))
  const staffActor = (s: Staff): Actor => ({
    kind: 'person',
    openid: s.openid ?? undefined,
    staffId: s._id,
    name: s.name,
    roles: s.roles,
    scope: s.scope,
  })
  const villageMap = new Map(roster.villages.map((v) => [v._id, v]))
  const counters = new Map<string, CounterDocument>()
  const tickets: Ticket[] = []
  const notifications: NotificationDocument[] = []

  SCRIPTS.forEach((script, i) => {
    const grid = roster.grids[script.grid - 1]
    const resident = roster.residents[script.resident - 1]
    const village = villageMap.get(grid.villageId)!
    const reporter: Actor = {
      kind: 'person',
      openid: resident.openid,
      roles: ['resident'],
      scope: { townId, villageIds: [], gridIds: [] },
    }
    const worker = staffById.get(grid.workerId!)!
    const guide = staffById.get(village.villageGuideIds[0])!
    const actors: Record<By, Actor> = { reporter, worker: staffActor(worker), guide: staffActor(guide) }
    const t0 = new Date(now.getTime() - script.hoursAgo * 3_600_000)
    const ctx = (actor: Actor, at: Date): TransitionContext => ({
      actor,
      now: at,
      rules: DEFAULT_RULES,
      calendar,
      names: { grids: gridNames, staff: staffNames },
    })
    // Numbered as the submit transaction numbers (per town and Shanghai day, not UTC day).
    const numbered = advanceCounter(
      counters.get(ticketCounterKey(townId, t0)) ?? null,
      townId,
      resident.openid,
      t0,
    )
    counters.set(numbered.counter._id, numbered.counter)
    let ticket: Ticket | null = null
    const apply = (command: TicketCommand, actor: Actor, at: Date): void => {
      const r = transition(ticket, command, ctx(actor, at))
      if (!r.ok) throw new Error(`demo ticket ${i + 1}: ${command.type} refused: ${r.refusal.message}`)
      ticket = r.ticket
      for (const n of notificationsFor(townId, r.ticket.version, r.effects, villageMap, at)) {
        notifications.push({
          ...n,
          state: 'inAppOnly',
          reason: 'seed',
          nextAttemptAt: null,
          read: at.getTime() < now.getTime() - 86_400_000,
        })
      }
    }
    apply(
      {
        type: 'submit',
        ticketId: `demo-t${String(i + 1).padStart(3, '0')}`,
        number: numbered.number,
        townId,
        villageId: grid.villageId,
        gridId: grid._id,
        categoryCode: script.category,
        description: script.description,
        photos: [],
        anonymous: script.anonymous ?? false,
        source: 'resident',
        contact: { name: resident.name, phone: resident.phone },
      },
      reporter,
      t0,
    )
    apply({ type: 'route', assigneeId: worker._id, via: 'gridWorker' }, systemActor(townId), t0)
    for (const step of script.steps) {
      const at = new Date(t0.getTime() + step.at * 60_000)
      if (at.getTime() > now.getTime()) break
      catchUp(at)
      apply(step.command, actors[step.by], at)
    }
    catchUp(now)
    tickets.push(ticket!)

    // The sweeper's work up to `at`: every ladder step that fell due, fired once at its instant.
    function catchUp(at: Date): void {
      for (let guard = 0; guard < 10 && ticket; guard++) {
        const due = dueActions(ticket, at, DEFAULT_RULES, calendar)
        if (due.actions.length === 0) return
        for (const a of due.actions) {
          const command: TicketCommand =
            a.command === 'autoClose'
              ? { type: 'autoClose' }
              : a.command === 'remind'
                ? { type: 'remind', step: a.step }
                : { type: 'escalate', step: a.step }
          const when = new Date(
            Math.min(at.getTime(), Math.max(Date.parse(a.dueAt), Date.parse(ticket.updatedAt))),
          )
          apply(command, systemActor(townId), when.getTime() >= Date.parse(a.dueAt) ? when : at)
        }
      }
    }
  })
  return { tickets, notifications, counters: [...counters.values()] }
}

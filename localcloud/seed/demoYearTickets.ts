/**
 * The demo town's year's tickets (2026-01-01 … 2026-08-31): concerns found on patrol, disputes and
 * the people's requests, each replayed through the domain's `transition` at its instants (submit,
 * route, sign for, resolve, then the reporter's rating or the auto-close), like the seed's other
 * tickets. How many of each kind is the town's published figure (see demoYear.ts); the statistics
 * count them with their own definitions.
 */
import {
  DEFAULT_RULES,
  advanceCounter,
  dueActions,
  shanghaiMidnight,
  systemActor,
  ticketCounterKey,
  transition,
  type Actor,
  type CounterDocument,
  type Staff,
  type Ticket,
  type TicketCommand,
  type TicketSource,
  type TransitionContext,
  type WorkingCalendar,
} from '../../shared/index'
import { demoName, type DemoRoster } from './demoRoster'
import type { Rng } from './demoYearRng'

export interface YearTicketSpec {
  source: TicketSource
  category: string
  gridIndex: number
  /** Beijing date of submission (a working day) and minutes after midnight. */
  date: string
  minute: number
  /** Minutes after submission the worker signs for it, and resolves it. */
  signAfter: number
  resolveAfter: number
  /** Reporter's rating (1–5) a day after resolution; null: auto-closed after 7 days. */
  rating: number | null
  /** Reopened once by the reporter, then resolved again. */
  reopened: boolean
  /** For `meeting`: the resident who raised it. */
  residentName?: string
}

const DESCRIPTIONS: Record<string, string[]> = {
  safety: ['河边护栏松动，孩子放学经过有危险', '老房子墙体开裂，雨季怕倒塌', '路口电线杆倾斜，电线垂得很低'],
  dispute: [
    '两家因宅基地边界起了争执',
    '邻居养狗扰民多次协商未果',
    '兄弟分家对老屋归属有分歧',
    '承包田灌溉用水发生纠纷',
  ],
  request: [
    '组里路灯坏了，晚上出行不便',
    '希望帮忙协调修通入户的机耕道',
    '饮水管道漏水，请帮忙联系维修',
    '老人行动不便，想申请上门办理社保认证',
  ],
  environment: ['垃圾池满了没有及时清运', '沟渠堵塞，污水漫到路面', '路边乱堆建筑垃圾'],
  question: ['想咨询新农合缴费时间和标准', '咨询高龄补贴怎么申请'],
  opinion: ['建议在村部旁边增设健身器材', '希望增加公交班次'],
  other: ['村道旁树木倒伏挡路', '公共厕所门坏了需要维修'],
}
const RESULTS: Record<string, string> = {
  safety: '已现场处置，设置警示标志并加固',
  dispute: '组织双方调解，达成一致意见',
  request: '已协调相关部门解决',
  environment: '已安排保洁人员清理完毕',
  question: '已电话答复政策内容',
  opinion: '已记录并向村委会反映',
  other: '已处理完毕',
}

export interface BuiltYearTickets {
  tickets: Ticket[]
  /** Patrol tickets, each with the patrol log that found it. */
  patrolLogs: Array<{ ticket: Ticket; staffId: string }>
}

const staffActor = (s: Staff): Actor => ({
  kind: 'person',
  openid: s.openid ?? undefined,
  staffId: s._id,
  name: s.name,
  roles: s.roles,
  scope: s.scope,
})

export function buildYearTickets(
  roster: DemoRoster,
  specs: YearTicketSpec[],
  calendar: WorkingCalendar,
  counters: Map<string, CounterDocument>,
  rng: Rng,
): BuiltYearTickets {
  const townId = roster.villages[0].townId
  const staffById = new Map(roster.staff.map((s) => [s._id, s]))
  const informants = roster.staff.filter((s) => s.roles.includes('informant') && s.openid !== null)
  const tickets: Ticket[] = []
  const patrolLogs: BuiltYearTickets['patrolLogs'] = []

  specs.forEach((spec, i) => {
    const grid = roster.grids[spec.gridIndex]
    const village = roster.villages.find((v) => v._id === grid.villageId)!
    const worker = staffById.get(grid.workerId!)!
    const workerActor = staffActor(worker)
    let reporter: Actor
    let onBehalfOf: { name: string } | null = null
    if (spec.source === 'patrol') reporter = workerActor
    else if (spec.source === 'meeting') {
      reporter = staffActor(staffById.get(village.villageGuideIds[0])!)
      if (spec.residentName) onBehalfOf = { name: spec.residentName }
    } else if (spec.source === 'informant') {
      // Informants past the first two rounds (tests and stories use the first ones).
      const own = informants.filter((s) => s.scope.gridIds.includes(grid._id))
      reporter = staffActor(own[own.length - 1 - (i % Math.max(1, own.length - 2))] ?? own[0])
      onBehalfOf = { name: demoName(9000 + i) }
    } else {
      reporter = {
        kind: 'person',
        openid: `demo-villager-${(i % 400) + 1}`,
        roles: ['resident'],
        scope: { townId, villageIds: [], gridIds: [] },
      }
    }
    const t0 = new Date(shanghaiMidnight(spec.date) + spec.minute * 60_000)
    const numbered = advanceCounter(
      counters.get(ticketCounterKey(townId, t0)) ?? null,
      townId,
      reporter.openid!,
      t0,
    )
    counters.set(numbered.counter._id, numbered.counter)
    const ctx = (actor: Actor, at: Date): TransitionContext => ({
      actor,
      now: at,
      rules: DEFAULT_RULES,
      calendar,
    })
    let ticket: Ticket | null = null
    const apply = (command: TicketCommand, actor: Actor, at: Date): void => {
      const r = transition(ticket, command, ctx(actor, at))
      if (!r.ok) throw new Error(`demo year ticket ${i + 1}: ${command.type} refused: ${r.refusal.message}`)
      ticket = r.ticket
    }
    const catchUp = (at: Date): void => {
      for (let guard = 0; guard < 10 && ticket; guard++) {
        // The sweeper's index: nothing can be due before `nextDueAt`.
        if (ticket.nextDueAt === null || Date.parse(ticket.nextDueAt) > at.getTime()) return
        const due = dueActions(ticket, at, DEFAULT_RULES, calendar)
        if (due.actions.length === 0) return
        for (const a of due.actions) {
          const command: TicketCommand =
            a.command === 'autoClose'
              ? { type: 'autoClose' }
              : a.command === 'remind'
                ? { type: 'remind', step: a.step }
                : { type: 'escalate', step: a.step }
          const when = new Date(Math.max(Date.parse(a.dueAt), Date.parse(ticket.updatedAt)))
          apply(command, systemActor(townId), when.getTime() <= at.getTime() ? when : at)
        }
      }
    }
    const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
    const descriptions = DESCRIPTIONS[spec.category] ?? DESCRIPTIONS.other
    apply(
      {
        type: 'submit',
        ticketId: `demo-y${String(i + 1).padStart(4, '0')}`,
        number: numbered.number,
        townId,
        villageId: grid.villageId,
        gridId: grid._id,
        categoryCode: spec.category,
        description: descriptions[i % descriptions.length],
        photos: [],
        anonymous: false,
        source: spec.source,
        onBehalfOf,
      },
      reporter,
      t0,
    )
    apply({ type: 'route', assigneeId: worker._id, via: 'gridWorker' }, systemActor(townId), t0)
    catchUp(after(spec.signAfter))
    apply({ type: 'signFor' }, workerActor, after(spec.signAfter))
    catchUp(after(spec.resolveAfter))
    const result = RESULTS[spec.category] ?? RESULTS.other
    apply({ type: 'resolve', result }, workerActor, after(spec.resolveAfter))
    let resolvedAt = spec.resolveAfter
    if (spec.reopened) {
      apply({ type: 'reopen', reason: '问题又出现了，请再处理一下' }, reporter, after(resolvedAt + 600))
      resolvedAt += 600 + 240 + Math.floor(rng() * 600)
      catchUp(after(resolvedAt))
      apply({ type: 'resolve', result: `${result}（复查后再次处理）` }, workerActor, after(resolvedAt))
    }
    if (spec.rating !== null) {
      apply({ type: 'confirm', rating: spec.rating }, reporter, after(resolvedAt + 1440))
    } else {
      catchUp(after(resolvedAt + 8 * 1440))
    }
    const done = ticket as Ticket | null
    if (!done) throw new Error(`demo year ticket ${i + 1} was not made`)
    tickets.push(done)
    if (spec.source === 'patrol') patrolLogs.push({ ticket: done, staffId: worker._id })
  })
  return { tickets, patrolLogs }
}

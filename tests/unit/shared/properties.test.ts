import fc from 'fast-check'
import { toEpochMs, toIso } from '@shared/calendar/shanghaiTime'
import { addWorkingMinutes, workingMinutesBetween } from '@shared/calendar/workingTime'
import { addDuration } from '@shared/deadlines/computeDeadlines'
import { dueActions, type EscalationStep, type ReminderStep } from '@shared/deadlines/dueActions'
import { DEFAULT_CATEGORIES } from '@shared/model/category'
import type { Actor } from '@shared/model/roles'
import type { Ticket } from '@shared/model/ticket'
import { buildSubscribeMessage } from '@shared/notifications/buildSubscribeMessage'
import { KEYWORD_TYPES, fitKeywordValue, validateTemplateData } from '@shared/notifications/keywordRules'
import { DEFAULT_TEMPLATE_CONFIG } from '@shared/notifications/templateConfig'
import { TEMPLATE_KEYS, type TemplateInputs } from '@shared/notifications/templateInputs'
import { isReporter } from '@shared/permissions/can'
import type { TicketCommand } from '@shared/tickets/commands'
import type { Effect } from '@shared/tickets/effects'
import { transition } from '@shared/tickets/transition'
import { actors, calendar, ctx, rules, submitCommand } from './fixtures'

/**
 * Invariants over random command sequences: random actors issue random (sometimes invalid)
 * commands at random times, and the timer sweeps in between. Every step is checked.
 */

const FROM = Date.parse('2025-01-01T00:00:00+08:00')
const TO = Date.parse('2026-12-01T00:00:00+08:00')

const people: Actor[] = [
  actors.resident,
  actors.otherResident,
  actors.worker1,
  actors.worker2,
  actors.worker3,
  actors.villageGuide1,
  actors.villageGuide2,
  actors.townGuide,
  actors.admin,
  actors.system,
]

/** Mostly valid words, sometimes not (empty, too short, too long). */
const text = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('已到现场查看处理', '请补充具体位置', '没有修好') },
  { weight: 1, arbitrary: fc.constantFrom('', '好', '  ', '字'.repeat(300)) },
)
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ weight: 4, arbitrary })
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => ({ weight: 1, arbitrary })
const target = fc.constantFrom(['v1', 'g1', 's-w1'], ['v1', 'g2', 's-w2'], ['v2', 'g3', 's-w3'])

/** The ticket's life cycle often; corrections, which may end a run, and the ladder less often. */
const commandArb: fc.Arbitrary<TicketCommand> = fc.oneof(
  often(fc.constant<TicketCommand>({ type: 'signFor' })),
  often(text.map((note): TicketCommand => ({ type: 'addProgress', note }))),
  often(text.map((question): TicketCommand => ({ type: 'requestInfo', question }))),
  often(text.map((note): TicketCommand => ({ type: 'resume', note }))),
  often(text.map((result): TicketCommand => ({ type: 'resolve', result, photos: [] }))),
  often(fc.integer({ min: 0, max: 6 }).map((rating): TicketCommand => ({ type: 'confirm', rating }))),
  often(text.map((reason): TicketCommand => ({ type: 'reopen', reason }))),
  sometimes(fc.constant<TicketCommand>({ type: 'route', assigneeId: 's-w1', via: 'gridWorker' })),
  sometimes(text.map((reason): TicketCommand => ({ type: 'returnTicket', reason }))),
  sometimes(
    target.map(([villageId, gridId, assigneeId]): TicketCommand => ({
      type: 'redispatch',
      villageId,
      gridId,
      assigneeId,
    })),
  ),
  sometimes(
    target.map(([villageId, gridId, assigneeId]): TicketCommand => ({
      type: 'transfer',
      villageId,
      gridId,
      assigneeId,
      reason: '不属于本网格',
    })),
  ),
  sometimes(text.map((reason): TicketCommand => ({ type: 'reject', reason }))),
  sometimes(fc.constant<TicketCommand>({ type: 'markDuplicate', duplicateOf: 't-0', reason: '同一件事' })),
  sometimes(
    fc
      .constantFrom<EscalationStep[]>('signForOverdue', 'resolveOverdue', 'supervisorOverdue')
      .map((step): TicketCommand => ({ type: 'escalate', step })),
  ),
  sometimes(
    fc
      .constantFrom<(ReminderStep | undefined)[]>(undefined, 'signForReminder', 'resolveReminder')
      .map((step): TicketCommand => (step === undefined ? { type: 'remind' } : { type: 'remind', step })),
  ),
  sometimes(fc.constant<TicketCommand>({ type: 'autoClose' })),
)

type Step =
  | { kind: 'command'; command: TicketCommand; actor: Actor | 'plausible'; advance: number }
  | { kind: 'sweep'; advance: number }

const staffActors = new Map(people.filter((a) => a.staffId !== undefined).map((a) => [a.staffId, a]))
/** The person who would normally issue the command; random actors test the refusals. */
const plausibleActor = (ticket: Ticket, command: TicketCommand): Actor => {
  switch (command.type) {
    case 'confirm':
    case 'reopen':
    case 'resume':
      return actors.resident
    case 'redispatch':
    case 'reject':
    case 'markDuplicate':
      return actors.townGuide
    case 'route':
    case 'escalate':
    case 'autoClose':
      return actors.system
    case 'remind':
      return command.step === undefined ? actors.villageGuide1 : actors.system
    default:
      return staffActors.get(ticket.assigneeId ?? '') ?? actors.worker1
  }
}
const advanceArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 240 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 * 24 * 60 }) },
)
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      command: commandArb,
      actor: fc.oneof(
        { weight: 3, arbitrary: fc.constant('plausible' as const) },
        { weight: 1, arbitrary: fc.constantFrom(...people) },
      ),
      advance: advanceArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const), advance: advanceArb }) },
)
const scenarioArb = fc.record({
  start: fc.integer({ min: FROM, max: TO }),
  categoryCode: fc.constantFrom(...DEFAULT_CATEGORIES.map((c) => c.code)),
  anonymous: fc.boolean(),
  steps: fc.array(stepArb, { minLength: 5, maxLength: 60, size: 'medium' }),
})

const keywordsOf = (key: keyof TemplateInputs) =>
  Object.values(DEFAULT_TEMPLATE_CONFIG[key].fields).map((f) => f.keyword)

/** The invariants of one accepted or refused command. */
/** Which `status:command` pairs the random runs got accepted: proof that they explore the machine. */
const explored = new Set<string>()

const checkStep = (before: Ticket, command: TicketCommand, actor: Actor, now: string) => {
  const snapshot = structuredClone(before)
  const r = transition(before, command, ctx(actor, now))
  // pure: the input ticket is never mutated, accepted or not
  expect(before).toEqual(snapshot)
  if (!r.ok) return before
  explored.add(`${before.status}:${command.type}`)
  const after = r.ticket
  // exactly one timeline entry, appended; version bumped by one
  expect(after.timeline.length).toBe(before.timeline.length + 1)
  expect(after.timeline.slice(0, -1)).toEqual(before.timeline)
  expect(after.version).toBe(before.version + 1)
  expect(r.effects.filter((e: Effect) => e.kind === 'timeline')).toHaveLength(1)
  // nothing leaves closed except a reopen by the reporter within the window
  if (before.status === 'closed') {
    expect(command.type).toBe('reopen')
    expect(isReporter(actor, before)).toBe(true)
    expect(toEpochMs(now)).toBeLessThanOrEqual(
      toEpochMs(addDuration(calendar, before.closedAt as string, rules.reopenWindow)),
    )
  }
  // nothing leaves rejected at all
  if (before.status === 'rejected') throw new Error('a command was accepted on a rejected ticket')
  // the escalation level never goes down
  expect(after.escalation.level).toBeGreaterThanOrEqual(before.escalation.level)
  // deadlines never move earlier
  if (before.deadlines !== null) {
    const b = before.deadlines
    const a = after.deadlines
    expect(a).not.toBeNull()
    for (const which of ['signFor', 'resolve'] as const) {
      expect(toEpochMs(a![which].dueAt)).toBeGreaterThanOrEqual(toEpochMs(b[which].dueAt))
      expect(toEpochMs(a![which].remindAt)).toBeGreaterThanOrEqual(toEpochMs(b[which].remindAt))
    }
  }
  // a ladder step never fires twice in a round
  const keys = after.escalation.fired.map((f) => `${f.step}@${f.round}`)
  expect(new Set(keys).size).toBe(keys.length)
  // every notification it asks for builds into a payload WeChat accepts
  for (const e of r.effects) {
    if (e.kind !== 'notify') continue
    const message = buildSubscribeMessage(e.template, e.data as never)
    expect(validateTemplateData(message.data, keywordsOf(e.template))).toEqual({ ok: true })
  }
  return after
}

describe('the state machine over random command sequences', () => {
  it('keeps its invariants', () => {
    fc.assert(
      fc.property(scenarioArb, ({ start, categoryCode, anonymous, steps }) => {
        let now = start
        const submitted = transition(
          null,
          submitCommand({ categoryCode, anonymous }),
          ctx(actors.resident, toIso(now)),
        )
        if (!submitted.ok) throw new Error(submitted.refusal.message)
        let ticket = checkStep(
          submitted.ticket,
          { type: 'route', assigneeId: 's-w1', via: 'gridWorker' },
          actors.system,
          toIso(now),
        )
        for (const step of steps) {
          now += step.advance * 60_000
          const at = toIso(now)
          if (step.kind === 'command') {
            const actor = step.actor === 'plausible' ? plausibleActor(ticket, step.command) : step.actor
            ticket = checkStep(ticket, step.command, actor, at)
            continue
          }
          const due = dueActions(ticket, at, rules, calendar)
          for (const a of due.actions) {
            const command = (
              a.command === 'autoClose' ? { type: 'autoClose' } : { type: a.command, step: a.step }
            ) as TicketCommand
            const before = ticket
            ticket = checkStep(ticket, command, actors.system, at)
            // what dueActions says is due is accepted
            expect(ticket).not.toBe(before)
          }
          // after the sweep, nothing is due now, and the stored nextDueAt is in the future (or null)
          expect(dueActions(ticket, at, rules, calendar).actions).toEqual([])
          if (ticket.nextDueAt !== null) expect(toEpochMs(ticket.nextDueAt)).toBeGreaterThan(now)
        }
      }),
      { numRuns: 400 },
    )
    const required = [
      'awaitingInfo:resume',
      'closed:reopen',
      'inProgress:escalate',
      'inProgress:requestInfo',
      'inProgress:resolve',
      'inProgress:transfer',
      'pendingSignFor:escalate',
      'pendingSignFor:remind',
      'pendingSignFor:returnTicket',
      'resolved:autoClose',
      'resolved:confirm',
      'resolved:reopen',
      'returned:redispatch',
      'returned:escalate',
      'submitted:route',
    ]
    expect(required.filter((pair) => !explored.has(pair))).toEqual([])
  })
})

describe('notification payloads', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      '',
      '   ',
      '\n\t',
      '已受理',
      '挂牌督办',
      '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
      '20260901-0012',
    ),
  )
  const instant = fc.integer({ min: FROM, max: TO }).map((ms) => toIso(ms))
  const inputsArb = {
    ticketAccepted: fc.record({
      ticketNumber: anyText,
      description: anyText,
      status: anyText,
      acceptedAt: instant,
      tip: anyText,
    }),
    ticketProgress: fc.record({
      ticketNumber: anyText,
      status: anyText,
      progress: anyText,
      updatedAt: instant,
    }),
    ticketResolved: fc.record({ ticketNumber: anyText, result: anyText, resolvedAt: instant, tip: anyText }),
    taskNew: fc.record({
      ticketNumber: anyText,
      task: anyText,
      gridName: anyText,
      dueAt: instant,
      urgency: anyText,
    }),
    taskDue: fc.record({ ticketNumber: anyText, task: anyText, dueAt: instant, hint: anyText }),
    overdueAlert: fc.record({
      ticketNumber: anyText,
      matter: anyText,
      assigneeName: anyText,
      overdue: anyText,
      level: anyText,
    }),
  }

  it.each(TEMPLATE_KEYS.map((k) => [k]))(
    'every %s payload the template builds passes the validator',
    (key) => {
      fc.assert(
        fc.property(inputsArb[key] as fc.Arbitrary<never>, (input) => {
          const message = buildSubscribeMessage(key, input)
          expect(validateTemplateData(message.data, keywordsOf(key))).toEqual({ ok: true })
        }),
        { numRuns: 300 },
      )
    },
  )

  it('fits any text to any non-time keyword type', () => {
    const types = KEYWORD_TYPES.filter((t) => t !== 'time' && t !== 'date')
    fc.assert(
      fc.property(fc.constantFrom(...types), anyText, (type, value) => {
        expect(validateTemplateData({ [`${type}1`]: { value: fitKeywordValue(type, value) } })).toEqual({
          ok: true,
        })
      }),
      { numRuns: 1000 },
    )
  })
})

describe('working time', () => {
  const instant = fc.integer({ min: FROM, max: TO })
  it('adding working minutes and measuring them back agree', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 390 }), (start, minutes) => {
        const end = addWorkingMinutes(calendar, start, minutes)
        expect(workingMinutesBetween(calendar, start, end)).toBeCloseTo(minutes, 6)
      }),
      { numRuns: 300 },
    )
  })
  it('is monotonic: later starts and more minutes never give an earlier end', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 500 }),
        (start, shift, m, extra) => {
          const a = toEpochMs(addWorkingMinutes(calendar, start, m))
          expect(toEpochMs(addWorkingMinutes(calendar, start + shift * 60_000, m))).toBeGreaterThanOrEqual(a)
          expect(toEpochMs(addWorkingMinutes(calendar, start, m + extra))).toBeGreaterThanOrEqual(a)
        },
      ),
      { numRuns: 300 },
    )
  })
})

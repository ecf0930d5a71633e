/**
 * The demo town's year, 2026-01-01 … 2026-08-31 (docs/demo-town.md): tickets, patrols, 屋场会,
 * campaigns, 微服务, lectures and party classes, made so that the statistics for that period,
 * town-wide, are the town's published figures. The numbers below are how many records of each
 * kind are written; the figures come from the records through the statistics' own definitions
 * (a test asks `stats.summary` and compares).
 */
import {
  MICRO_SERVICE_KINDS,
  addCalendarDays,
  createWorkingCalendar,
  shanghaiMidnight,
  type CampaignRecord,
  type CounterDocument,
  type MeetingRecord,
  type MicroServiceRecord,
  type SessionRecord,
  type Ticket,
} from '../../shared/index'
import { demoName, type DemoRoster } from './demoRoster'
import { buildYearTickets, type YearTicketSpec } from './demoYearTickets'
import { between, pick, seededRng, type Rng } from './demoYearRng'

/** 今年以来 … as the town published it (campaigns per theme, materials, then the services). */
export const DEMO_YEAR = {
  from: '2026-01-01',
  to: '2026-08-31',
  campaigns: { drowning: 2, garbage: 3, safety: 4, threeChiefs: 5 },
  materials: 32678,
  patrolIssues: 95,
  disputesResolved: 86,
  requestsResolved: 476,
  microServices: 768,
  lectures: 98,
  partyClasses: 78,
  gridServices: 1425,
} as const

/** Materials per campaign, in DEMO_YEAR.campaigns order; they add up to DEMO_YEAR.materials. */
const MATERIALS: Record<keyof typeof DEMO_YEAR.campaigns, number[]> = {
  drowning: [3200, 2860],
  garbage: [2150, 1980, 2400],
  safety: [1860, 2240, 2510, 2030],
  threeChiefs: [2600, 2300, 2150, 2498, 1900],
}
const CAMPAIGN_MONTHS: Record<keyof typeof DEMO_YEAR.campaigns, number[]> = {
  drowning: [6, 7],
  garbage: [3, 5, 8],
  safety: [1, 4, 6, 8],
  threeChiefs: [2, 3, 5, 6, 7],
}

/** Tickets are made in grids the tests and stories do not watch (their workers' inboxes stay as they were). */
const QUIET_GRIDS = new Set(['g01', 'g02', 'g07'])
const LAST_SUBMIT_DAY = '2026-08-24'

export interface DemoYear {
  tickets: Ticket[]
  patrols: Array<Record<string, unknown>>
  meetings: MeetingRecord[]
  campaigns: CampaignRecord[]
  microServices: MicroServiceRecord[]
  sessions: SessionRecord[]
}

const iso = (date: string, minute: number): string =>
  new Date(shanghaiMidnight(date) + minute * 60_000).toISOString()

function days(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d)
  return out
}

/** Sign-for and resolve delays: mostly within the limits, a few late (the 三率 are not all 100%). */
function timing(rng: Rng, category: string): { signAfter: number; resolveAfter: number } {
  const lateSign = rng() < 0.05
  const lateResolve = rng() < 0.06
  const signAfter =
    category === 'safety' ? (lateSign ? 50 : between(rng, 5, 25)) : lateSign ? 60 * 30 : between(rng, 15, 150)
  const limitHours = category === 'safety' ? 20 : category === 'question' || category === 'opinion' ? 5 : 40
  const resolveAfter = signAfter + 60 * (lateResolve ? limitHours * 4 : between(rng, 1, limitHours))
  return { signAfter, resolveAfter }
}

export function buildDemoYear(roster: DemoRoster, counters: Map<string, CounterDocument>): DemoYear {
  const rng = seededRng(20260831)
  const calendar = createWorkingCalendar()
  const townId = roster.villages[0].townId
  const createdAt = (date: string) => iso(date, 18 * 60 + between(rng, 0, 120))
  const workdays = days(DEMO_YEAR.from, LAST_SUBMIT_DAY).filter((d) => calendar.isWorkingDay(d))
  const ticketGrids = roster.grids.map((g, i) => ({ g, i })).filter(({ g }) => !QUIET_GRIDS.has(g._id))
  const workerOf = (gridId: string) => roster.grids.find((g) => g._id === gridId)!.workerId!
  const villageOf = (gridId: string) => roster.grids.find((g) => g._id === gridId)!.villageId

  // 屋场会: one per village a month, a grid in turn; some raise a concern that becomes a ticket.
  const meetings: MeetingRecord[] = []
  roster.villages.forEach((v, vi) => {
    const grids = roster.grids.filter((g) => g.villageId === v._id)
    const guide = roster.staff.find((s) => s._id === v.villageGuideIds[0])!
    for (let m = 1; m <= 8; m++) {
      const monthDays = workdays.filter((d) => Number(d.slice(5, 7)) === m)
      const date = pick(rng, monthDays)
      const grid = grids[(m + vi) % grids.length]
      const attendance = between(rng, 12, 45)
      meetings.push({
        _id: `demo-ym-${v._id}-${m}`,
        townId,
        villageId: v._id,
        gridId: grid._id,
        date,
        place: `${grid.name}屋场`,
        host: guide.name,
        attendance,
        attendees: [],
        topics: [
          pick(rng, ['人居环境整治', '防溺水安全', '秸秆禁烧', '医保缴费', '矛盾纠纷排查', '产业发展']),
        ],
        tickets: [],
        createdBy: guide._id,
        createdAt: createdAt(date),
      })
    }
  })

  // Ticket specs: the published counts of each kind, spread over the working days.
  const specs: YearTicketSpec[] = []
  const spec = (source: YearTicketSpec['source'], category: string, date?: string, gridIndex?: number) => {
    const where = gridIndex ?? pick(rng, ticketGrids).i
    const day = date ?? pick(rng, workdays)
    const r = rng()
    const rated = source === 'resident' || source === 'informant' ? r < 0.8 : false
    specs.push({
      source,
      category,
      gridIndex: where,
      date: day,
      minute: 9 * 60 + between(rng, 0, 6 * 60),
      ...timing(rng, category),
      rating: rated ? (r < 0.68 ? 5 : r < 0.76 ? 4 : r < 0.79 ? 3 : 2) : null,
      reopened: rng() < 0.03,
    })
  }
  for (let k = 0; k < DEMO_YEAR.patrolIssues; k++)
    spec('patrol', pick(rng, ['environment', 'environment', 'safety', 'request', 'other']))
  for (let k = 0; k < DEMO_YEAR.disputesResolved; k++) spec(rng() < 0.6 ? 'resident' : 'informant', 'dispute')
  const meetingTickets = meetings
    .filter((m) => !QUIET_GRIDS.has(m.gridId) && m.date <= LAST_SUBMIT_DAY)
    .slice(0, 30)
  for (const m of meetingTickets) {
    spec(
      'meeting',
      pick(rng, ['request', 'environment']),
      m.date,
      roster.grids.findIndex((g) => g._id === m.gridId),
    )
    specs[specs.length - 1].residentName = demoName(7000 + specs.length)
  }
  for (let k = meetingTickets.length; k < DEMO_YEAR.requestsResolved; k++)
    spec(
      rng() < 0.6 ? 'resident' : 'informant',
      pick(rng, [
        'request',
        'request',
        'request',
        'environment',
        'environment',
        'question',
        'opinion',
        'safety',
        'other',
      ]),
    )
  const { tickets, patrolLogs } = buildYearTickets(roster, specs, calendar, counters, rng)
  tickets.forEach((t, i) => {
    if (specs[i].source !== 'meeting') return
    const m = meetingTickets.find((mt) => mt.gridId === t.gridId && mt.date === specs[i].date)
    m?.tickets.push({ ticketId: t._id, number: t.number })
  })

  // Patrols: most grids patrolled one to three times a month; the 95 that found a problem carry its ticket.
  const patrols: Array<Record<string, unknown>> = []
  const patrol = (gridId: string, at: string, ticket: Ticket | null, note: string) =>
    patrols.push({
      _id: `demo-yp${String(patrols.length + 1).padStart(5, '0')}`,
      townId,
      villageId: villageOf(gridId),
      gridId,
      staffId: workerOf(gridId),
      kind: rng() < 0.7 ? 'patrol' : 'survey',
      note,
      photos: [],
      location: null,
      ticketId: ticket?._id ?? null,
      ticketNumber: ticket?.number ?? null,
      createdAt: at,
    })
  for (const g of roster.grids)
    for (let m = 1; m <= 8; m++) {
      if (rng() < 0.08) continue
      const monthDays = workdays.filter((d) => Number(d.slice(5, 7)) === m)
      for (let k = between(rng, 1, 2); k > 0; k--)
        patrol(
          g._id,
          iso(pick(rng, monthDays), 8 * 60 + between(rng, 0, 540)),
          null,
          pick(rng, ['例行巡查，未发现问题', '走访农户，情况正常', '检查沟渠河塘，无异常']),
        )
    }
  for (const { ticket } of patrolLogs)
    patrol(ticket.gridId, ticket.createdAt, ticket, `巡查发现：${ticket.description}`)

  // Campaigns: the published number per theme, each across one village's grids or the whole town.
  const campaigns: CampaignRecord[] = []
  const admin = roster.staff.find((s) => s.roles.includes('admin'))!
  for (const theme of Object.keys(DEMO_YEAR.campaigns) as Array<keyof typeof DEMO_YEAR.campaigns>)
    MATERIALS[theme].forEach((materials, k) => {
      const month = CAMPAIGN_MONTHS[theme][k]
      const date = pick(
        rng,
        workdays.filter((d) => Number(d.slice(5, 7)) === month),
      )
      const village = k % 2 === 0 ? null : pick(rng, roster.villages)
      const grids = village ? roster.grids.filter((g) => g.villageId === village._id) : roster.grids
      campaigns.push({
        _id: `demo-yc-${theme}-${k + 1}`,
        townId,
        theme,
        date,
        villageIds: village ? [village._id] : roster.villages.map((v) => v._id),
        gridIds: grids.map((g) => g._id),
        materials,
        note: village ? `${village.name}集中宣传` : '全镇统一宣传日',
        createdBy: village ? village.villageGuideIds[0] : admin._id,
        createdAt: createdAt(date),
      })
    })

  // 微服务 by the grid workers; 理论宣讲 and 屋场党课 by the guides, in every village.
  const allDays = days(DEMO_YEAR.from, DEMO_YEAR.to)
  const microServices: MicroServiceRecord[] = Array.from({ length: DEMO_YEAR.microServices }, (_, k) => {
    const g = pick(rng, roster.grids)
    const date = pick(rng, allDays)
    const kind = pick(rng, MICRO_SERVICE_KINDS)
    return {
      _id: `demo-ys${String(k + 1).padStart(4, '0')}`,
      townId,
      villageId: g.villageId,
      gridId: g._id,
      date,
      kind,
      forWhom: demoName(6000 + k),
      note: pick(rng, ['代缴医保', '代办高龄补贴', '帮助网上办理社保认证', '代购生活用品', '送药上门', '']),
      createdBy: g.workerId!,
      createdAt: createdAt(date),
    }
  })
  const sessions: SessionRecord[] = []
  const session = (kind: SessionRecord['kind'], n: number) => {
    for (let k = 0; k < n; k++) {
      const v = roster.villages[k % roster.villages.length]
      const speakerId = kind === 'lecture' ? pick(rng, v.townGuideIds) : pick(rng, v.villageGuideIds)
      const speaker = roster.staff.find((s) => s._id === speakerId)!
      const date = pick(rng, workdays)
      sessions.push({
        _id: `demo-y${kind === 'lecture' ? 'l' : 'k'}${String(k + 1).padStart(3, '0')}`,
        townId,
        kind,
        date,
        villageId: v._id,
        gridId: null,
        place: kind === 'lecture' ? `${v.name}村部` : `${v.name}屋场`,
        speaker: speaker.name,
        attendance: between(rng, 15, 60),
        topic: pick(rng, [
          '学习贯彻党的二十届四中全会精神',
          '乡村振兴政策解读',
          '基层治理与网格化服务',
          '法治宣传',
        ]),
        createdBy: speaker._id,
        createdAt: createdAt(date),
      })
    }
  }
  session('lecture', DEMO_YEAR.lectures)
  session('partyClass', DEMO_YEAR.partyClasses)

  return { tickets, patrols, meetings, campaigns, microServices, sessions }
}

/**
 * The county benchmark's working window: reports at the county's rate through their life cycle,
 * with the sweeper every minute; operations per report life cycle and the monthly projection.
 */
import type { LocalCloud } from '../../tests/helpers/localcloud'
import { call, clockNow, MINUTE, sweep } from './countyCalls'
import { RESIDENTS_PER_TOWN, TOWNS, resident } from './countyTowns'

/** The county's reports a day. */
const COUNTY_REPORTS_PER_DAY = 10_000
/** Minutes of reports at the county's rate (the scaled-down part: a window, not the rate). */
const WINDOW_MINUTES = Number(process.env.BENCH_COUNTY_WINDOW ?? 60)
const PLAN = 10_000_000
const describe = '村道上的垃圾很多，需要清理'

export type FigureRow = { what: string; value: string; goal: string }

interface Life {
  town: number
  openid: string
  ticketId?: string
  assigneeOpenid?: string
  at: { submit: number; signFor: number | null; resolve: number | null; confirm: number | null }
  ops: number
  done: boolean
}

/** A deterministic pseudo-random stream (the same day every run). */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/**
 * The county's rate of reports (10,000 a day ≈ 7 a minute) for a window of the working day, each
 * report moving through its life cycle (a tenth signed for after the deadline, so escalated), with
 * a sweep every minute until the last one is done. Only the window is scaled down, not the rate:
 * the sweeper batches what a minute brings, so its share per report is the county's.
 */
export interface WindowOptions {
  /** How the rows name this window. */
  label: string
  /** The window's first minute (virtual clock), 08:00 in Shanghai (`mondayMorning`). */
  startAt: number
  /** Seed of the window's pseudo-random day. */
  seed?: number
  /** The operations of the sweeper's night (03:00–04:00) before the window, beyond its idle runs. */
  nightOps: number
}

/** A Monday 08:00 in Shanghai two weeks on (00:00 UTC): what is left due from before is swept first. */
export async function mondayMorning(cloud: LocalCloud): Promise<number> {
  const monday = new Date((await clockNow(cloud)) + 14 * 86_400_000)
  monday.setUTCHours(0, 0, 0, 0)
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7))
  return monday.getTime()
}

/**
 * The sweeper's night, 03:00–04:00 in Shanghai before the morning `morning`, a run a minute: it
 * opens the day's ticket counters and checks every town's snapshot. Answers its operations beyond
 * its idle runs.
 */
export async function night(cloud: LocalCloud, morning: number, idleOps: number): Promise<number> {
  let ops = 0
  for (let m = 0; m < 60; m++) {
    await cloud.dev.clock({ now: new Date(morning - 5 * 60 * MINUTE + m * MINUTE + 1000).toISOString() })
    ops += (await sweep(cloud)).ops - idleOps
  }
  return ops
}

export async function dayOfReports(
  cloud: LocalCloud,
  idleOps: number,
  log: (s: string) => void,
  options: WindowOptions,
): Promise<{ rows: FigureRow[]; startedAt: number; endedAt: number; perReport: number }> {
  const perMinute = COUNTY_REPORTS_PER_DAY / 1440
  const reports = Math.round(perMinute * WINDOW_MINUTES)
  const random = rng(options.seed ?? 11)
  const start = options.startAt
  await cloud.dev.clock({ now: new Date(start - MINUTE + 1000).toISOString() })
  for (let i = 0; i < 40; i++) {
    const { report } = await sweep(cloud)
    if (report.examined === 0 && report.delivery.inAppOnly + report.delivery.sent === 0) break
  }
  const lives: Life[] = Array.from({ length: reports }, (_, i) => {
    const submit = Math.floor(i / perMinute)
    const late = random() < 0.1
    const signFor = submit + (late ? 420 + Math.floor(random() * 30) : 1 + Math.floor(random() * 15))
    const resolve = signFor + 5 + Math.floor(random() * 55)
    const confirm = random() < 0.7 ? resolve + 5 + Math.floor(random() * 25) : null
    const town = 1 + (i % (TOWNS - 1))
    return {
      town,
      openid: resident(town, 1 + Math.floor(random() * RESIDENTS_PER_TOWN)),
      at: { submit, signFor, resolve, confirm },
      ops: 0,
      done: false,
    }
  })
  const byMinute = new Map<
    number,
    Array<{ life: Life; step: 'submit' | 'signFor' | 'resolve' | 'confirm' }>
  >()
  let lastMinute = 0
  for (const life of lives)
    for (const step of ['submit', 'signFor', 'resolve', 'confirm'] as const) {
      const m = life.at[step]
      if (m === null) continue
      byMinute.set(m, [...(byMinute.get(m) ?? []), { life, step }])
      lastMinute = Math.max(lastMinute, m)
    }
  let sweepOps = 0
  let runs = 0
  let failures = 0
  let escalated = 0
  const actionOps = { submit: 0, signFor: 0, resolve: 0, confirm: 0 }
  const actionCount = { submit: 0, signFor: 0, resolve: 0, confirm: 0 }
  for (let m = 0; m <= lastMinute + 5; m++) {
    await cloud.dev.clock({ now: new Date(start + m * MINUTE + 1000).toISOString() })
    const run = await sweep(cloud)
    sweepOps += run.ops
    runs++
    escalated += run.report.escalated
    for (const { life, step } of byMinute.get(m) ?? []) {
      const r = await lifeStep(
        cloud,
        life,
        step,
        `bench-day${options.seed ?? 11}-${String(lives.indexOf(life)).padStart(6, '0')}`,
      )
      if (r === null) continue
      if (!r.ok) {
        if (failures++ < 3) log(`county: ${step} failed: ${JSON.stringify((r as { body?: unknown }).body)}`)
        continue
      }
      life.ops += r.ops
      actionOps[step] += r.ops
      actionCount[step]++
    }
    if (m % 60 === 0) log(`county: minute ${m} of ${lastMinute + 5}, sweep ${run.ops} ops, ${run.ms} ms wall`)
  }
  const submitted = lives.filter((l) => l.ticketId)
  const lifeOps = submitted.reduce((sum, l) => sum + l.ops, 0)
  const perReportCalls = lifeOps / submitted.length
  // The sweeper's idle cost is per minute of the day, whatever the reports: a day's 1,440 idle runs
  // are shared by the county's 10,000 reports; the rest of what it did is this window's reports'.
  const workShare = (sweepOps - runs * idleOps) / submitted.length
  const idleShare = (1440 * idleOps) / COUNTY_REPORTS_PER_DAY
  // The night's work (day counters, snapshot checks) is per day, whatever the traffic.
  const rebuildShare = options.nightOps / COUNTY_REPORTS_PER_DAY
  const perReport = perReportCalls + workShare + idleShare + rebuildShare
  const monthly = perReport * COUNTY_REPORTS_PER_DAY * 30
  const avg = (k: keyof typeof actionOps) =>
    actionCount[k] ? (actionOps[k] / actionCount[k]).toFixed(1) : '–'
  log(
    `county: window done: ${submitted.length} reports, ${failures} failed calls, sweeper ${sweepOps} ops in ${runs} runs`,
  )
  const l = options.label
  return {
    startedAt: start,
    endedAt: start + (lastMinute + 5) * MINUTE,
    perReport,
    rows: [
      {
        what: `${l}: the county's rate (${perMinute.toFixed(1)} reports a minute) for ${WINDOW_MINUTES} minutes, life cycles to the end: reports, escalated, failed calls`,
        value: `${submitted.length}, ${escalated}, ${failures}`,
        goal: '0 failed',
      },
      {
        what: `${l}: operations per action (mean over the window)`,
        value: `submit ${avg('submit')}, signFor ${avg('signFor')}, resolve ${avg('resolve')}, confirm ${avg('confirm')}`,
        goal: '',
      },
      {
        what: `${l}: operations per report life cycle: its calls + the sweeper's work + the sweeper's idle runs + its night's work`,
        value: `${perReportCalls.toFixed(1)} + ${workShare.toFixed(1)} + ${idleShare.toFixed(1)} + ${rebuildShare.toFixed(1)} = ${perReport.toFixed(1)}`,
        goal: '≤ 15',
      },
      {
        what: `${l}: projected monthly operations (10,000 reports a day; life cycles and sweeper)`,
        value: `${(monthly / 1e6).toFixed(2)} M (${((monthly / PLAN) * 100).toFixed(0)} % of a 10 M plan)`,
        goal: '< 10 M',
      },
    ],
  }
}

async function lifeStep(
  cloud: LocalCloud,
  life: Life,
  step: 'submit' | 'signFor' | 'resolve' | 'confirm',
  requestId: string,
): Promise<{ ok: boolean; ops: number } | null> {
  if (step === 'submit') {
    const r = await call(
      cloud,
      'tickets',
      { action: 'submit', clientRequestId: requestId, categoryCode: 'environment', description: describe },
      life.openid,
    )
    if (r.ok) {
      life.ticketId = r.body.data.ticketId
      const d = await cloud.call('tickets', { action: 'detail', ticketId: life.ticketId }, life.openid)
      const assignee = d.body?.data?.ticket?.assigneeId as string | undefined
      // Workers' openids follow their roster ids: c<k>-st-worker-<n> → c<k>-demo-worker-<n>.
      life.assigneeOpenid = assignee?.replace('-st-', '-demo-')
    }
    return r
  }
  if (!life.ticketId || !life.assigneeOpenid) return null
  if (step === 'signFor')
    return call(cloud, 'tasks', { action: 'signFor', ticketId: life.ticketId }, life.assigneeOpenid)
  if (step === 'resolve')
    return call(
      cloud,
      'tasks',
      { action: 'resolve', ticketId: life.ticketId, result: '已联系保洁员清运完毕', photos: [] },
      life.assigneeOpenid,
    )
  return call(cloud, 'tickets', { action: 'confirm', ticketId: life.ticketId, rating: 5 }, life.openid)
}

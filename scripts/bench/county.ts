/**
 * `npm run bench -- --county`: the county on one environment (300 towns × 69 grids with their
 * rosters), measured from outside on the local cloud, as production would bill it:
 * - idle sweep operations at 1 town and at 300 towns;
 * - the county's rate of reports (10,000 a day) for a window of the day, through their life cycle — submit,
 *   sign for, resolve, confirm, some left to go overdue — with the sweeper at its real cadence
 *   (a run every minute of the virtual day); operations per report life cycle, the sweeper's share
 *   included, and the monthly projection against a 10 M-operation plan;
 * - the overdue → alert latency in one town while another town has 1,000 tickets due at once;
 * - 20 residents of one town submitting at the same moment.
 * Times are the local cloud's virtual clock (the sweeper runs on it) unless said otherwise.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseService } from '../../localcloud/db'
import { buildDemoRoster } from '../../localcloud/seed/demoRoster'
import { startLocalCloud, type LocalCloud } from '../../tests/helpers/localcloud'

const TOWNS = Number(process.env.BENCH_COUNTY_TOWNS ?? 300)
/** The county's reports a day, and the share of them this run makes. */
const COUNTY_REPORTS_PER_DAY = 10_000
/** Minutes of reports at the county's rate (the scaled-down part: a window, not the rate). */
const WINDOW_MINUTES = Number(process.env.BENCH_COUNTY_WINDOW ?? 60)
const RESIDENTS_PER_TOWN = 20
const MINUTE = 60_000
const PLAN = 10_000_000

export interface CountyFigures {
  rows: Array<{ what: string; value: string; goal: string }>
  text: string
}

type Doc = Record<string, unknown> & { _id: string }

const townIdOf = (k: number) => `town-c${String(k).padStart(3, '0')}`

/** A town of the county: the demo town's structure and roster (without its 728 informants), ids prefixed. */
function countyTown(k: number, at: string) {
  const townId = townIdOf(k)
  const roster = buildDemoRoster(townId, at)
  const staff = roster.staff.filter((s) => !(s.roles.length === 1 && s.roles[0] === 'informant'))
  const kept = new Set(staff.map((s) => s._id))
  const ids = new Set<string>([
    ...roster.villages.map((v) => v._id),
    ...roster.grids.map((g) => g._id),
    ...staff.map((s) => s._id),
  ])
  const prefix = `c${k}-`
  const rewrite = (v: unknown): unknown => {
    if (typeof v === 'string') return ids.has(v) || v.startsWith('demo-') ? prefix + v : v
    if (Array.isArray(v)) return v.map(rewrite)
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([key, x]) => [key, rewrite(x)]),
      )
    return v
  }
  const grids = roster.grids.map((g) => ({ ...g, informantIds: g.informantIds.filter((id) => kept.has(id)) }))
  const residents = roster.residents.slice(0, RESIDENTS_PER_TOWN)
  return {
    townId,
    config: { _id: `town:${townId}`, townId, kind: 'town', name: `县域镇${k}` },
    villages: rewrite(roster.villages) as Doc[],
    grids: rewrite(grids) as Doc[],
    staff: rewrite(staff) as Doc[],
    // A resident's document id is `r_<openid>`.
    residents: (rewrite(residents) as Doc[]).map((r) => ({ ...r, _id: `r_${String(r.openid)}` })),
  }
}

/** Adds towns first..last to a stopped local cloud's database. */
function addTowns(dataDir: string, first: number, last: number, at: string) {
  const db = DatabaseService.open(join(dataDir, 'db'))
  for (let k = first; k <= last; k++) {
    const t = countyTown(k, at)
    db.insertDocuments('config', [t.config])
    db.insertDocuments('villages', t.villages)
    db.insertDocuments('grids', t.grids)
    db.insertDocuments('staff', t.staff)
    db.insertDocuments('residents', t.residents)
  }
  db.close()
}

async function call(cloud: LocalCloud, fn: string, data: Record<string, unknown>, openid: string) {
  const res = await cloud.call(fn, data, openid)
  return {
    ok: res.status === 200 && res.body?.ok === true,
    body: res.body,
    ops: Number(res.headers.get('x-db-ops')),
  }
}

async function sweep(cloud: LocalCloud) {
  const started = Date.now()
  const res = await cloud.dev.runTimer('sweeper')
  if (res.status !== 200 || !res.body?.ok)
    throw new Error(`sweeper: ${res.status} ${JSON.stringify(res.body)}`)
  return { ops: Number(res.headers.get('x-db-ops')), ms: Date.now() - started, report: res.body.data }
}

const clockNow = async (cloud: LocalCloud) => Date.parse((await cloud.dev.clock()).body.now)
/** To the next whole minute (+1 s), as the trigger `0 * * * * *` fires. */
async function toNextMinute(cloud: LocalCloud) {
  const now = await clockNow(cloud)
  await cloud.dev.clock({ now: new Date(Math.floor(now / MINUTE) * MINUTE + MINUTE + 1000).toISOString() })
}

/** Idle sweeps at the minute after (not on) the abandoned-send check, the usual case. */
async function idleSweepOps(cloud: LocalCloud): Promise<number> {
  for (let i = 0; i < 3; i++) await sweep(cloud)
  const now = await clockNow(cloud)
  const minute = Math.floor(now / MINUTE)
  if (minute % 10 === 0) await cloud.dev.clock({ advanceMs: MINUTE })
  return (await sweep(cloud)).ops
}

const resident = (k: number, j: number) => `c${k}-demo-resident-${j}`
const describe = '村道上的垃圾很多，需要清理'

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

export async function countyBench(
  env: Record<string, string>,
  log: (s: string) => void,
): Promise<CountyFigures> {
  const rows: CountyFigures['rows'] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-county-'))
  const wallStarted = Date.now()
  try {
    // 1 town: the seeded demo town.
    let cloud = await startLocalCloud({ seed: true, dataDir, env })
    const at = new Date(await clockNow(cloud)).toISOString()
    await toNextMinute(cloud)
    const idleOne = await idleSweepOps(cloud)
    await cloud.stop()
    log(`county: idle sweep at 1 town: ${idleOne} ops; adding ${TOWNS - 1} towns…`)
    addTowns(dataDir, 1, TOWNS - 1, at)
    cloud = await startLocalCloud({ dataDir, env, readyTimeoutMs: 120_000 })
    try {
      await toNextMinute(cloud)
      const idleMany = await idleSweepOps(cloud)
      rows.push({
        what: 'idle sweep, 1 town → 300 towns (operations)',
        value: `${idleOne} → ${idleMany} (ratio ${(idleMany / idleOne).toFixed(2)})`,
        goal: 'ratio ≤ 1.05',
      })
      log(`county: idle sweep at ${TOWNS} towns: ${idleMany} ops`)

      // 20 residents of one town at the same moment.
      const town = Math.ceil(TOWNS / 2)
      const together = await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          call(
            cloud,
            'tickets',
            {
              action: 'submit',
              clientRequestId: `together-${j}`,
              categoryCode: 'environment',
              description: describe,
            },
            resident(town, j + 1),
          ),
        ),
      )
      const numbers = new Set(together.filter((r) => r.ok).map((r) => r.body.data.number))
      rows.push({
        what: '20 concurrent submitters in one town: refused / distinct numbers',
        value: `${together.filter((r) => !r.ok).length} / ${numbers.size}`,
        goal: '0 refused, 20 numbers',
      })

      // The overdue → alert latency in the last town while town 1 has 1,000 tickets due at once.
      const latency = await alertLatency(cloud, dataDir, env, log)
      cloud = latency.cloud
      rows.push({
        what: `overdue → alert latency in town ${TOWNS - 1}, 1,000 due in town 1 at once (virtual clock)`,
        value: `${((latency.waitMs + latency.inRunMs) / 1000).toFixed(1)} s = ${(latency.waitMs / 1000).toFixed(1)} s until the next run (the deadline fell just after one) + ${(latency.inRunMs / 1000).toFixed(1)} s into that run; the 1,000 drained in ${latency.runs} run(s)`,
        goal: '≤ 60 s',
      })

      // The county's rate for a window of the day, the sweeper every minute.
      const day = await dayOfReports(cloud, idleMany, log)
      rows.push(...day.rows)
    } finally {
      await cloud.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
  rows.push({
    what: 'wall-clock time of the county benchmark',
    value: `${((Date.now() - wallStarted) / 1000).toFixed(0)} s`,
    goal: '≈ 10 min on 2 cores',
  })
  const text = [
    '| county figure | measured | goal |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.goal} |`),
  ].join('\n')
  return { rows, text }
}

/** Adds 1,000 due tickets to town 1 (stopped cloud), then a live report in the last town goes overdue. */
async function alertLatency(
  cloud: LocalCloud,
  dataDir: string,
  env: Record<string, string>,
  log: (s: string) => void,
): Promise<{ waitMs: number; inRunMs: number; runs: number; cloud: LocalCloud }> {
  const last = TOWNS - 1
  const s = await call(
    cloud,
    'tickets',
    {
      action: 'submit',
      clientRequestId: 'latency-1',
      categoryCode: 'request',
      description: '组里的水渠堵了，需要疏通',
    },
    resident(last, 1),
  )
  if (!s.ok) throw new Error(`latency submit: ${JSON.stringify(s.body)}`)
  const ticketId = s.body.data.ticketId as string
  await cloud.stop()
  const db = DatabaseService.open(join(dataDir, 'db'))
  const template = db.getDocument('tickets', ticketId) as Doc & {
    deadlines: { signFor: { dueAt: string } }
  }
  const dueAt = Date.parse(template.deadlines.signFor.dueAt)
  // Town 1's burst: due just before the test ticket, so a sweep in due order meets them first.
  const burst: Doc[] = Array.from({ length: 1000 }, (_, i) => ({
    ...template,
    _id: `burst-${i}`,
    townId: townIdOf(1),
    villageId: 'c1-v01',
    gridId: 'c1-g01',
    assigneeId: 'c1-st-worker-1',
    number: `burst-${i}`,
    deadlines: {
      ...template.deadlines,
      signFor: { ...template.deadlines.signFor, dueAt: new Date(dueAt - 500).toISOString() },
    },
    nextDueAt: new Date(dueAt - 100).toISOString(),
  }))
  db.insertDocuments('tickets', burst)
  db.close()
  const next = await startLocalCloud({ dataDir, env, readyTimeoutMs: 120_000 })
  // Nearly the worst phase: a run two seconds before the deadline (the virtual clock runs on while
  // the request travels) finds nothing of this due; the next run a minute later must alert.
  await next.dev.clock({ now: new Date(dueAt - 2000).toISOString() })
  const early = await sweep(next)
  log(
    `county: latency run before the deadline: ${early.report.examined} examined, ${early.ops} ops, ${early.ms} ms wall`,
  )
  await next.dev.clock({ now: new Date(dueAt - 2000 + MINUTE).toISOString() })
  // While that run works, watch for the alert: its latency is the wait for the run plus the run's
  // time until it reached this ticket (the virtual clock runs with the wall clock).
  const runStarted = Date.now()
  const running = sweep(next)
  let seenAfterMs: number | null = null
  let done = false
  void running.then(() => (done = true))
  while (seenAfterMs === null) {
    if ((await escalatedAfter(next, ticketId, dueAt)) !== null) seenAfterMs = Date.now() - runStarted
    else if (done) break
    else await new Promise((r) => setTimeout(r, 250))
  }
  const run = await running
  log(`county: latency run: ${run.report.examined} examined, ${run.ops} ops, ${run.ms} ms wall`)
  const waited = await escalatedAfter(next, ticketId, dueAt)
  let runs = 1
  while ((await sweep(next)).report.examined > 0 && runs < 30) runs++
  return { waitMs: waited ?? Infinity, inRunMs: seenAfterMs ?? run.ms, runs, cloud: next }
}

/** When the ticket's first escalation (its alert) landed on its timeline, minus its deadline. */
async function escalatedAfter(cloud: LocalCloud, ticketId: string, dueAt: number): Promise<number | null> {
  const res = await cloud.call('tickets', { action: 'detail', ticketId }, resident(TOWNS - 1, 1))
  const timeline = (res.body?.data?.ticket?.timeline ?? []) as Array<{ command: string; at: string }>
  const escalated = timeline.find((e) => e.command === 'escalate')
  return escalated ? Date.parse(escalated.at) - dueAt : null
}

/**
 * The county's rate of reports (10,000 a day ≈ 7 a minute) for a window of the working day, each
 * report moving through its life cycle (a tenth signed for after the deadline, so escalated), with
 * a sweep every minute until the last one is done. Only the window is scaled down, not the rate:
 * the sweeper batches what a minute brings, so its share per report is the county's.
 */
async function dayOfReports(
  cloud: LocalCloud,
  idleOps: number,
  log: (s: string) => void,
): Promise<{ rows: CountyFigures['rows'] }> {
  const perMinute = COUNTY_REPORTS_PER_DAY / 1440
  const reports = Math.round(perMinute * WINDOW_MINUTES)
  const random = rng(11)
  // A Monday 08:00 in Shanghai two weeks on: what is left due from before is swept first.
  const now = await clockNow(cloud)
  const monday = new Date(now + 14 * 86_400_000)
  monday.setUTCHours(0, 0, 0, 0)
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7))
  const start = monday.getTime()
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
      const r = await lifeStep(cloud, life, step, `bench-day-${String(lives.indexOf(life)).padStart(6, '0')}`)
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
  const perReport = perReportCalls + workShare + idleShare
  const monthly = perReport * COUNTY_REPORTS_PER_DAY * 30
  const avg = (k: keyof typeof actionOps) =>
    actionCount[k] ? (actionOps[k] / actionCount[k]).toFixed(1) : '–'
  log(
    `county: window done: ${submitted.length} reports, ${failures} failed calls, sweeper ${sweepOps} ops in ${runs} runs`,
  )
  return {
    rows: [
      {
        what: `the county's rate (${perMinute.toFixed(1)} reports a minute) for ${WINDOW_MINUTES} minutes, life cycles to the end: reports, escalated, failed calls`,
        value: `${submitted.length}, ${escalated}, ${failures}`,
        goal: '0 failed',
      },
      {
        what: 'operations per action (mean over the window; a town sees a call every ~40 minutes, so its configuration, cached 30 s, is read again)',
        value: `submit ${avg('submit')}, signFor ${avg('signFor')}, resolve ${avg('resolve')}, confirm ${avg('confirm')}`,
        goal: '',
      },
      {
        what: "operations per report life cycle: its calls + the sweeper's work + the sweeper's idle runs",
        value: `${perReportCalls.toFixed(1)} + ${workShare.toFixed(1)} + ${idleShare.toFixed(1)} = ${perReport.toFixed(1)}`,
        goal: '≤ 15',
      },
      {
        what: 'projected monthly operations (10,000 reports a day; life cycles and sweeper only)',
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

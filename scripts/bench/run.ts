/**
 * The cost model (docs/architecture.md, "Cost model"): production bills every database read and write, so this counts
 * database operations per action on the local cloud (its X-DB-Ops header), shows that the deadline
 * sweep's cost follows the number of due tickets rather than the number open, times the local
 * database at 100k documents, and prints the weapp main package size. With `--county`, the county
 * benchmark instead (county.ts). The report goes to build/bench/ and is printed; `--write` also
 * puts it in docs/benchmarks.md (its section only), so a plain run leaves the tree clean. Numbers,
 * not a test: nothing here fails on a figure.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseService } from '../../localcloud/db'
import { benchRosterImport } from './rosterImport'
import {
  ensureBuilt,
  functionsDirWithQuietSweeper,
  startLocalCloud,
  type LocalCloud,
} from '../../tests/helpers/localcloud'
import { statsAtScale } from './stats'

import { countyBench } from './county'

declare const __REPO__: string
const REPO = __REPO__
const HOUR = 3_600_000

type Row = { what: string; ops: number | string; note?: string }
const rows: Row[] = []

async function call(cloud: LocalCloud, fn: string, data: Record<string, unknown>, openid: string) {
  const res = await cloud.call(fn, data, openid)
  if (res.status !== 200 || !res.body?.ok)
    throw new Error(`${fn}.${data.action}: ${res.status} ${JSON.stringify(res.body)}`)
  return { data: res.body.data, ops: Number(res.headers.get('x-db-ops')) }
}

async function sweep(cloud: LocalCloud) {
  const started = Date.now()
  const res = await cloud.dev.runTimer('sweeper')
  if (res.status !== 200 || !res.body?.ok)
    throw new Error(`sweeper: ${res.status} ${JSON.stringify(res.body)}`)
  return { ops: Number(res.headers.get('x-db-ops')), ms: Date.now() - started, report: res.body.data }
}

/** Each action once on a warm instance (a first call also loads config into the instance's cache). */
async function perAction(env: Record<string, string>, dataDir: string) {
  const cloud = await startLocalCloud({ seed: true, dataDir, env })
  try {
    const submit = (id: string) =>
      call(
        cloud,
        'tickets',
        {
          action: 'submit',
          clientRequestId: id,
          categoryCode: 'environment',
          description: '村口垃圾堆积三天无人清运',
        },
        'demo-resident-1',
      )
    // Warm every function's instance first: a first call also loads the town's config into its cache.
    // The first command of an instance also loads the town's directory (villages, grids), so a
    // whole warm-up round runs first; the figures are for warm instances, as most calls are.
    const warm = (await submit('bench-warmup-0001')).data.ticketId as string
    await call(cloud, 'tasks', { action: 'inbox', pageSize: 1 }, 'demo-worker-1')
    await call(cloud, 'tasks', { action: 'signFor', ticketId: warm }, 'demo-worker-1')
    await call(
      cloud,
      'tasks',
      { action: 'resolve', ticketId: warm, result: '已清运', photos: [] },
      'demo-worker-1',
    )
    await call(cloud, 'tickets', { action: 'confirm', ticketId: warm, rating: 5 }, 'demo-resident-1')
    await call(cloud, 'supervision', { action: 'overdueBoard', pageSize: 1 }, 'demo-village-guide-1')
    await call(cloud, 'messages', { action: 'unreadCount' }, 'demo-resident-1')
    const s = await submit('bench-submit-0001')
    rows.push({ what: 'tickets.submit', ops: s.ops })
    const ticketId = s.data.ticketId as string
    const inbox = await call(cloud, 'tasks', { action: 'inbox', pageSize: 20 }, 'demo-worker-1')
    rows.push({ what: 'tasks.inbox (a page of 20)', ops: inbox.ops })
    const signed = await call(cloud, 'tasks', { action: 'signFor', ticketId }, 'demo-worker-1')
    rows.push({ what: 'tasks.signFor', ops: signed.ops })
    const resolved = await call(
      cloud,
      'tasks',
      { action: 'resolve', ticketId, result: '已联系保洁员清运完毕', photos: [] },
      'demo-worker-1',
    )
    rows.push({ what: 'tasks.resolve', ops: resolved.ops })
    const confirm = await call(
      cloud,
      'tickets',
      { action: 'confirm', ticketId, rating: 5, comment: '很及时' },
      'demo-resident-1',
    )
    rows.push({ what: 'tickets.confirm', ops: confirm.ops })
    const mine = await call(cloud, 'tickets', { action: 'listMine', pageSize: 20 }, 'demo-resident-1')
    rows.push({ what: 'tickets.listMine (a page of 20)', ops: mine.ops })
    const detail = await call(cloud, 'tickets', { action: 'detail', ticketId }, 'demo-resident-1')
    rows.push({ what: 'tickets.detail', ops: detail.ops })
    const board = await call(
      cloud,
      'supervision',
      { action: 'overdueBoard', pageSize: 20 },
      'demo-village-guide-1',
    )
    rows.push({ what: 'supervision.overdueBoard (a page of 20)', ops: board.ops })
    const unread = await call(cloud, 'messages', { action: 'unreadCount' }, 'demo-resident-1')
    rows.push({ what: 'messages.unreadCount', ops: unread.ops })
    const idle = await sweep(cloud)
    rows.push({ what: 'sweeper, seeded town (drains what the seed left due)', ops: idle.ops })
    const nothing = await sweep(cloud)
    rows.push({ what: 'sweeper, nothing due', ops: nothing.ops })
  } finally {
    await cloud.stop()
  }
}

type Doc = Record<string, unknown> & { _id: string }
const shiftIso = (v: unknown, ms: number) =>
  typeof v === 'string' ? new Date(Date.parse(v) + ms).toISOString() : v

/** A ticket moved in time: its deadlines and next-due instant shift together. */
function shifted(template: Doc, ms: number, i: number): Doc {
  const t = JSON.parse(JSON.stringify(template))
  const d = t.deadlines
  d.dispatchedAt = shiftIso(d.dispatchedAt, ms)
  for (const k of ['signFor', 'resolve']) {
    d[k].dueAt = shiftIso(d[k].dueAt, ms)
    d[k].remindAt = shiftIso(d[k].remindAt, ms)
  }
  t.nextDueAt = shiftIso(t.nextDueAt, ms)
  t.createdAt = shiftIso(t.createdAt, ms)
  t.updatedAt = shiftIso(t.updatedAt, ms)
  t._id = `bench${String(i).padStart(27, '0')}`
  t.number = `29990101-${String(i).padStart(6, '0')}`
  return t
}

/** `open` open tickets of which `due` are due now; then one sweeper run. */
async function sweepAtScale(env: Record<string, string>, seededDir: string, open: number, due: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-scale-'))
  cpSync(seededDir, dataDir, { recursive: true })
  const db = DatabaseService.open(join(dataDir, 'db'))
  const all = Object.values(
    (
      db.handleSync({
        action: 'database.getDocument',
        collectionName: 'tickets',
        query: '{"status":"pendingSignFor"}',
        limit: 1,
      }) as {
        data: { list: string[] }
      }
    ).data.list,
  ).map((s) => JSON.parse(s) as Doc)
  const template = all[0]
  if (!template?.deadlines) throw new Error('no pendingSignFor ticket to clone')
  const clockFile = join(dataDir, 'clock.json')
  const offsetMs = existsSync(clockFile)
    ? Number(JSON.parse(readFileSync(clockFile, 'utf8')).offsetMs ?? 0)
    : 0
  const now = Date.now() + offsetMs
  const signForDue = Date.parse((template.deadlines as { signFor: { dueAt: string } }).signFor.dueAt)
  const toDueNow = now - HOUR - signForDue // sign-for missed an hour ago: overdue step due now
  const toLater = toDueNow + 365 * 24 * HOUR
  const batch: Doc[] = []
  for (let i = 0; i < open; i++) {
    batch.push(shifted(template, i < due ? toDueNow : toLater, i))
    if (batch.length === 5000 || i === open - 1) db.insertDocuments('tickets', batch.splice(0))
  }
  db.close()
  const cloud = await startLocalCloud({ dataDir, env, readyTimeoutMs: 60_000 })
  try {
    const run = await sweep(cloud)
    const again = await sweep(cloud)
    rows.push({
      what: `sweeper, ${open.toLocaleString('en')} open, ${due} due`,
      ops: run.ops,
      note: `${run.ms} ms; ${JSON.stringify(run.report).slice(0, 120)}`,
    })
    rows.push({
      what: `sweeper, ${open.toLocaleString('en')} open, right after (nothing due)`,
      ops: again.ops,
    })
  } finally {
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The local database's own speed at 100k documents (timings live here, not in the tests). */
function databaseAtScale() {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-bench-db-'))
  try {
    const db = DatabaseService.open(dir)
    db.createCollection('tickets')
    for (let chunk = 0; chunk < 100; chunk++)
      db.insertDocuments(
        'tickets',
        Array.from({ length: 1000 }, (_, j) => {
          const i = chunk * 1000 + j
          return {
            townId: 'town-1',
            status: ['new', 'assigned', 'done', 'closed'][i % 4],
            no: i,
            dueAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 100_000) * 60_000),
          }
        }),
      )
    db.close()
    let started = performance.now()
    const reopened = DatabaseService.open(dir)
    const loadMs = performance.now() - started
    started = performance.now()
    reopened.handleSync({
      action: 'database.getDocument',
      collectionName: 'tickets',
      query: JSON.stringify({ townId: 'town-1', status: { $in: ['new', 'assigned'] } }),
      order: JSON.stringify({ dueAt: 1, no: -1 }),
      limit: 20,
    })
    const queryMs = performance.now() - started
    reopened.close()
    rows.push({
      what: 'local database, 100k documents: open (journal replay)',
      ops: '–',
      note: `${loadMs.toFixed(0)} ms`,
    })
    rows.push({
      what: 'local database, 100k documents: where + orderBy + limit 20',
      ops: 1,
      note: `${queryMs.toFixed(0)} ms`,
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Writes the report under build/bench/, prints it, and with --write replaces its section of docs/benchmarks.md. */
function publish(section: 'per-action' | 'county', body: string) {
  const dir = join(REPO, 'build', 'bench')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${section}.md`)
  writeFileSync(file, `${body}\n`)
  console.log(`\n${body}\n\n(written to ${file})`)
  if (!process.argv.includes('--write')) return
  const docs = join(REPO, 'docs', 'benchmarks.md')
  const text = readFileSync(docs, 'utf8')
  const begin = `<!-- bench:${section} -->`
  const end = `<!-- /bench:${section} -->`
  const a = text.indexOf(begin)
  const b = text.indexOf(end)
  if (a < 0 || b < 0) throw new Error(`docs/benchmarks.md has no ${begin} … ${end} section`)
  const dated = `_Written by \`npm run bench${section === 'county' ? ' -- --county' : ''} -- --write\` on ${new Date().toISOString().slice(0, 10)}._\n\n${body}`
  writeFileSync(docs, `${text.slice(0, a + begin.length)}\n${dated}\n${text.slice(b)}`)
  console.log(`(and to docs/benchmarks.md)`)
}

async function main() {
  ensureBuilt()
  const functionsDir = functionsDirWithQuietSweeper()
  const env = { FUNCTIONS_DIR: functionsDir, TIMER_TICK_MS: '0' }
  if (process.argv.includes('--county')) {
    try {
      const county = await countyBench(env, (line) => console.log(line))
      publish('county', county.text)
    } finally {
      rmSync(functionsDir, { recursive: true, force: true })
    }
    return
  }
  const seededDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-seed-'))
  try {
    await perAction(env, seededDir)
    for (const open of [10_000, 100_000]) await sweepAtScale(env, seededDir, open, 100)
    for (const total of [10_000, 100_000]) await statsAtScale(env, seededDir, total, rows)
    const importCloud = await startLocalCloud({ seed: true, env })
    try {
      rows.push(...(await benchRosterImport(importCloud)))
    } finally {
      await importCloud.stop()
    }
    databaseAtScale()
  } finally {
    rmSync(seededDir, { recursive: true, force: true })
    rmSync(functionsDir, { recursive: true, force: true })
  }
  const table = [
    '| what | database operations | note |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.ops} | ${r.note ?? ''} |`),
  ].join('\n')
  publish('per-action', `${table}\n\n${await weappLine()}`)
}

/** The weapp package sizes, when the weapp is built (`npm run build:weapp`). */
async function weappLine(): Promise<string> {
  if (!existsSync(join(REPO, 'build', 'weapp', 'app.json')))
    return 'weapp main package: not built (`npm run build:weapp`)'
  const { measureWeapp } = await import(join(REPO, 'scripts', 'weapp-size.mjs'))
  const size = await measureWeapp({ quality: false })
  const subs = size.subpackages.map((p: { root: string; kb: number }) => `${p.root} ${p.kb} KB`).join(', ')
  return `weapp main package: ${size.mainKB} KB (limit ${size.limitKB} KB); subpackages: ${subs}`
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

/**
 * `stats.summary` at scale: the demo year's closed tickets copied up to `total` tickets, spread over
 * eleven years (new ids and numbers), then the town's summary for 2026-01-01 … 2026-08-31 — its
 * database operations stay fixed (counts and groups on indexed ranges); its time follows what the
 * engine scans (the local engine scans every ticket: it has no indexes), and the month breakdown.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseService } from '../../localcloud/db'
import { startLocalCloud, type LocalCloud } from '../../tests/helpers/localcloud'

type Doc = Record<string, unknown> & { _id: string }
export type Row = { what: string; ops: number | string; note?: string }

async function timed(cloud: LocalCloud, fn: string, data: Record<string, unknown>, openid: string) {
  const started = Date.now()
  const res = await cloud.call(fn, data, openid)
  if (res.status !== 200 || !res.body?.ok)
    throw new Error(`${fn}.${data.action}: ${JSON.stringify(res.body)}`)
  return { ops: Number(res.headers.get('x-db-ops')), ms: Date.now() - started, data: res.body.data }
}

export async function statsAtScale(
  env: Record<string, string>,
  seededDir: string,
  total: number,
  rows: Row[],
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-bench-stats-'))
  cpSync(seededDir, dataDir, { recursive: true })
  const db = DatabaseService.open(join(dataDir, 'db'))
  const res = db.handleSync({
    action: 'database.getDocument',
    collectionName: 'tickets',
    query: '{"status":"closed"}',
    limit: 1000,
  }) as { data: { list: string[] } }
  const templates = res.data.list.map((s) => JSON.parse(s) as Doc).filter((t) => t._id.startsWith('demo-y'))
  if (templates.length === 0) throw new Error('no demo-year tickets to copy')
  const existing = db.countDocuments('tickets')
  const batch: Doc[] = []
  for (let i = existing; i < total; i++) {
    // Eleven years of the demo year's tickets (2016 … 2026): the period holds one year's share.
    const year = 2026 - (Math.floor(i / templates.length) % 11)
    const copy = JSON.stringify(templates[i % templates.length]).replace(/"2026-/g, `"${year}-`)
    const t: Doc = { ...(JSON.parse(copy) as Doc), _id: `benchstats${String(i).padStart(20, '0')}` }
    t.number = `28880101-${String(i).padStart(6, '0')}`
    batch.push(t)
    if (batch.length === 5000 || i === total - 1) db.insertDocuments('tickets', batch.splice(0))
  }
  db.close()
  const cloud = await startLocalCloud({ dataDir, env, readyTimeoutMs: 60_000 })
  try {
    const body = { action: 'summary', from: '2026-01-01', to: '2026-08-31' }
    await timed(cloud, 'stats', body, 'demo-admin') // warm: config, directory, themes
    const run = await timed(cloud, 'stats', body, 'demo-admin')
    rows.push({
      what: `stats.summary, town-wide, ${total.toLocaleString('en')} tickets`,
      ops: run.ops,
      note: `${run.ms} ms; requestsResolved ${run.data.figures.requestsResolved}`,
    })
    const month = await timed(cloud, 'stats', { ...body, action: 'breakdown', by: 'month' }, 'demo-admin')
    rows.push({
      what: `stats.breakdown by month, ${total.toLocaleString('en')} tickets`,
      ops: month.ops,
      note: `${month.ms} ms`,
    })
  } finally {
    await cloud.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * The county's towns for the county benchmark: the demo town's structure and roster (without its
 * 728 informants) for each, ids prefixed, written straight into a stopped local cloud's database.
 */
import { join } from 'node:path'
import { DatabaseService } from '../../localcloud/db'
import { buildDemoRoster } from '../../localcloud/seed/demoRoster'

export const TOWNS = Number(process.env.BENCH_COUNTY_TOWNS ?? 300)
export const RESIDENTS_PER_TOWN = 20

export type Doc = Record<string, unknown> & { _id: string }

export const townIdOf = (k: number) => `town-c${String(k).padStart(3, '0')}`

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
export function addTowns(dataDir: string, first: number, last: number, at: string) {
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

export const resident = (k: number, j: number) => `c${k}-demo-resident-${j}`

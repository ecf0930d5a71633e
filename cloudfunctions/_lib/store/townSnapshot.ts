/**
 * What a report or a command needs to know about its town, in one document: the configuration,
 * the grids and villages (routing links and names), and the active, bound people who can hold a
 * task (who routing may choose; who is calling, by openid). `config/snapshot:<townId>` is rebuilt
 * after every set-up change (`townChanged`), so the hot paths read one document instead of five,
 * and a warm instance keeps it between calls. Whether a copy is current is told by a version,
 * never by a clock:
 * - the town's set-up version is `version` on its configuration document, raised after each
 *   change is written (never before: a rebuild reads the version first, then data at least as new),
 *   and copied onto the day's ticket counter and the town's open tickets;
 * - a report takes its number from that counter (store/ticketNumbers.ts), so it knows for free
 *   whether its copy is current, and reloads only when the town changed;
 * - a command reads its ticket anyway, and reloads when the ticket requires a newer version.
 * An edit made in the console is announced with `system.townChanged`; the sweeper also rebuilds
 * every town's snapshot at night and announces any difference it finds (`refreshSnapshot`).
 * docs/architecture.md, "Writes, numbers and the sweep at county scale", says why.
 */
import {
  emptyCounter,
  OPEN_STATUSES,
  ticketCounterKey,
  routeTicket,
  routingCandidates,
  type Grid,
  type RouteDecision,
  type Staff,
  type StaffAvailability,
  type Village,
} from '@shared/index'
import { db, updateAndReturn } from '../platform/cloud'
import { C } from './collections'
import {
  rememberTownConfig,
  resolveTownConfig,
  townConfigId,
  type TownConfig,
  type TownConfigDocument,
} from './config'
import { gridNames, rememberDirectory, type Directory } from './directory'
import { isDuplicateKey } from './transactions'
import { readAll } from './readAll'

export interface TownSnapshotDocument {
  _id: string
  townId: string
  kind: 'snapshot'
  /** The set-up version it was built from. */
  version: number
  builtAt: string
  config: Partial<TownConfigDocument> | null
  grids: Grid[]
  villages: Village[]
  /** Active, bound staff who can hold a task (all but the informant-only): who is calling, by openid. */
  staff: SnapshotStaff[]
  /** Who routing may choose: the active, bound people the grids and villages name, and the office. */
  available: string[]
  /** The grid office (admins) who can take a task, in a stable order. */
  office: string[]
}

export interface TownSnapshot {
  townId: string
  version: number
  config: TownConfig
  grids: Map<string, Grid>
  villages: Map<string, Village>
  available: ReadonlySet<string>
  office: readonly string[]
  staffByOpenid: ReadonlyMap<string, SnapshotStaff>
  /** Each grid's display name (village + grid), as notifications name it. */
  gridNames: Readonly<Record<string, string>>
}

export const snapshotId = (townId: string): string => `snapshot:${townId}`

/** How long a caller that knows no version trusts this instance's copy before reading the stored one. */
export const CHECK_TTL_MS = 5 * 60_000

const cache = new Map<string, { at: number; value: TownSnapshot }>()

const snapshots = () => db().collection<TownSnapshotDocument>(C.config)

/** The town's set-up version as stored (0 for a town never changed since it was made). */
async function currentVersion(townId: string): Promise<{ version: number; doc: TownConfigDocument | null }> {
  const { data } = await db().collection<TownConfigDocument>(C.config).doc(townConfigId(townId)).get()
  return { version: (data as { version?: number } | null)?.version ?? 0, doc: data }
}

/** The roster entry of someone who can hold a task (whatever the informant-only staff do not need). */
export type SnapshotStaff = Pick<Staff, '_id' | 'townId' | 'name' | 'roles' | 'scope' | 'openid' | 'active'>

/** The snapshot as the source collections hold it now (reads only). */
async function buildSnapshot(townId: string, now: Date): Promise<TownSnapshotDocument> {
  const { version, doc } = await currentVersion(townId)
  const _ = db().command
  const [grids, villages, bound] = await Promise.all([
    readAll<Grid>(C.grids, { townId }, {}, Infinity),
    readAll<Village>(C.villages, { townId }, {}, Infinity),
    readAll<SnapshotStaff>(
      C.staff,
      { townId, active: true, openid: _.neq(null) },
      { townId: true, name: true, roles: true, scope: true, openid: true, active: true },
      Infinity,
    ),
  ])
  // Who routing may choose: the people the grids and villages name, and the grid office.
  const named = new Set<string>()
  for (const grid of grids) {
    for (const id of [
      grid.workerId,
      ...(grid.otherWorkerIds ?? []),
      ...Object.values(grid.categoryOwners ?? {}),
    ])
      if (id) named.add(id)
  }
  for (const village of villages) for (const id of village.villageGuideIds ?? []) named.add(id)
  const office = bound.filter((s) => s.roles.includes('admin')).map((s) => s._id)
  return {
    _id: snapshotId(townId),
    townId,
    kind: 'snapshot',
    version,
    builtAt: now.toISOString(),
    config: doc,
    grids,
    villages,
    // Informants never hold a task: they are left out (a town has hundreds).
    staff: bound.filter((s) => s.roles.some((r) => r !== 'informant')),
    available: bound.filter((s) => named.has(s._id) || s.roles.includes('admin')).map((s) => s._id),
    office: office.slice(0, 20),
  }
}

/** Builds the snapshot from the source collections and stores it (unless a newer one is there). */
export async function rebuildSnapshot(townId: string, now: Date = new Date()): Promise<TownSnapshot> {
  const built = await buildSnapshot(townId, now)
  await store(built)
  return remember(built)
}

/** The parts that say what the town is (not when the snapshot was built), in a stable form. */
const contentOf = (d: TownSnapshotDocument): string =>
  stableJson([d.version, d.config, d.grids, d.villages, d.staff, d.available, d.office])

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/**
 * The sweeper's nightly check of a town: its snapshot built afresh and compared with the stored
 * one. A difference (an edit in the console nobody announced) is announced as a set-up change;
 * otherwise nothing is written, and no instance reloads. True when it found a difference.
 */
export async function refreshSnapshot(townId: string, now: Date): Promise<boolean> {
  const [built, stored] = await Promise.all([
    buildSnapshot(townId, now),
    snapshots()
      .doc(snapshotId(townId))
      .get()
      .then((r) => r.data),
  ])
  if (stored && stored.kind === 'snapshot' && contentOf(stored) === contentOf(built)) return false
  await townChanged(townId, now)
  return true
}

/** Writes the snapshot unless a newer one is stored (two rebuilds may race). */
async function store(doc: TownSnapshotDocument): Promise<void> {
  const { _id, ...fields } = doc
  const _ = db().command
  // Each field replaced whole (a nested object given plainly would be merged into the old one).
  const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, _.set(v)]))
  const res = await snapshots()
    .where({ _id, version: _.lte(doc.version) })
    .update({ data })
  if (res.stats.updated > 0) return
  try {
    await snapshots().add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}

function remember(doc: TownSnapshotDocument): TownSnapshot {
  const config = resolveTownConfig(doc.townId, doc.config)
  const value: TownSnapshot = {
    townId: doc.townId,
    version: doc.version,
    config,
    grids: new Map(doc.grids.map((g) => [g._id, g])),
    villages: new Map(doc.villages.map((v) => [v._id, v])),
    available: new Set(doc.available),
    office: doc.office,
    staffByOpenid: new Map((doc.staff ?? []).map((p) => [p.openid as string, p])),
    gridNames: {},
  }
  value.gridNames = gridNames(directoryOf(value))
  cache.set(doc.townId, { at: Date.now(), value })
  rememberTownConfig(doc.townId, config)
  rememberDirectory(doc.townId, directoryOf(value))
  return value
}

const directoryOf = (s: TownSnapshot): Directory => ({
  grids: new Map([...s.grids.values()].map((g) => [g._id, g])),
  villages: new Map([...s.villages.values()].map((v) => [v._id, v])),
})

/**
 * The town's snapshot: this instance's copy when it is at least `version` (a report's counter or
 * a command's ticket says which is current) or, without a version, younger than CHECK_TTL_MS;
 * else the stored one (1 read), built when it is missing or older than `version`.
 */
export async function townSnapshot(townId: string, version?: number): Promise<TownSnapshot> {
  const hit = cache.get(townId)
  if (hit && (version === undefined ? Date.now() - hit.at < CHECK_TTL_MS : hit.value.version >= version))
    return hit.value
  const { data } = await snapshots().doc(snapshotId(townId)).get()
  if (data && data.kind === 'snapshot' && (version === undefined || data.version >= version))
    return remember(data)
  return rebuildSnapshot(townId)
}

/** This instance's copy, if it holds one (no read): a report checks it against its counter's version. */
export const cachedSnapshot = (townId: string): TownSnapshot | null => cache.get(townId)?.value ?? null

/**
 * After a set-up change is written (roster, grids, villages, configuration): raises the town's
 * version, tells today's ticket counter (so the next report reloads) and the town's open tickets
 * (so a command on one reloads: a person taken off the roster stops at once), and rebuilds the
 * snapshot. False (and nothing written) for a town that does not exist.
 */
export async function townChanged(townId: string, now: Date = new Date()): Promise<boolean> {
  const _ = db().command
  const raised = await updateAndReturn<{ version?: number }>(
    C.config,
    { _id: townConfigId(townId) },
    { version: _.inc(1) },
  )
  if (raised === null) return false
  const version = raised.version ?? 0
  cache.delete(townId)
  const counterId = ticketCounterKey(townId, now)
  const told = await db()
    .collection(C.counters)
    .where(
      _.and([{ _id: counterId }, _.or([{ townVersion: _.exists(false) }, { townVersion: _.lt(version) }])]),
    )
    .update({ data: { townVersion: version } })
  if (told.stats.updated === 0) {
    // No counter yet today (the first report will copy the version), or one already newer.
    const { data } = await db().collection(C.counters).doc(counterId).get()
    if (data === null) await createCounter(townId, counterId, version, now)
  }
  await db()
    .collection(C.tickets)
    .where({ townId, status: _.in([...OPEN_STATUSES]), townVersion: _.neq(version) })
    .update({ data: { townVersion: version } })
  await rebuildSnapshot(townId, now)
  return true
}

async function createCounter(townId: string, _id: string, version: number, now: Date): Promise<void> {
  try {
    await db()
      .collection(C.counters)
      .add({ data: emptyCounter(townId, now, version) })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // A report created it meanwhile: set the version on it.
    await db()
      .collection(C.counters)
      .where({ _id, townVersion: db().command.lt(version) })
      .update({ data: { townVersion: version } })
  }
}

/** The town's version now (a new day's first report copies it onto the day's counter). */
export const townVersion = async (townId: string): Promise<number> => (await currentVersion(townId)).version

/**
 * Who takes a new ticket in `grid` for `categoryCode`, from the snapshot: the same chain as
 * flows/routing.ts `routeIn` (category owner, grid workers, village guides, grid office).
 */
export function routeFromSnapshot(
  snap: TownSnapshot,
  grid: Grid,
  categoryCode: string,
): RouteDecision | null {
  const village: Pick<Village, 'townId' | 'villageGuideIds'> = snap.villages.get(grid.villageId) ?? {
    townId: grid.townId,
    villageGuideIds: [],
  }
  const input = { grid, village, categoryCode, officeIds: snap.office }
  // The snapshot keeps only who is available; the others are left out, as routeTicket skips them.
  const staff: StaffAvailability[] = routingCandidates(input)
    .filter((id) => snap.available.has(id) || snap.office.includes(id))
    .map((id) => ({ _id: id, townId: grid.townId, active: true, openid: 'bound' }))
  return routeTicket({ ...input, staff })
}

/** A grid of the snapshot's town (following a merge to the grid it became), or null. */
export function gridOf(snap: TownSnapshot, gridId: string): Grid | null {
  let grid = snap.grids.get(gridId) ?? null
  for (let hops = 0; grid?.mergedInto && hops < 10; hops++) grid = snap.grids.get(grid.mergedInto) ?? null
  return grid && grid.townId === snap.townId ? grid : null
}

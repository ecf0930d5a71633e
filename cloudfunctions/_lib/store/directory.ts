/**
 * The town's structure for display: grid and village names (and a grid's village). Cached per warm
 * instance for an hour — names change rarely and a stale name is harmless, while at a county's
 * traffic a town sees a call every half hour or so, so a shorter life would reload it on nearly
 * every call. A grid the cache does not know (one added since) reloads it. Decisions that must be
 * current (routing, escalation recipients) read the grid or village document itself.
 */
import type { Grid, Staff, Village } from '@shared/index'
import { db } from '../platform/cloud'
import { C } from './collections'
import { readAll } from './readAll'

export interface Directory {
  grids: Map<string, Pick<Grid, '_id' | 'name' | 'villageId' | 'order'>>
  villages: Map<string, Pick<Village, '_id' | 'name' | 'order'>>
}

const TTL_MS = 60 * 60_000
const cache = new Map<string, { at: number; value: Directory }>()

/** The town's directory; reloaded when older than TTL_MS or missing one of `gridIds`. */
export async function directory(townId: string, gridIds: readonly string[] = []): Promise<Directory> {
  const hit = cache.get(townId)
  if (hit && Date.now() - hit.at < TTL_MS && gridIds.every((id) => hit.value.grids.has(id))) return hit.value
  const [grids, villages] = await Promise.all([
    readAll<Grid>(C.grids, { townId }, { name: true, villageId: true, order: true }, Infinity),
    readAll<Village>(C.villages, { townId }, { name: true, order: true }, Infinity),
  ])
  const value: Directory = {
    grids: new Map(grids.map((g) => [g._id, g])),
    villages: new Map(villages.map((v) => [v._id, v])),
  }
  cache.set(townId, { at: Date.now(), value })
  return value
}

/** Keeps a directory this instance read another way (the town snapshot carries one). */
export const rememberDirectory = (townId: string, value: Directory): void => {
  cache.set(townId, { at: Date.now(), value })
}

export const gridNames = (d: Directory): Record<string, string> =>
  Object.fromEntries(
    [...d.grids.values()].map((g) => [g._id, `${d.villages.get(g.villageId)?.name ?? ''}${g.name}`]),
  )

/** Names of some staff (one query, at most 100 ids). */
export async function staffNames(townId: string, ids: Iterable<string>): Promise<Record<string, string>> {
  const unique = [...new Set(ids)].filter((id) => id !== '')
  if (unique.length === 0) return {}
  const { data } = await db()
    .collection<Staff>(C.staff)
    .where({ townId, _id: db().command.in(unique.slice(0, 100)) })
    .field({ name: true })
    .limit(100)
    .get()
  return Object.fromEntries(data.map((s) => [s._id, s.name]))
}

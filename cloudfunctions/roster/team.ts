/**
 * The grid office's views of the structure: the 一格五员 of a grid (who are its people), and the
 * grids whose tickets nobody in the grid can take (无人负责的网格), with where they go instead.
 */
import {
  missingCalendarYear,
  unstaffedGrids as findUnstaffed,
  type CalendarOverride,
  type Grid,
  type RosterRequest,
  type Staff,
  type StaffAvailability,
  type Village,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { readAll } from '../_lib/store/readAll'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { availableOffice } from '../_lib/flows/routing'
import { directory } from '../_lib/store/directory'
import { townConfig, townConfigId } from '../_lib/store/config'
import { requireRosterAdmin } from './admin'
import { documentsOf } from './placement'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>

const personView = (s: Staff) => ({
  _id: s._id,
  name: s.name,
  phone: s.phone,
  roles: s.roles,
  bound: s.openid !== null,
  active: s.active,
})

/** A grid's people: its workers (post holder first), informants, and its village's guides and supervisors. */
export async function teamOf(townId: string, gridId: string) {
  const { data: grid } = await db().collection<Grid>(C.grids).doc(gridId).get()
  if (!grid || grid.townId !== townId) throw new AppError('NOT_FOUND', '没有找到这个网格')
  const { data: village } = await db().collection<Village>(C.villages).doc(grid.villageId).get()
  const workerIds = [...(grid.workerId ? [grid.workerId] : []), ...(grid.otherWorkerIds ?? [])]
  const lists = {
    workers: workerIds,
    informants: grid.informantIds,
    villageGuides: village?.villageGuideIds ?? [],
    townGuides: village?.townGuideIds ?? [],
    supervisors: village?.supervisorIds ?? [],
  }
  const people = new Map(
    (await documentsOf<Staff>(C.staff, townId, Object.values(lists).flat())).map((s) => [s._id, s]),
  )
  const pick = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const s = people.get(id)
      return s && s.active ? [personView(s)] : []
    })
  return {
    grid: { _id: grid._id, name: grid.name },
    village: { _id: grid.villageId, name: village?.name ?? '' },
    workers: pick(lists.workers),
    informants: pick(lists.informants),
    villageGuides: pick(lists.villageGuides),
    townGuides: pick(lists.townGuides),
    supervisors: pick(lists.supervisors),
  }
}

export async function gridTeam(req: Req<'gridTeam'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  return teamOf(admin.townId, req.gridId)
}

/** 无人负责的网格 for the office's home: reads the grids, villages and the workers and guides. */
export async function unstaffedGrids(_req: Req<'unstaffedGrids'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const townId = admin.townId
  const _ = db().command
  const [grids, villages, office, dir] = await Promise.all([
    readAll<Grid>(
      C.grids,
      { townId },
      { townId: true, villageId: true, workerId: true, otherWorkerIds: true, mergedInto: true },
    ).then((all) => all.filter((g) => !g.mergedInto)),
    readAll<Village>(C.villages, { townId }, { villageGuideIds: true }),
    availableOffice(townId),
    directory(townId),
  ])
  const staff = await readAll<StaffAvailability>(
    C.staff,
    { townId, roles: _.in(['gridWorker', 'villageGuide']) },
    { townId: true, active: true, openid: true },
  )
  const found = findUnstaffed(grids, villages, staff, office.length > 0)
  const items = found.map((u) => ({
    grid: {
      _id: u.gridId,
      name: `${dir.villages.get(u.villageId)?.name ?? ''}${dir.grids.get(u.gridId)?.name ?? ''}`,
    },
    village: { _id: u.villageId, name: dir.villages.get(u.villageId)?.name ?? '' },
    why: u.why,
    fallback: u.fallback,
  }))
  return { items }
}

/** The year of holidays and 调休 the office should add now (from December: next year's), or null. */
export async function calendarWarning(_req: Req<'calendarWarning'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const [config, { data }] = await Promise.all([
    townConfig(admin.townId),
    db()
      .collection<{ calendarOverrides?: CalendarOverride[] }>(C.config)
      .doc(townConfigId(admin.townId))
      .get(),
  ])
  return { missingYear: missingCalendarYear(ctx.now, config.calendar, data?.calendarOverrides ?? []) }
}

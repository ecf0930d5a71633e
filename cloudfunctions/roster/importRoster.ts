/**
 * The roster import (导入花名册): a template to download, then the filled-in file by its fileID.
 * Every row is checked first (shared's `planImport`); any problem refuses the whole file with each
 * row's problems in `details`, and nothing is written. Otherwise one transaction adds every new
 * person, places them in the structure and writes the audit entry: all or nothing. Rows already
 * on the roster as written (matched by phone) change nothing, so importing a file again is harmless.
 */
import { randomInt } from 'node:crypto'
import {
  ROLE_NAMES,
  placementChange,
  placesText,
  planImport,
  type Grid,
  type ImportRow,
  type PlannedRow,
  type RosterEntrySummary,
  type RosterRequest,
  type Staff,
  type StructureChange,
  type Village,
} from '@shared/index'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { inTransaction } from '../_lib/store/transactions'
import { directory, gridNames } from '../_lib/store/directory'
import { requireRosterAdmin } from './admin'
import { inviteCode } from './actions'
import { auditDoc, writeAudit } from './audit'
import { download, publish, requireOwnSheet } from './files'
import { invitesWorkbook, readRows, templateWorkbook } from './importSheets'
import { readAll } from '../_lib/store/readAll'
import { writeStructure } from './placement'

type Req<A extends RosterRequest['action']> = Extract<RosterRequest, { action: A }>

const INVITE_DAYS = 14
const stamp = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14)

async function townPlaces(townId: string) {
  const [villages, grids] = await Promise.all([
    readAll<Village>(C.villages, { townId }, {}),
    readAll<Grid>(C.grids, { townId }, {}),
  ])
  return { villages, grids }
}

export async function importTemplate(_req: Req<'importTemplate'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const { villages, grids } = await townPlaces(admin.townId)
  const content = await templateWorkbook(villages, grids)
  return publish(`roster/${admin.townId}/template-${stamp(ctx.now)}.xlsx`, content)
}

/** Roster entries of the town with these phones (pages of 100 phones). */
async function byPhone(townId: string, phones: string[]): Promise<Map<string, RosterEntrySummary>> {
  const out = new Map<string, RosterEntrySummary>()
  for (let i = 0; i < phones.length; i += 100) {
    const { data } = await db()
      .collection<Staff>(C.staff)
      .where({ townId, phone: db().command.in(phones.slice(i, i + 100)) })
      .field({ name: true, phone: true, roles: true, scope: true, active: true })
      .limit(100)
      .get()
    for (const s of data)
      out.set(s.phone, {
        _id: s._id,
        name: s.name,
        roles: s.roles,
        villageIds: s.scope.villageIds,
        gridIds: s.scope.gridIds,
        active: s.active,
      })
  }
  return out
}

/** The new entries and the structure after placing them one by one (as the rows were checked). */
function entriesAndStructure(
  townId: string,
  rows: PlannedRow[],
  grids: Grid[],
  villages: Village[],
  now: Date,
): { staff: Staff[]; change: StructureChange } {
  const gridDocs = new Map(grids.map((g) => [g._id, { ...g }]))
  const villageDocs = new Map(villages.map((v) => [v._id, { ...v }]))
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString()
  const staff: Staff[] = []
  for (const r of rows) {
    const s: Staff = {
      _id: `st_${now.getTime().toString(36)}${randomInt(36 ** 6).toString(36)}${staff.length.toString(36)}`,
      townId,
      name: r.name,
      phone: r.phone,
      roles: r.roles,
      scope: { townId, villageIds: r.villageIds, gridIds: r.gridIds },
      openid: null,
      invite: { code: inviteCode(), expiresAt, usedAt: null },
      active: true,
    }
    staff.push(s)
    const step = placementChange(
      r.gridIds.flatMap((id) => gridDocs.get(id) ?? []),
      r.villageIds.flatMap((id) => villageDocs.get(id) ?? []),
      null,
      { _id: s._id, roles: s.roles, villageIds: r.villageIds, gridIds: r.gridIds, active: true },
      r.slot ?? 'second',
    )
    for (const g of step.grids) gridDocs.set(g._id, { ...(gridDocs.get(g._id) as Grid), ...g })
    for (const v of step.villages) villageDocs.set(v._id, { ...(villageDocs.get(v._id) as Village), ...v })
  }
  const changedGrids = new Set(staff.flatMap((s) => s.scope.gridIds))
  const changedVillages = new Set(staff.flatMap((s) => s.scope.villageIds))
  const change: StructureChange = {
    grids: [...changedGrids].map((id) => {
      const g = gridDocs.get(id) as Grid
      return {
        _id: id,
        workerId: g.workerId,
        otherWorkerIds: g.otherWorkerIds ?? [],
        informantIds: g.informantIds,
      }
    }),
    villages: [...changedVillages].map((id) => {
      const v = villageDocs.get(id) as Village
      return {
        _id: id,
        villageGuideIds: v.villageGuideIds,
        townGuideIds: v.townGuideIds,
        supervisorIds: v.supervisorIds,
      }
    }),
    occupied: [],
    replaced: [],
  }
  return { staff, change }
}

export async function importStaff(req: Req<'importStaff'>, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  requireOwnSheet(req.fileID, ctx.openid, ctx.env)
  const read = await readRows(await download(req.fileID))
  if (!read.ok) throw new AppError('INVALID_INPUT', read.problems[0].message, read.problems)
  const rows: ImportRow[] = read.rows
  if (rows.length === 0) throw new AppError('INVALID_INPUT', '表格里没有要导入的人员（示例行不会导入）')
  const phones = [
    ...new Set(rows.map((r) => r.cells.phone.replace(/[\s-]/g, '')).filter((p) => /^\d{11}$/.test(p))),
  ]
  const [{ villages, grids }, existingByPhone, dir] = await Promise.all([
    townPlaces(admin.townId),
    byPhone(admin.townId, phones),
    directory(admin.townId),
  ])
  const plan = planImport(rows, { villages, grids, existingByPhone })
  if (!plan.ok)
    throw new AppError(
      'INVALID_INPUT',
      `表格有 ${plan.problems.length} 处问题，没有导入任何人。第一处：${plan.problems[0].path}，${plan.problems[0].message}`,
      plan.problems,
    )
  const creating = plan.rows.filter((r) => r.kind === 'create')
  const { staff, change } = entriesAndStructure(admin.townId, creating, grids, villages, ctx.now)
  if (staff.length > 0)
    await inTransaction(
      async (txn) => {
        for (let i = 0; i < staff.length; i += 100)
          await txn
            .collection(C.staff)
            .add({ data: staff.slice(i, i + 100).map((s) => ({ ...s, createdAt: ctx.now.toISOString() })) })
        await writeStructure(txn, change)
        await writeAudit(txn, [
          auditDoc(admin.townId, admin, ctx.now, {
            action: 'importStaff',
            summary: `导入花名册：新增 ${staff.length} 人，已在花名册 ${plan.rows.length - staff.length} 人`,
            details: {
              fileID: req.fileID,
              created: staff.length,
              unchanged: plan.rows.length - staff.length,
            },
          }),
        ])
      },
      { retries: 0 },
    )
  const names = {
    grids: gridNames(dir),
    villages: Object.fromEntries([...dir.villages.values()].map((v) => [v._id, v.name])),
  }
  const invites = staff.map((s, i) => ({
    row: creating[i].row,
    name: s.name,
    phone: s.phone,
    roles: s.roles.map((r) => ROLE_NAMES[r]).join('、'),
    places: placesText({ roles: s.roles, villageIds: s.scope.villageIds, gridIds: s.scope.gridIds }, names),
    inviteCode: (s.invite as { code: string }).code,
    inviteExpiresAt: (s.invite as { expiresAt: string }).expiresAt,
  }))
  const invitesFile =
    invites.length === 0
      ? null
      : await publish(`roster/${admin.townId}/invites-${stamp(ctx.now)}.xlsx`, await invitesWorkbook(invites))
  return { created: staff.length, unchanged: plan.rows.length - staff.length, invites, invitesFile }
}

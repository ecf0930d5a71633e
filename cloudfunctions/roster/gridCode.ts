/**
 * A grid's 小程序码 for its 有事找五员 poster: `openapi.wxacode.getUnlimited` with the grid id as
 * `scene` and the home page as `page` (the home page reads the scene on launch and takes the grid
 * as the resident's home grid). Stored in cloud storage, answered with a download link.
 */
import type { Grid, RosterRequest } from '@shared/index'
import { db, openapi } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { directory, gridNames } from '../_lib/store/directory'
import { requireRosterAdmin } from './admin'
import { publish } from './files'

type Req = Extract<RosterRequest, { action: 'gridCode' }>

/** The page a grid code opens (a main-package page: WeChat requires a published page). */
export const GRID_CODE_PAGE = 'pages/index/index'

/** The grid's code as a PNG (one openapi call). */
export async function gridCodeImage(gridId: string): Promise<Buffer> {
  try {
    const res = (await openapi().wxacode.getUnlimited({
      scene: gridId,
      page: GRID_CODE_PAGE,
      checkPath: false,
      width: 430,
    })) as { buffer: Buffer }
    return res.buffer
  } catch (err) {
    console.error('[gridCode] wxacode.getUnlimited failed:', err)
    throw new AppError('INTERNAL', '小程序码生成失败，请稍后再试')
  }
}

export async function gridCode(req: Req, ctx: ActionContext) {
  const admin = await requireRosterAdmin(ctx)
  const { data: grid } = await db().collection<Grid>(C.grids).doc(req.gridId).get()
  if (!grid || grid.townId !== admin.townId) throw new AppError('NOT_FOUND', '没有找到这个网格')
  const image = await gridCodeImage(grid._id)
  const names = gridNames(await directory(admin.townId))
  const file = await publish(`roster/${admin.townId}/codes/${grid._id}.png`, image)
  return { gridId: grid._id, gridName: names[grid._id] ?? grid.name, scene: grid._id, ...file }
}

import * as z from 'zod'
import { documentId } from './common'

/**
 * Function `roster`, merging and splitting grids (村和网格 page): the office sees what moves
 * (`dryRun`) and then confirms; tickets, staff and residents move explicitly, every change audited.
 */

const gridName = z
  .string({ error: '请填写网格名称' })
  .trim()
  .min(1, '请填写网格名称')
  .max(20, '网格名称不能超过 20 个字')

/**
 * 合并网格: grid `fromGridId` into `intoGridId` of the same village. `dryRun` answers the counts
 * only. Applying moves the open tickets, the staff placements and the residents' home grid, and
 * marks the first grid merged (kept for history). A retry of an applied merge answers the first result.
 */
export const mergeGridsRequest = z.object({
  action: z.literal('mergeGrids'),
  fromGridId: documentId('网格'),
  intoGridId: documentId('网格'),
  dryRun: z.boolean().optional(),
})

/**
 * 拆分网格: a new grid named `name` in the village of `gridId`, taking the listed staff (their
 * placement in the grid), residents (resident ids) and open tickets; the rest stays.
 */
export const splitGridRequest = z.object({
  action: z.literal('splitGrid'),
  gridId: documentId('网格'),
  name: gridName,
  staffIds: z.array(documentId('人员')).max(50, '一次最多移动 50 人').optional(),
  residentIds: z.array(documentId('群众')).max(500, '一次最多移动 500 位群众').optional(),
  ticketIds: z.array(documentId('工单')).max(200, '一次最多移动 200 件工单').optional(),
})

const mergeCounts = z.object({
  openTickets: z.number().int(),
  closedTickets: z.number().int(),
  /** Staff placed in the grid: its workers, informants, and anyone else whose scope names it. */
  workers: z.number().int(),
  informants: z.number().int(),
  otherStaff: z.number().int(),
  residents: z.number().int(),
})
export type GridMergeCounts = z.infer<typeof mergeCounts>

export const rosterGridResponses = {
  mergeGrids: z.object({
    fromGridId: z.string(),
    intoGridId: z.string(),
    fromName: z.string(),
    intoName: z.string(),
    /** false: a plan (dryRun), nothing written. */
    applied: z.boolean(),
    counts: mergeCounts,
    /** Open tickets whose holder could not keep them, handed over along the new grid's chain. */
    handedOver: z.number().int(),
  }),
  splitGrid: z.object({
    gridId: z.string(),
    villageId: z.string(),
    name: z.string(),
    staff: z.number().int(),
    residents: z.number().int(),
    tickets: z.number().int(),
  }),
} as const

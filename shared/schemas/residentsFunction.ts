import * as z from 'zod'
import { documentId } from './common'
import { PRIVACY_ACTIONS, privacyResponses } from './residentsPrivacy'

/** Function `residents`: choosing a home grid (once, or from a grid QR code) and the lists to pick from. */

export const setHomeGridRequest = z.object({ action: z.literal('setHomeGrid'), gridId: documentId('网格') })
export const villagesRequest = z.object({ action: z.literal('villages') })
export const gridsRequest = z.object({ action: z.literal('grids'), villageId: documentId('村') })

export const residentsRequest = z.discriminatedUnion(
  'action',
  [setHomeGridRequest, villagesRequest, gridsRequest, ...PRIVACY_ACTIONS],
  { error: '不支持的操作' },
)
export type ResidentsRequest = z.infer<typeof residentsRequest>
export type ResidentsRequestInput = z.input<typeof residentsRequest>

export const villageItem = z.object({ _id: z.string(), name: z.string() })
export const gridItem = z.object({ _id: z.string(), name: z.string(), villageId: z.string() })

export const residentsResponses = {
  setHomeGrid: z.object({ homeGridId: z.string(), homeVillageId: z.string() }),
  villages: z.object({ items: z.array(villageItem) }),
  grids: z.object({ items: z.array(gridItem) }),
  ...privacyResponses,
} as const

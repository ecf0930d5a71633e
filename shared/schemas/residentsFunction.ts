import * as z from 'zod'
import { documentId, mobilePhone, personName } from './common'
import { PRIVACY_ACTIONS, privacyResponses } from './residentsPrivacy'

/**
 * Function `residents`: choosing a home grid (once, or from a grid QR code) and the lists to pick
 * from; the resident's own name and phone, remembered only with their consent.
 */

export const setHomeGridRequest = z.object({ action: z.literal('setHomeGrid'), gridId: documentId('网格') })
export const villagesRequest = z.object({ action: z.literal('villages') })
export const gridsRequest = z.object({ action: z.literal('grids'), villageId: documentId('村') })

/** What the resident has told us about themself (nothing is an answer too). */
export const profileRequest = z.object({ action: z.literal('profile') })

/**
 * The name and phone to prefill the report form with, kept with the resident's consent
 * (`remember: true`); `remember: false` forgets both. Either may be left out.
 */
export const saveContactRequest = z.object({
  action: z.literal('saveContact'),
  remember: z.boolean({ error: '请选择是否记住联系方式' }),
  name: personName.optional(),
  phone: mobilePhone.optional(),
})

/** weapp's phone-number button gives a one-time code; the function asks WeChat for the number. */
export const phoneFromWeChatRequest = z.object({
  action: z.literal('phoneFromWeChat'),
  code: z.string({ error: '缺少授权码' }).min(1, '缺少授权码').max(128, '授权码无效'),
})

export const residentsRequest = z.discriminatedUnion(
  'action',
  [
    setHomeGridRequest,
    villagesRequest,
    gridsRequest,
    profileRequest,
    saveContactRequest,
    phoneFromWeChatRequest,
    ...PRIVACY_ACTIONS,
  ],
  { error: '不支持的操作' },
)
export type ResidentsRequest = z.infer<typeof residentsRequest>
export type ResidentsRequestInput = z.input<typeof residentsRequest>

export const villageItem = z.object({ _id: z.string(), name: z.string() })
export const gridItem = z.object({ _id: z.string(), name: z.string(), villageId: z.string() })

/** The resident's own record as they see it; all null for a newcomer. */
export const residentProfile = z.object({
  homeGridId: z.string().nullable(),
  homeVillageId: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
})
export type ResidentProfile = z.infer<typeof residentProfile>

export const residentsResponses = {
  setHomeGrid: z.object({ homeGridId: z.string(), homeVillageId: z.string() }),
  villages: z.object({ items: z.array(villageItem) }),
  grids: z.object({ items: z.array(gridItem) }),
  ...privacyResponses,
  profile: residentProfile,
  saveContact: residentProfile,
  phoneFromWeChat: z.object({ phone: z.string() }),
} as const

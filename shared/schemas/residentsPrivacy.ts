import * as z from 'zod'
import { isoInstant, mobilePhone, personName } from './common'
import { ticketStatus } from './ticketView'

/**
 * A resident's rights over what is held about them (个人信息保护法): see it (`myData`), take a copy
 * (`exportMyData`, a JSON file in cloud storage), correct name and phone (`correctMe`), and delete the
 * account (`deleteAccount`): their reports stay in the town's ledger with the person removed.
 */

export const myDataRequest = z.object({ action: z.literal('myData') })
export const exportMyDataRequest = z.object({ action: z.literal('exportMyData') })
export const correctMeRequest = z
  .object({
    action: z.literal('correctMe'),
    name: personName.optional(),
    phone: mobilePhone.optional(),
  })
  .refine((r) => r.name !== undefined || r.phone !== undefined, {
    message: '请填写要更正的姓名或手机号',
    path: ['name'],
  })
/** Deleting is for good: the client asks twice, and the request must say so. */
export const deleteAccountRequest = z.object({
  action: z.literal('deleteAccount'),
  confirm: z.literal(true, { error: '请确认注销' }),
})

export const PRIVACY_ACTIONS = [
  myDataRequest,
  exportMyDataRequest,
  correctMeRequest,
  deleteAccountRequest,
] as const

const place = z.object({ _id: z.string(), name: z.string() })

export const myDataResponse = z.object({
  /** False for a WeChat user the town holds nothing about. */
  held: z.boolean(),
  homeVillage: place.nullable(),
  homeGrid: place.nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  reports: z.array(
    z.object({
      ticketId: z.string(),
      number: z.string(),
      status: ticketStatus,
      excerpt: z.string(),
      createdAt: isoInstant,
    }),
  ),
  messages: z.number().int().min(0),
  since: isoInstant.nullable(),
})
export type MyData = z.infer<typeof myDataResponse>

export const privacyResponses = {
  myData: myDataResponse,
  exportMyData: z.object({ fileID: z.string(), url: z.string(), reports: z.number().int().min(0) }),
  correctMe: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
  deleteAccount: z.object({ reportsKept: z.number().int().min(0), messagesDeleted: z.number().int().min(0) }),
} as const

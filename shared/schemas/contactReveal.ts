import * as z from 'zod'
import { REVEAL_WHOSE } from '../permissions/revealWhose'
import { documentId, isoInstant, pageOf, pageRequest } from './common'

export { REVEAL_WHOSE, REVEAL_WHOSE_NAMES, type RevealWhose } from '../permissions/revealWhose'

/**
 * Phone numbers are shown masked in every staff view (138****1234). Those who may call a person
 * ask for the number itself, and each time it is logged (who, whose, when) for the grid office:
 * 个人信息保护法 asks that access to personal information can be accounted for.
 */

/** Function `tasks`, action `revealContact`: one ticket's number, for the one who may call. */
export const revealContactRequest = z.object({
  action: z.literal('revealContact'),
  ticketId: documentId('工单'),
  whose: z.enum(REVEAL_WHOSE, { error: '要查看谁的号码？' }).default('reporter'),
})

export const revealContactResponse = z.object({
  ticketId: z.string(),
  whose: z.enum(REVEAL_WHOSE),
  name: z.string().nullable(),
  phone: z.string(),
})

/** Function `roster`, action `revealLog`: the office's 号码查看记录, newest first. */
export const revealLogRequest = z.object({
  action: z.literal('revealLog'),
  ...pageRequest,
  staffId: documentId('工作人员').optional(),
})

export const revealLogEntry = z.object({
  _id: z.string(),
  at: isoInstant,
  staffId: z.string(),
  staffName: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string().nullable(),
  whose: z.enum(REVEAL_WHOSE),
})

export const revealLogResponse = pageOf(revealLogEntry)

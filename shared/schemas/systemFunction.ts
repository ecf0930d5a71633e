import * as z from 'zod'
import { isoInstant, mobilePhone, personName } from './common'

/**
 * Function `system`, actions for the environment's operator (the cloud console's 云端测试, never a
 * mini-program user: any call carrying an OPENID is refused). Not part of the client API.
 */

const placeName = (label: string) =>
  z
    .string({ error: `请填写${label}名称` })
    .trim()
    .min(1, `请填写${label}名称`)
    .max(20, `${label}名称不能超过 20 个字`)

/**
 * 新建一个镇: its configuration (defaults for categories, time limits and templates), its villages
 * and grids, and its first grid-office admin with an invite code. `townId` becomes the prefix of
 * the town's village and grid ids, which are unique across the environment.
 */
export const createTownRequest = z.object({
  action: z.literal('createTown'),
  townId: z
    .string({ error: '请填写镇编号' })
    .regex(/^town-[a-z0-9][a-z0-9-]{1,38}$/, '镇编号形如 town-xiashi（小写字母、数字和连字符）'),
  name: placeName('镇'),
  villages: z
    .array(
      z.object({
        name: placeName('村'),
        grids: z.array(placeName('网格')).min(1, '每个村至少一个网格').max(40, '一个村最多 40 个网格'),
      }),
    )
    .min(1, '至少一个村')
    .max(60, '最多 60 个村'),
  admin: z.object({ name: personName, phone: mobilePhone }),
})
export type CreateTownRequest = z.infer<typeof createTownRequest>

export const createTownResponse = z.object({
  townId: z.string(),
  name: z.string(),
  villages: z.number().int(),
  grids: z.number().int(),
  admin: z.object({
    staffId: z.string(),
    name: z.string(),
    inviteCode: z.string(),
    inviteExpiresAt: isoInstant,
  }),
})

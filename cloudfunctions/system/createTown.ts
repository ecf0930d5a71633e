/**
 * `system.createTown`: a new town on this environment — its configuration document (the product's
 * defaults), villages and grids (ids prefixed by the town id, unique across towns), and its first
 * grid-office admin with an invite code to bind — in one transaction, with an audit entry. Only
 * the environment's operator runs it (the caller checks: never a mini-program user).
 */
import { randomInt } from 'node:crypto'
import {
  DEFAULT_TEMPLATE_CONFIG,
  createTownRequest,
  invalidInput,
  type Grid,
  type Staff,
  type Village,
} from '@shared/index'
import { AppError } from '../_lib/entry/envelope'
import { C } from '../_lib/store/collections'
import { townConfigId } from '../_lib/store/config'
import { inTransaction } from '../_lib/store/transactions'

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const INVITE_DAYS = 14
const pad = (n: number, w: number) => String(n).padStart(w, '0')

export async function createTown(event: unknown, now: Date) {
  const parsed = createTownRequest.safeParse(event)
  if (!parsed.success) {
    const e = invalidInput(parsed.error)
    throw new AppError('INVALID_INPUT', e.message, e.details)
  }
  const req = parsed.data
  const names = req.villages.map((v) => v.name)
  const dupVillage = names.find((n, i) => names.indexOf(n) !== i)
  if (dupVillage) throw new AppError('INVALID_INPUT', `村名重复：${dupVillage}`)
  for (const v of req.villages) {
    const dup = v.grids.find((g, i) => v.grids.indexOf(g) !== i)
    if (dup) throw new AppError('INVALID_INPUT', `${v.name}的网格名重复：${dup}`)
  }
  const { townId } = req
  const villages: Village[] = req.villages.map((v, i) => ({
    _id: `${townId}-v${pad(i + 1, 2)}`,
    townId,
    name: v.name,
    villageGuideIds: [],
    townGuideIds: [],
    supervisorIds: [],
    order: i + 1,
  }))
  let g = 0
  const grids: Grid[] = req.villages.flatMap((v, i) =>
    v.grids.map((name, k) => ({
      _id: `${townId}-g${pad(++g, 3)}`,
      townId,
      villageId: villages[i]._id,
      name,
      workerId: null,
      otherWorkerIds: [],
      informantIds: [],
      categoryOwners: {},
      order: k + 1,
    })),
  )
  const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString()
  const admin: Staff = {
    _id: `${townId}-st-admin-1`,
    townId,
    name: req.admin.name,
    phone: req.admin.phone,
    roles: ['admin'],
    scope: { townId, villageIds: [], gridIds: [] },
    openid: null,
    invite: { code, expiresAt, usedAt: null },
    active: true,
  }
  const at = now.toISOString()
  await inTransaction(
    async (txn) => {
      const existing = await txn.collection(C.config).doc(townConfigId(townId)).get()
      if (existing.data) throw new AppError('CONFLICT', `镇 ${townId} 已经存在`)
      await txn
        .collection(C.config)
        .doc(townConfigId(townId))
        .set({
          data: { townId, kind: 'town', name: req.name, templates: DEFAULT_TEMPLATE_CONFIG, createdAt: at },
        })
      await txn.collection(C.villages).add({ data: villages })
      for (let i = 0; i < grids.length; i += 100)
        await txn.collection(C.grids).add({ data: grids.slice(i, i + 100) })
      await txn.collection(C.staff).add({ data: { ...admin, createdAt: at } })
      await txn.collection(C.audit).add({
        data: {
          _id: `a_${townId}-created`,
          townId,
          at,
          action: 'createTown',
          actor: { name: '环境管理员', roles: [] },
          summary: `建镇 ${req.name}：${villages.length} 个村，${grids.length} 个网格；首位管理员 ${req.admin.name}`,
        },
      })
    },
    { retries: 0 },
  )
  return {
    townId,
    name: req.name,
    villages: villages.length,
    grids: grids.length,
    admin: { staffId: admin._id, name: admin.name, inviteCode: code, inviteExpiresAt: expiresAt },
  }
}

/**
 * `system`: platform chores for the environment's operator. `whoami` echoes the caller's WeChat
 * context; `init` creates the product's collections; `createTown` sets up a town (createTown.ts,
 * docs/deploy.md). `init` and `createTown` run only from the console or a trigger: a call from the
 * mini-program (it carries an OPENID) is refused.
 */
import cloud from 'wx-server-sdk'
import { AppError, defineFunction } from '../_lib/entry/index'
import { createTown } from './createTown'
import { townChanged, townSnapshot } from '../_lib/store/townSnapshot'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as any })

export const COLLECTIONS = [
  'villages',
  'grids',
  'staff',
  'residents',
  'tickets',
  'notifications',
  'subscriptions',
  'config',
  'counters',
  'uploads',
  'patrols',
  'auditLog',
  'meetings',
  'campaigns',
  'microServices',
  'sessions',
  'contactReveals',
] as const

function isAdminContext(): boolean {
  const { OPENID, SOURCE } = cloud.getWXContext()
  return SOURCE === 'wx_trigger' || !OPENID
}

async function createIfMissing(name: string): Promise<boolean> {
  try {
    await cloud.database().createCollection(name)
    return true
  } catch (err) {
    const text = `${(err as { errMsg?: string }).errMsg ?? ''} ${(err as Error).message ?? ''}`
    if (/ALREADY_EXIST|ResourceExist|Table exist/i.test(text)) return false
    throw err
  }
}

export const main = defineFunction({
  async whoami() {
    const { OPENID, APPID, UNIONID, SOURCE, ENV } = cloud.getWXContext()
    return {
      openid: OPENID ?? null,
      appid: APPID ?? null,
      unionid: UNIONID ?? null,
      source: SOURCE ?? null,
      env: ENV ?? null,
    }
  },

  async init() {
    if (!isAdminContext()) throw new AppError('FORBIDDEN')
    const created: string[] = []
    const existing: string[] = []
    for (const name of COLLECTIONS) ((await createIfMissing(name)) ? created : existing).push(name)
    return { created, existing }
  },

  async createTown(event) {
    if (!isAdminContext()) throw new AppError('FORBIDDEN', '只能由环境管理员在云开发控制台调用')
    return createTown(event, new Date())
  },

  /**
   * After editing a town's configuration, grids, villages or roster in the console (the functions'
   * own writes do this themselves): the town's set-up version is raised and its snapshot rebuilt,
   * so every instance reloads it (store/townSnapshot.ts).
   */
  async townChanged(event) {
    if (!isAdminContext()) throw new AppError('FORBIDDEN', '只能由环境管理员在云开发控制台调用')
    const townId = (event as { townId?: unknown } | null)?.townId
    if (typeof townId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(townId))
      throw new AppError('INVALID_INPUT', '请给出镇的编号 townId')
    if (!(await townChanged(townId, new Date()))) throw new AppError('NOT_FOUND', `没有这个镇：${townId}`)
    return { townId, version: (await townSnapshot(townId)).version }
  },
})

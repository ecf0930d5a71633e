/**
 * How the grid office reads a roster entry (花名册): roles, places and invite state in words, and
 * what the 新增工作人员 form needs for each role. Pure (no Taro): unit-tested under Node.
 */
import type { StaffRole } from '@shared/model/roles'
import type { StaffRow } from '@shared/schemas/rosterFunction'
import { formatTime, roleName } from '../../../lib/format'

/** The roles the form offers, in the order of the "一格五员" rule, the grid office last. */
export const FORM_ROLES: StaffRole[] = [
  'gridWorker',
  'informant',
  'villageGuide',
  'townGuide',
  'townSupervisor',
  'admin',
]

/** What a role's scope is picked as: one grid (village → grid), some villages, or the whole town. */
export type ScopeKind = 'grid' | 'villages' | 'town'

export const scopeKind = (role: StaffRole): ScopeKind =>
  role === 'gridWorker' || role === 'informant' ? 'grid' : role === 'admin' ? 'town' : 'villages'

export const rolesText = (roles: readonly string[]): string =>
  roles
    .filter((r) => r !== 'resident')
    .map(roleName)
    .join('、')

/** `石桥村一组`, `枫林村、柳溪村` or `全镇` (the grid office; a town role with no villages linked). */
export const placesText = (row: Pick<StaffRow, 'roles' | 'villages' | 'grids'>): string => {
  if (row.roles.includes('admin')) return '全镇'
  if (row.grids.length > 0) return row.grids.map((g) => g.name).join('、')
  if (row.villages.length > 0) return row.villages.map((v) => v.name).join('、')
  return '全镇'
}

/** The invite's state in words; the code itself is shown only when it is issued. */
export const inviteText = (row: Pick<StaffRow, 'bound' | 'invite'>, now: number): string => {
  if (row.bound) return '已绑定微信'
  if (!row.invite) return '未绑定，没有邀请码'
  if (row.invite.state === 'expired')
    return `未绑定，邀请码已过期（${formatTime(row.invite.expiresAt, now)}）`
  if (row.invite.state === 'used') return '邀请码已使用'
  return `未绑定，邀请码有效至 ${formatTime(row.invite.expiresAt, now)}`
}

export interface StaffForm {
  name: string
  phone: string
  role: StaffRole | null
  gridId: string | null
  villageIds: string[]
}

/** The first thing the form still needs, as the hint to show; null when it can be sent. */
export const staffFormProblem = (f: StaffForm): string | null => {
  if (f.name.trim() === '') return '请填写姓名'
  if (!/^1[3-9]\d{9}$/.test(f.phone.trim())) return '请填写 11 位手机号'
  if (f.role === null) return '请选择角色'
  const kind = scopeKind(f.role)
  if (kind === 'grid' && f.gridId === null) return '请选择负责的网格（先选村，再选组）'
  if (kind === 'villages' && f.villageIds.length === 0) return '请选择负责的村（可多选）'
  return null
}

/** The createStaff request for a complete form. */
export const newStaffRequest = (f: StaffForm & { role: StaffRole }) => {
  const kind = scopeKind(f.role)
  return {
    name: f.name.trim(),
    phone: f.phone.trim(),
    roles: [f.role],
    villageIds: kind === 'villages' ? f.villageIds : [],
    gridIds: kind === 'grid' && f.gridId ? [f.gridId] : [],
  }
}

/**
 * The current holder's name when a grid's post is taken (createStaff/updateStaff answered CONFLICT
 * with `gridWorkerSlot` in its details), else null.
 */
export const occupiedBy = (error: { code: string; details?: unknown }): string | null => {
  if (error.code !== 'CONFLICT' || !Array.isArray(error.details)) return null
  const d = error.details.find((x) => (x as { path?: unknown })?.path === 'gridWorkerSlot') as
    { workerName?: unknown } | undefined
  return d && typeof d.workerName === 'string' ? d.workerName : null
}

/** `；3 件任务已移交：赵指导 2 件、钱网格 1 件` (empty when nothing moved). */
export const handoverText = (r: { handedOver: number; to: { name: string; count: number }[] }): string =>
  r.handedOver === 0
    ? ''
    : `；${r.handedOver} 件任务已移交：${r.to.map((t) => `${t.name} ${t.count} 件`).join('、')}`

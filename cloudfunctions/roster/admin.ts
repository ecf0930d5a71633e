import { can, type Staff } from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'

/** The caller, who must be the town's grid office (`manageRoster`). */
export async function requireRosterAdmin(ctx: ActionContext): Promise<Staff & { townId: string }> {
  const caller = await ctx.caller({ staff: true })
  const admin = requireStaff(caller)
  if (!can(caller.actor, 'manageRoster', { kind: 'town', townId: admin.townId }))
    throw new AppError('FORBIDDEN')
  return admin
}

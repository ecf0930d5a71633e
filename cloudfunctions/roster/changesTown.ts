/**
 * The roster actions that change the town's set-up (people, their binding, grids, villages, the
 * configuration): once one has written, the town's version is raised and its snapshot rebuilt
 * (store/townSnapshot.ts), so the next report routes on the roster as it now stands. A refused
 * action wrote nothing and changes nothing here; nor does a plan asked for with `dryRun`.
 */
import type { ActionContext } from '../_lib/entry/defineActions'
import { findStaff } from '../_lib/entry/context'
import { townChanged } from '../_lib/store/townSnapshot'

export const changesTown =
  <R, A>(action: (req: R, ctx: ActionContext) => Promise<A>) =>
  async (req: R, ctx: ActionContext): Promise<A> => {
    const result = await action(req, ctx)
    if ((req as { dryRun?: unknown }).dryRun === true) return result
    // The caller's town (read before the action; someone binding an invite has one only now).
    const townId = (await ctx.caller()).townId ?? (await findStaff(ctx.openid))?.townId
    if (townId) await townChanged(townId, ctx.now)
    return result
  }

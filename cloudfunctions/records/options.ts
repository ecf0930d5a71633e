/** `records.options`: the town's campaign themes and the record kinds, for the forms. */
import { MICRO_SERVICE_KINDS, MICRO_SERVICE_NAMES, SESSION_KINDS, SESSION_NAMES } from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { campaignThemes } from '../_lib/stats/themes'

export async function options(_req: unknown, ctx: ActionContext) {
  const { townId } = requireStaff(await ctx.caller({ staff: true }))
  const themes = await campaignThemes(townId)
  return {
    themes: themes.map((t) => ({ code: t.code, name: t.name })),
    microServiceKinds: MICRO_SERVICE_KINDS.map((code) => ({ code, name: MICRO_SERVICE_NAMES[code] })),
    sessionKinds: SESSION_KINDS.map((code) => ({ code, name: SESSION_NAMES[code] })),
  }
}

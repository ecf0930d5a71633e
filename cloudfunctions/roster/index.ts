/** `roster`: the grid office creates staff; a person binds their WeChat with an invite code (shared/schemas/rosterFunction.ts). */
import { rosterRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { bindInvite, createStaff, me, regenerateInvite } from './actions'
import { listStaff } from './listStaff'

export const main = defineActions({
  schema: rosterRequest,
  actions: { createStaff, bindInvite, me, listStaff, regenerateInvite },
})

/** `residents`: choosing a home grid, the lists to choose from, and the resident's own contact (shared/schemas/residentsFunction.ts). */
import { residentsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { grids, setHomeGrid, villages } from './actions'
import { phoneFromWeChat, profile, saveContact } from './contact'

export const main = defineActions({
  schema: residentsRequest,
  actions: { setHomeGrid, villages, grids, profile, saveContact, phoneFromWeChat },
})

/**
 * `residents`: choosing a home grid, and the lists to choose from (shared/schemas/residentsFunction.ts);
 * a resident's rights over their data (privacy.ts, shared/schemas/residentsPrivacy.ts).
 */
import { residentsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { grids, setHomeGrid, villages } from './actions'
import { correctMe, deleteAccount, exportMyData, myData } from './privacy'

export const main = defineActions({
  schema: residentsRequest,
  actions: { setHomeGrid, villages, grids, myData, exportMyData, correctMe, deleteAccount },
})

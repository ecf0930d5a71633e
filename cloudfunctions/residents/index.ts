/** `residents`: choosing a home grid, and the lists to choose from (shared/schemas/residentsFunction.ts). */
import { residentsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { grids, setHomeGrid, villages } from './actions'

export const main = defineActions({
  schema: residentsRequest,
  actions: { setHomeGrid, villages, grids },
})

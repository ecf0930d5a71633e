/**
 * `residents`: choosing a home grid, the lists to choose from, the resident's own contact
 * (shared/schemas/residentsFunction.ts) and their rights over their data (privacy.ts,
 * shared/schemas/residentsPrivacy.ts).
 */
import { residentsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { grids, setHomeGrid, villages } from './actions'
import { phoneFromWeChat, profile, saveContact } from './contact'
import { correctMe, deleteAccount, exportMyData, myData } from './privacy'

export const main = defineActions({
  schema: residentsRequest,
  actions: {
    setHomeGrid,
    villages,
    grids,
    profile,
    saveContact,
    phoneFromWeChat,
    myData,
    exportMyData,
    correctMe,
    deleteAccount,
  },
})

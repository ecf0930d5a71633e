/** `records`: the staff's field-work log and the patrols read back (shared/schemas/recordsFunction.ts). */
import { recordsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { raiseConcern } from './concern'
import { patrolCoverage } from './coverage'
import { list } from './list'
import { logCampaign, logMeeting, logMicroService, logSession } from './log'
import { options } from './options'

export const main = defineActions({
  schema: recordsRequest,
  actions: {
    logMeeting,
    raiseConcern,
    logCampaign,
    logMicroService,
    logSession,
    list,
    patrolCoverage,
    options,
  },
})

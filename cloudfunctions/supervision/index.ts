/** `supervision`: guides, supervisors and the grid office watch and correct the flow (shared/schemas/supervisionFunction.ts). */
import { supervisionRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { markDuplicate, redispatch, reject, remind } from './actions'
import { overdueBoard, returnedQueue } from './boards'
import { assignees, reassign } from './reassign'

export const main = defineActions({
  schema: supervisionRequest,
  actions: { overdueBoard, returnedQueue, redispatch, reject, markDuplicate, remind, reassign, assignees },
})

/** `tasks`: the assignee's inbox and handling, patrol logs, and 查看号码 (shared/schemas/tasksFunction.ts). */
import { tasksRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { addProgress, inbox, requestInfo, resolve, resume, returnTicket, signFor, transfer } from './actions'
import { patrol } from './patrol'
import { revealContact } from './revealContact'

export const main = defineActions({
  schema: tasksRequest,
  actions: {
    inbox,
    signFor,
    addProgress,
    requestInfo,
    resume,
    resolve,
    returnTicket,
    transfer,
    patrol,
    revealContact,
  },
})

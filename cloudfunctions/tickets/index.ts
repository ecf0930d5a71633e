/** `tickets`: what residents and informants do with their own reports (shared/schemas/ticketsFunction.ts). */
import { ticketsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { confirm, detail, listMine, reopen, submit, supplement } from './actions'

export const main = defineActions({
  schema: ticketsRequest,
  actions: { submit, listMine, detail, confirm, reopen, supplement },
})

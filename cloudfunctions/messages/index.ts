/** `messages`: the in-app message centre and subscribe-message credits (shared/schemas/messagesFunction.ts). */
import { messagesRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { list, markRead, reportSubscriptions, subscriptionCredits, unreadCount } from './actions'

export const main = defineActions({
  schema: messagesRequest,
  actions: { list, markRead, unreadCount, reportSubscriptions, subscriptionCredits },
})

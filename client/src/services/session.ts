/**
 * Who the user is (`roster.me`), loaded once per app run and shared by every page; `refreshMe()`
 * after binding an invite or choosing a home grid.
 */
import type { Role } from '@shared/model/roles'
import { roster, type Me } from './api'
import type { CallResult } from './cloud'

let pending: Promise<CallResult<Me>> | null = null
let last: Me | null = null

export function loadMe(): Promise<CallResult<Me>> {
  if (!pending) {
    pending = roster.me().then((r) => {
      if (r.ok) last = r.data
      else pending = null // a failure is not cached: the next page tries again
      return r
    })
  }
  return pending
}

/** The last answer, if any (a list row names categories with it at once, without waiting). */
export const cachedMe = (): Me | null => last

export function refreshMe(): Promise<CallResult<Me>> {
  pending = null
  return loadMe()
}

/** The inbox: what a worker holds; for guides and supervisors also what is escalated to them. */
export const STAFF_ROLES_WITH_INBOX: Role[] = [
  'gridWorker',
  'villageGuide',
  'townGuide',
  'townSupervisor',
  'admin',
]
export const SUPERVISING_ROLES: Role[] = ['villageGuide', 'townGuide', 'townSupervisor', 'admin']
export const REDISPATCH_ROLES: Role[] = ['villageGuide', 'townGuide', 'townSupervisor', 'admin']
export const PROXY_ROLES: Role[] = ['informant', 'gridWorker']

export const hasAnyRole = (me: Me | null, roles: Role[]): boolean =>
  !!me && me.roles.some((r) => roles.includes(r))

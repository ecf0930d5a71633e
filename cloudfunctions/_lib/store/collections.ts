/** Collection names: created by the `system` function's `init` (docs/indexes.md lists their indexes). */
export const C = {
  villages: 'villages',
  grids: 'grids',
  staff: 'staff',
  residents: 'residents',
  tickets: 'tickets',
  notifications: 'notifications',
  subscriptions: 'subscriptions',
  config: 'config',
  counters: 'counters',
  patrols: 'patrols',
  audit: 'auditLog',
  meetings: 'meetings',
  campaigns: 'campaigns',
  microServices: 'microServices',
  sessions: 'sessions',
  /** Each time a staff member asked for a phone number: who, whose, when (`tasks.revealContact`). */
  reveals: 'contactReveals',
} as const

import type { Ticket, TicketStatus } from '@shared/model/ticket'
import { inboxKey } from '@shared/tickets/inboxKey'
import { routedTicket } from './fixtures'

const deadlines = {
  signFor: { dueAt: '2025-03-10T02:00:00.000Z' },
  resolve: { dueAt: '2025-03-12T09:00:00.000Z' },
} as Ticket['deadlines']
const ticket = (status: TicketStatus, d: Ticket['deadlines'] = deadlines): Ticket => ({
  ...routedTicket(),
  status,
  deadlines: d,
})

describe('inboxKey', () => {
  // prettier-ignore
  it.each([
    ['pendingSignFor', '0|2025-03-10T02:00:00.000Z'],
    ['inProgress',     '1|2025-03-12T09:00:00.000Z'],
    ['awaitingInfo',   '2|2025-03-12T09:00:00.000Z'],
    ['returned',       '3|2025-03-12T09:00:00.000Z'],
    ['submitted',      '3|2025-03-12T09:00:00.000Z'],
    ['resolved',       '4|2025-03-12T09:00:00.000Z'],
    ['closed',         '5|2025-03-12T09:00:00.000Z'],
    ['rejected',       '5|2025-03-12T09:00:00.000Z'],
  ] as [TicketStatus, string][])('returns the rank of a %s ticket, then its deadline that matters: %s', (status, key) => {
    expect(inboxKey(ticket(status))).toBe(key)
  })
  it('returns 9999 for the deadline of a ticket without deadlines, so it sorts after dated ones of its rank', () => {
    expect(inboxKey(ticket('submitted', null))).toBe('3|9999')
    expect(inboxKey(ticket('pendingSignFor', null))).toBe('0|9999')
  })
  it('sorts as strings: awaiting sign-for first, then by deadline within a status', () => {
    const later = {
      signFor: { dueAt: '2025-03-11T02:00:00.000Z' },
      resolve: { dueAt: '2025-03-11T09:00:00.000Z' },
    }
    const keys = [
      inboxKey(ticket('inProgress')),
      inboxKey(ticket('pendingSignFor', null)),
      inboxKey(ticket('inProgress', later as Ticket['deadlines'])),
      inboxKey(ticket('pendingSignFor')),
    ].sort()
    expect(keys).toEqual([
      '0|2025-03-10T02:00:00.000Z',
      '0|9999',
      '1|2025-03-11T09:00:00.000Z',
      '1|2025-03-12T09:00:00.000Z',
    ])
  })
})

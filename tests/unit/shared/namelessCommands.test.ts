/**
 * COMMANDS_WITHOUT_NAMES lets the functions skip the names directory for these commands: each is
 * decided here with the names and without them, and must come out the same. A command added to
 * the list whose notice names a grid or a person fails here.
 */
import type { Ticket } from '@shared/model/ticket'
import { COMMANDS_WITHOUT_NAMES, type TicketCommand } from '@shared/tickets/commands'
import { transition } from '@shared/tickets/transition'
import { actors, ctx, inProgressTicket, resolvedTicket, routedTicket, sh } from './fixtures'

const NOW = sh('2025-03-20T10:00')

/** Each listed command on a ticket that accepts it, as someone who may issue it. */
const CASES: Array<[TicketCommand['type'], () => Ticket, TicketCommand, keyof typeof actors]> = [
  ['signFor', routedTicket, { type: 'signFor' }, 'worker1'],
  ['addProgress', inProgressTicket, { type: 'addProgress', note: '已联系施工队' }, 'worker1'],
  ['requestInfo', inProgressTicket, { type: 'requestInfo', question: '具体是哪一盏灯？' }, 'worker1'],
  ['resolve', inProgressTicket, { type: 'resolve', result: '已更换路灯', photos: [] }, 'worker1'],
  ['confirm', resolvedTicket, { type: 'confirm', rating: 5 }, 'resident'],
  ['reject', routedTicket, { type: 'reject', reason: '不属于本镇受理范围' }, 'admin'],
  [
    'markDuplicate',
    routedTicket,
    { type: 'markDuplicate', duplicateOf: 't-0', reason: '与上周的工单是同一件事' },
    'admin',
  ],
  ['autoClose', resolvedTicket, { type: 'autoClose' }, 'system'],
]

it('covers every command of the list', () => {
  expect(CASES.map(([type]) => type).sort()).toEqual([...COMMANDS_WITHOUT_NAMES].sort())
})

it.each(CASES)('decides %s the same with or without names', (_type, ticket, command, who) => {
  const before = ticket()
  const named = transition(before, command, ctx(actors[who], NOW))
  const nameless = transition(before, command, ctx(actors[who], NOW, { names: {} }))
  expect(named.ok).toBe(true)
  expect(nameless).toEqual(named)
})

it('would notice a command that names its grid (transfer is not on the list)', () => {
  const command: TicketCommand = {
    type: 'transfer',
    villageId: 'v1',
    gridId: 'g2',
    assigneeId: 's-w2',
    reason: '属于二组',
  }
  const named = transition(inProgressTicket(), command, ctx(actors.worker1, NOW))
  const nameless = transition(inProgressTicket(), command, ctx(actors.worker1, NOW, { names: {} }))
  expect(COMMANDS_WITHOUT_NAMES.has('transfer')).toBe(false)
  expect(nameless).not.toEqual(named)
})

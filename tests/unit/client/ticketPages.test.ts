/** Which ticket page a message opens: by the message's relation to the viewer, not their role alone. */
import { SUBSCRIBE_GROUPS } from '@shared/notifications/templateConfig'
import { messageTicketPage } from '../../../client/src/lib/ticketPages'

describe('messageTicketPage', () => {
  it("opens the reporter's page for news about the viewer's own report, staff or not", () => {
    for (const key of SUBSCRIBE_GROUPS.reporter) {
      expect(messageTicketPage(key, true)).toBe('ticket') // an informant's 代报, say
      expect(messageTicketPage(key, false)).toBe('ticket')
    }
  })

  it('opens the task page for task, deadline and 督办 messages to staff', () => {
    for (const key of SUBSCRIBE_GROUPS.staff) expect(messageTicketPage(key, true)).toBe('task')
  })

  it('never sends someone without a staff role to the task page', () => {
    for (const key of SUBSCRIBE_GROUPS.staff) expect(messageTicketPage(key, false)).toBe('ticket')
    expect(messageTicketPage('somethingNew', false)).toBe('ticket')
  })
})

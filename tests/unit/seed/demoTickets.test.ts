/** The demo seed numbers its tickets as the submit transaction does, and leaves the day counters behind. */
import { ticketCounterKey } from '@shared/index'
import { advanceCounter } from '@shared/index'
import { DEMO_TOWN_ID, buildDemoRoster } from '../../../localcloud/seed/demoRoster'
import { buildDemoTickets } from '../../../localcloud/seed/demoTickets'

// 09:30 in Shanghai: the tickets of 1 h and 6 h ago share a Shanghai day but not a UTC day.
const NOW = new Date('2026-11-26T01:30:00.000Z')
const seeded = () => buildDemoTickets(buildDemoRoster(DEMO_TOWN_ID, NOW.toISOString()), NOW)

describe('the demo seed', () => {
  it('gives every ticket its own number, counting per Shanghai day', () => {
    const { tickets } = seeded()
    const numbers = tickets.map((t) => t.number)
    expect(new Set(numbers).size).toBe(numbers.length)
    const today = tickets.filter((t) => t.number.startsWith('20261126-')).map((t) => t.number)
    expect(today.sort()).toEqual(today.map((_, i) => `20261126-${String(i + 1).padStart(4, '0')}`))
  })

  it("writes each seeded day's counter at the day's last number, with each reporter's count", () => {
    const { tickets, counters } = seeded()
    for (const c of counters) {
      const day = tickets.filter((t) => ticketCounterKey(DEMO_TOWN_ID, t.createdAt) === c._id)
      expect(c.seq).toBe(day.length)
      expect(c.townId).toBe(DEMO_TOWN_ID)
      expect(Object.values(c.perReporter).reduce((a, b) => a + b, 0)).toBe(day.length)
    }
    expect(new Set(tickets.map((t) => ticketCounterKey(DEMO_TOWN_ID, t.createdAt))).size).toBe(
      counters.length,
    )
  })

  it('lets the next report of a seeded day continue the sequence', () => {
    const { tickets, counters } = seeded()
    const today = counters.find((c) => c._id === ticketCounterKey(DEMO_TOWN_ID, NOW))!
    const next = advanceCounter(today, DEMO_TOWN_ID, 'demo-resident-50', NOW)
    expect(tickets.map((t) => t.number)).not.toContain(next.number)
    expect(next.number).toBe(`20261126-${String(today.seq + 1).padStart(4, '0')}`)
  })
})

describe('advanceCounter', () => {
  const at = new Date('2026-09-01T01:00:00Z')
  it("starts the day at 0001 and counts the reporter's first report", () => {
    expect(advanceCounter(null, 'town-a', 'o1', at)).toEqual({
      counter: {
        _id: 'ticket:town-a:20260901',
        townId: 'town-a',
        date: '2026-09-01',
        seq: 1,
        perReporter: { o1: 1 },
      },
      number: '20260901-0001',
      submissionsToday: 1,
    })
  })

  it("does not mutate the stored counter and keeps other reporters' counts", () => {
    const stored = { seq: 4, perReporter: { o1: 3, o2: 1 } }
    const next = advanceCounter(stored, 'town-a', 'o2', at)
    expect(next.counter.perReporter).toEqual({ o1: 3, o2: 2 })
    expect(next.submissionsToday).toBe(2)
    expect(next.number).toBe('20260901-0005')
    expect(stored).toEqual({ seq: 4, perReporter: { o1: 3, o2: 1 } })
  })
})

/**
 * Ticket numbers: unique per town and day, in sequence, and never a refusal for taking one. After
 * the demo seed a live report continues the day's sequence instead of repeating a seeded number
 * (the bug: the first report of the day got `…-0001`, which a seeded ticket had); reports made at
 * the same moment each get their own number (the bug: most were refused with CONFLICT); a repeat
 * of a stored report gets its ticket back even past the daily limit.
 */
import { ticketCounterKey } from '@shared/index'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const TOWN = 'town-qingshan'

const submitWith = (openid: string, clientRequestId: string) =>
  town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId,
      categoryCode: 'environment',
      description: '村道上的垃圾很多，需要清理',
    },
    openid,
  )

const submit = async (openid: string) => expectOk(await submitWith(openid, requestId()))

async function allNumbers(): Promise<string[]> {
  const { data } = await town.db.collection('tickets').field({ number: true }).limit(1000).get()
  return data.map((t: { number: string }) => t.number)
}

const seqOf = (number: string) => Number(number.split('-')[1])

it('gives the first live report of the day a number no seeded ticket has', async () => {
  const s = await submit('demo-resident-40')
  const numbers = await allNumbers()
  expect(numbers.filter((n) => n === s.number)).toHaveLength(1)
  expect(new Set(numbers).size).toBe(numbers.length)
  const counter = (
    await town.db
      .collection('counters')
      .doc(ticketCounterKey(TOWN, await town.now()))
      .get()
  ).data
  expect(counter.claims).toEqual([s.ticketId])
  expect(seqOf(s.number)).toBe(counter.seq + 1)
  expect(counter.perReporter['demo-resident-40']).toBe(1)
})

it("continues a seeded day's sequence on that day (the seed wrote its counter)", async () => {
  // demo-t011 was submitted 400 hours before the seed; go back to that day and report again.
  const seeded = (await town.db.collection('tickets').doc('demo-t011').get()).data
  const sameDay = (await allNumbers()).filter((n) => n.startsWith(seeded.number.slice(0, 9)))
  await town.cloud.dev.clock({ now: new Date(Date.parse(seeded.createdAt) + 60_000).toISOString() })
  const s = await submit('demo-resident-41')
  expect(s.number.slice(0, 9)).toBe(seeded.number.slice(0, 9))
  expect(seqOf(s.number)).toBe(sameDay.length + 1)
  const numbers = await allNumbers()
  expect(new Set(numbers).size).toBe(numbers.length)
})

describe('reports made at the same moment', () => {
  it('gives 20 concurrent reports in one town 20 tickets with 20 different numbers, refusing none', async () => {
    const before = (await allNumbers()).length
    const openids = Array.from({ length: 20 }, (_, i) => `demo-resident-${81 + i}`)
    const answers = await Promise.all(openids.map((o) => submitWith(o, requestId())))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const numbers = answers.map((a) => (a.ok ? (a.data.number as string) : ''))
    expect(new Set(numbers).size).toBe(20)
    expect(new Set(answers.map((a) => (a.ok ? a.data.ticketId : ''))).size).toBe(20)
    // One day, one sequence: twenty consecutive numbers.
    const seqs = numbers.map(seqOf).sort((a, b) => a - b)
    expect(seqs[19] - seqs[0]).toBe(19)
    expect(numbers.every((n) => n.slice(0, 8) === numbers[0].slice(0, 8))).toBe(true)
    const all = await allNumbers()
    expect(all).toHaveLength(before + 20)
    expect(new Set(all).size).toBe(all.length)
  }, 60_000)

  it('answers concurrent repeats of one request with one ticket and one number', async () => {
    const id = requestId()
    const answers = await Promise.all(Array.from({ length: 5 }, () => submitWith('demo-resident-101', id)))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const data = answers.map((a) => (a.ok ? a.data : null))
    expect(new Set(data.map((d) => d?.ticketId)).size).toBe(1)
    expect(new Set(data.map((d) => d?.number)).size).toBe(1)
    expect(await town.count('tickets', { _id: data[0]?.ticketId })).toBe(1)
    await town.sweep() // the messages are in the ticket's outbox until the sweeper materialises them
    expect(
      await town.count('notifications', { ticketId: data[0]?.ticketId, templateKey: 'ticketAccepted' }),
    ).toBe(1)
  }, 60_000)
})

describe('the daily limit', () => {
  it('refuses the 21st report of the day, and still answers a repeat of the first with its ticket', async () => {
    const openid = 'demo-resident-102'
    const ids = Array.from({ length: 20 }, () => requestId())
    const first = expectOk(await submitWith(openid, ids[0]))
    for (const id of ids.slice(1)) expectOk(await submitWith(openid, id))
    const refused = await submitWith(openid, requestId())
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    const repeat = expectOk(await submitWith(openid, ids[0]))
    expect(repeat).toMatchObject({ ticketId: first.ticketId, number: first.number })
    // The refused report took no number: the next reporter's follows the last accepted one.
    const next = await submit('demo-resident-103')
    const counter = (
      await town.db
        .collection('counters')
        .doc(ticketCounterKey(TOWN, await town.now()))
        .get()
    ).data
    expect(counter.claims[counter.claims.length - 1]).toBe(next.ticketId)
    expect(counter.perReporter[openid]).toBe(20)
  }, 60_000)
})

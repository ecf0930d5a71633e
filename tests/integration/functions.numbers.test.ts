/**
 * Ticket numbers after the demo seed: the seed leaves each seeded day's counter where the submit
 * transaction would have, so a live report continues the day's sequence instead of repeating a
 * seeded number (the bug: the first report of the day got `…-0001`, which a seeded ticket had).
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

const submit = async (openid: string) =>
  expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '村道上的垃圾很多，需要清理',
      },
      openid,
    ),
  )

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
  expect(counter.seq).toBe(seqOf(s.number))
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

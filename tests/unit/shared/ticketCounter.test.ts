import { numberOfClaim, firstCounter } from '@shared/index'

const at = new Date('2026-09-01T01:00:00Z')

describe('numberOfClaim', () => {
  it('numbers a claim after the numbers the seed gave out, by its position', () => {
    expect(numberOfClaim({ seq: 3, claims: ['t_a', 't_b'] }, 't_a', at)).toBe('20260901-0004')
    expect(numberOfClaim({ seq: 3, claims: ['t_a', 't_b'] }, 't_b', at)).toBe('20260901-0005')
  })

  it('answers null for a ticket that holds no claim', () => {
    expect(numberOfClaim({ seq: 0, claims: ['t_a'] }, 't_z', at)).toBeNull()
    expect(numberOfClaim({ seq: 5 }, 't_a', at)).toBeNull()
  })

  it("gives a day's first claim number 0001", () => {
    const counter = firstCounter('town-a', 'o1', 't_a', at)
    expect(counter).toEqual({
      _id: 'ticket:town-a:20260901',
      townId: 'town-a',
      date: '2026-09-01',
      seq: 0,
      perReporter: { o1: 1 },
      claims: ['t_a'],
      townVersion: 0,
    })
    expect(numberOfClaim(counter, 't_a', at)).toBe('20260901-0001')
  })

  it("carries the town's set-up version the day's first report read", () => {
    expect(firstCounter('town-a', 'o1', 't_a', at, 7).townVersion).toBe(7)
  })
})

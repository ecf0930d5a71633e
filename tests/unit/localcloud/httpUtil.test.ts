import { jsonDepthExceeds } from '../../../localcloud/http/util'

describe('jsonDepthExceeds', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":{}}', 1, true],
    ['{"a":[1,{"b":2}]}', 3, false],
    ['{"a":[1,{"b":2}]}', 2, true],
    ['{"a":"{{{{[[[["}', 1, false],
    ['{"a":"\\"{{{{"}', 1, false],
    ['[[]]', 2, false],
  ])('%s with limit %i → %s', (text, limit, expected) => {
    expect(jsonDepthExceeds(text, limit)).toBe(expected)
  })

  it('scans a 5,000-deep text', () => {
    expect(jsonDepthExceeds('['.repeat(5000) + ']'.repeat(5000), 32)).toBe(true)
  })
})

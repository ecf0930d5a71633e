import {
  DEFAULT_ALERT_CHANNELS,
  digestDueOn,
  hasRobots,
  resolveAlertChannels,
  robotKeyOf,
  robotTargetsFor,
  type AlertChannels,
} from '@shared/notifications/alertChannels'
import { calendar, sh } from './fixtures'

const channels = (robots: Partial<AlertChannels['robots']>, digestAt = '08:30'): AlertChannels => ({
  robots: { town: null, villages: {}, ...robots },
  digestAt,
})

describe('resolveAlertChannels', () => {
  it('returns the stored robots and digest time, with webhook keys trimmed', () => {
    expect(
      resolveAlertChannels({
        robots: { town: ' town-office-key-1 ', villages: { v1: 'village-one-key-1' } },
        digestAt: '17:45',
      }),
    ).toEqual({
      channels: {
        robots: { town: 'town-office-key-1', villages: { v1: 'village-one-key-1' } },
        digestAt: '17:45',
      },
      rejected: false,
    })
  })
  it('fills what is left out: no town group, no village groups, the digest at 08:30', () => {
    expect(resolveAlertChannels({})).toEqual({ channels: DEFAULT_ALERT_CHANNELS, rejected: false })
    expect(resolveAlertChannels({ robots: { villages: { v2: 'village-two-key' } } })).toEqual({
      channels: { robots: { town: null, villages: { v2: 'village-two-key' } }, digestAt: '08:30' },
      rejected: false,
    })
  })
  it('returns the defaults, not rejected, when the town has no such field', () => {
    expect(resolveAlertChannels(null)).toEqual({ channels: DEFAULT_ALERT_CHANNELS, rejected: false })
  })
  // prettier-ignore
  it.each([
    ['a whole webhook address instead of its key', { robots: { town: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' } }],
    ['a key too short',                            { robots: { town: 'abc' } }],
    ['a village id that is empty',                 { robots: { villages: { '': 'village-one-key-1' } } }],
    ['a digest time of 25:00',                     { digestAt: '25:00' }],
    ['a digest time without minutes',              { digestAt: '8' }],
    ['not an object',                              'town-office-key-1'],
  ])('falls back to no robots, and says it rejected the field, for %s', (_what, stored) => {
    expect(resolveAlertChannels(stored)).toEqual({ channels: DEFAULT_ALERT_CHANNELS, rejected: true })
  })
})

describe('hasRobots and robotKeyOf', () => {
  it('has robots when the town office or any village has a group', () => {
    expect(hasRobots(channels({}))).toBe(false)
    expect(hasRobots(channels({ town: 'town-office-key-1' }))).toBe(true)
    expect(hasRobots(channels({ villages: { v1: 'village-one-key-1' } }))).toBe(true)
  })
  it('returns the key of the town office’s group or of a village’s, and null for a group not configured', () => {
    const c = channels({ town: 'town-office-key-1', villages: { v1: 'village-one-key-1' } })
    expect(robotKeyOf(c, 'town')).toBe('town-office-key-1')
    expect(robotKeyOf(c, 'v1')).toBe('village-one-key-1')
    expect(robotKeyOf(c, 'v2')).toBeNull()
    expect(robotKeyOf(channels({}), 'town')).toBeNull()
  })
})

describe('robotTargetsFor without a town office group', () => {
  const villageOnly = channels({ villages: { v1: 'village-one-key-1' } })
  // prettier-ignore
  it.each([
    ['v1', '挂牌督办', ['v1']],
    ['v2', '挂牌督办', []],
    ['v2', '催办',     []],
  ])('sends an alert of %s at %s to %j', (village, level, targets) => {
    expect(robotTargetsFor(villageOnly, village, level)).toEqual(targets)
  })
})

describe('digestDueOn at a town’s own digest time', () => {
  const at1745 = channels({ town: 'town-office-key-1' }, '17:45')
  it('returns the working day within the hour after the digest time', () => {
    expect(digestDueOn(at1745, calendar, sh('2025-03-10T17:45'))).toBe('2025-03-10')
    expect(digestDueOn(at1745, calendar, sh('2025-03-10T18:44'))).toBe('2025-03-10')
  })
  it('returns null before it and an hour after it', () => {
    expect(digestDueOn(at1745, calendar, sh('2025-03-10T17:44'))).toBeNull()
    expect(digestDueOn(at1745, calendar, sh('2025-03-10T18:45'))).toBeNull()
  })
})

import { inviteState } from '@shared/model/town'
import { messagesRequest } from '@shared/schemas/messagesFunction'
import { rosterRequest } from '@shared/schemas/rosterFunction'

describe('inviteState', () => {
  const invite = { code: 'K7P2M9QX', expiresAt: '2026-12-09T06:30:00.000Z', usedAt: null }
  it('is pending until its expiry, inclusive', () => {
    expect(inviteState(invite, '2026-11-25T06:30:00.000Z')).toBe('pending')
    expect(inviteState(invite, invite.expiresAt)).toBe('pending')
  })
  it('is expired after it', () => {
    expect(inviteState(invite, '2026-12-09T06:30:00.001Z')).toBe('expired')
  })
  it('is used once bound, expired or not', () => {
    const used = { ...invite, usedAt: '2026-11-26T01:00:00.000Z' }
    expect(inviteState(used, '2026-11-25T06:30:00.000Z')).toBe('used')
    expect(inviteState(used, '2027-01-01T00:00:00.000Z')).toBe('used')
  })
})

describe('the roster list and invite requests', () => {
  it('lists everyone by default and trims a name prefix', () => {
    expect(rosterRequest.parse({ action: 'listStaff' })).toEqual({
      action: 'listStaff',
      pageSize: 20,
      namePrefix: '',
      query: '',
    })
    expect(
      rosterRequest.parse({ action: 'listStaff', query: ' 石桥村一组 ', role: 'gridWorker', bound: false }),
    ).toMatchObject({
      query: '石桥村一组',
      role: 'gridWorker',
      bound: false,
    })
    expect(rosterRequest.parse({ action: 'listStaff', namePrefix: ' 王 ', cursor: 'abc' })).toMatchObject({
      namePrefix: '王',
      cursor: 'abc',
    })
  })
  it('refuses an over-long prefix and a missing staff id, in Chinese', () => {
    const long = rosterRequest.safeParse({ action: 'listStaff', namePrefix: '王'.repeat(21) })
    expect(long.success ? null : long.error.issues[0].message).toBe('姓名不能超过 20 个字')
    const none = rosterRequest.safeParse({ action: 'regenerateInvite' })
    expect(none.success ? null : none.error.issues[0].message).toBe('缺少工作人员编号')
  })
  it('asks for the credits of a known group only', () => {
    expect(messagesRequest.safeParse({ action: 'subscriptionCredits', group: 'staff' }).success).toBe(true)
    const bad = messagesRequest.safeParse({ action: 'subscriptionCredits', group: 'boss' })
    expect(bad.success ? null : bad.error.issues[0].message).toBe('提醒类别无效')
  })
})

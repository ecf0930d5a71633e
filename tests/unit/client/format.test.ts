/** What people read: countdowns, deadlines, statuses and refusals, as words. */
import {
  categoryName,
  countdown,
  currentDeadline,
  durationText,
  formatTime,
  levelName,
  resolveByText,
  statusName,
} from '../../../client/src/lib/format'
import { errorText } from '../../../client/src/lib/errors'
import { imageExtension, newClientRequestId, uploadPath } from '../../../client/src/lib/ids'
import { inboxOrder } from '../../../client/src/lib/inboxOrder'

const NOW = '2026-11-25T06:00:00.000Z' // 14:00 in Shanghai

describe('countdown', () => {
  it('says how long is left before the deadline', () => {
    expect(countdown('2026-11-25T09:20:00.000Z', NOW)).toEqual({ text: '剩余 3小时20分', overdue: false })
  })

  it('says how late it is after the deadline, in words', () => {
    expect(countdown('2026-11-25T04:00:00.000Z', NOW)).toEqual({ text: '已超时 2小时', overdue: true })
  })

  it('uses days for long spans and minutes for short ones', () => {
    expect(durationText((2 * 24 + 5) * 3600_000)).toBe('2天5小时')
    expect(durationText(15 * 60_000)).toBe('15分')
    expect(durationText(-5)).toBe('0分')
  })
})

describe('deadline texts', () => {
  it('shows the resolve deadline in Shanghai time without the current year', () => {
    expect(resolveByText('2026-11-27T09:30:00.000Z', NOW)).toBe('11月27日 17:30 前办结')
  })

  it('adds the year when the deadline is in another year', () => {
    expect(formatTime('2027-01-04T01:00:00.000Z', NOW)).toBe('2027年1月4日 09:00')
  })

  it('takes the sign-for deadline while a task awaits sign-for, else the resolve deadline', () => {
    const row = { signForDueAt: 'S', resolveDueAt: 'R' }
    expect(currentDeadline({ ...row, status: 'pendingSignFor' })).toEqual({ kind: '签收', dueAt: 'S' })
    expect(currentDeadline({ ...row, status: 'inProgress' })).toEqual({ kind: '办结', dueAt: 'R' })
    expect(currentDeadline({ ...row, status: 'closed' })).toBeNull()
  })
})

describe('names', () => {
  it('names statuses, categories and escalation levels in Chinese', () => {
    expect(statusName('pendingSignFor')).toBe('待签收')
    expect(statusName('closed')).toBe('已办结')
    expect(categoryName('safety')).toBe('安全隐患')
    expect(categoryName('unknown-code')).toBe('unknown-code')
    expect([1, 2, 3].map(levelName)).toEqual(['催办', '督办', '挂牌督办'])
  })
})

describe("categoryName with the town's categories", () => {
  const town = [
    { code: 'environment', name: '村容环境' },
    { code: 'flood', name: '防汛' },
  ]
  it("uses the town's name first, also for a category of its own", () => {
    expect(categoryName('environment', town)).toBe('村容环境')
    expect(categoryName('flood', town)).toBe('防汛')
  })
  it('falls back to the default name for a category the town does not list, then to the code', () => {
    expect(categoryName('safety', town)).toBe('安全隐患')
    expect(categoryName('nope', town)).toBe('nope')
  })
})

describe('errorText', () => {
  it('lists the field messages of INVALID_INPUT', () => {
    const error = {
      code: 'INVALID_INPUT' as const,
      message: '填写的内容有误，请检查后重试',
      details: [
        { path: ['description'], message: '问题描述至少 5 个字' },
        { path: ['categoryCode'], message: '请选择问题类别' },
      ],
    }
    expect(errorText(error)).toBe('问题描述至少 5 个字；请选择问题类别')
  })

  it('falls back to the message when INVALID_INPUT has no details', () => {
    expect(errorText({ code: 'INVALID_INPUT', message: '填写的内容有误' })).toBe('填写的内容有误')
  })

  it('asks for a refresh on CONFLICT', () => {
    expect(errorText({ code: 'CONFLICT', message: 'x' })).toContain('已被他人更新，请刷新')
  })

  it('shows the server message for other refusals', () => {
    expect(errorText({ code: 'FORBIDDEN', message: '您没有权限进行此操作' })).toBe('您没有权限进行此操作')
  })
})

describe('ids', () => {
  it('makes client request ids the schema accepts', () => {
    for (let i = 0; i < 20; i++) expect(newClientRequestId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('puts uploads under the uploader’s openid', () => {
    expect(uploadPath('oABC', 'png')).toMatch(/^uploads\/oABC\/[a-z0-9]+\.png$/)
  })

  it('reads the extension from a MIME type or a path', () => {
    expect(imageExtension('image/jpeg')).toBe('jpg')
    expect(imageExtension('wxfile://tmp_abc.png')).toBe('png')
    expect(imageExtension(undefined)).toBe('jpg')
  })
})

describe('inboxOrder', () => {
  it('puts tasks awaiting sign-for first, then the nearest deadline', () => {
    const rows = [
      { id: 'a', status: 'inProgress', signForDueAt: null, resolveDueAt: '2026-11-26T00:00:00.000Z' },
      { id: 'b', status: 'pendingSignFor', signForDueAt: '2026-11-27T00:00:00.000Z', resolveDueAt: null },
      { id: 'c', status: 'inProgress', signForDueAt: null, resolveDueAt: '2026-11-25T08:00:00.000Z' },
      { id: 'd', status: 'pendingSignFor', signForDueAt: '2026-11-25T07:00:00.000Z', resolveDueAt: null },
    ]
    expect([...rows].sort(inboxOrder).map((r) => r.id)).toEqual(['d', 'b', 'c', 'a'])
  })
})

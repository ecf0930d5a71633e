import { z } from 'zod'
import { ERROR_CODES, ERROR_MESSAGES, appError } from '@shared/errors'
import { envelope, invalidInput } from '@shared/schemas/envelope'
import { FUNCTION_SCHEMAS } from '@shared/schemas/functions'
import { messagesRequest } from '@shared/schemas/messagesFunction'
import { rosterRequest } from '@shared/schemas/rosterFunction'
import { supervisionRequest } from '@shared/schemas/supervisionFunction'
import { sweeperEvent } from '@shared/schemas/sweeperFunction'
import { tasksRequest } from '@shared/schemas/tasksFunction'
import { ticketsRequest, submitTicketResponse } from '@shared/schemas/ticketsFunction'
import { residentsRequest } from '@shared/schemas/residentsFunction'
import { DEFAULT_WORKING_HOURS } from '@shared/calendar/workingCalendar'
import { DEFAULT_RULES, type TownRules } from '@shared/deadlines/timeLimitRules'
import { residentActor, staffActor } from '@shared/model/actors'
import type { Staff } from '@shared/model/town'
import { calendarOverrideSchema, townRulesSchema, workingHoursSchema } from '@shared/schemas/configSchemas'
import { formatTicketNumber, ticketCounterKey, TICKET_NUMBER_PATTERN } from '@shared/tickets/ticketNumber'

const firstMessage = (schema: z.ZodType, input: unknown): string | undefined => {
  const r = schema.safeParse(input)
  return r.success ? undefined : r.error.issues[0].message
}
const submit = {
  action: 'submit',
  clientRequestId: '6f1c2e0a-1b2c-4d5e-8f90-1234567890ab',
  categoryCode: 'request',
  description: '村口路灯坏了',
}

describe('request schemas', () => {
  it('accepts a minimal submission and fills the defaults', () => {
    expect(ticketsRequest.parse(submit)).toEqual({ ...submit, photos: [], anonymous: false })
  })
  it.each([
    [{ ...submit, description: '坏了' }, '问题描述至少 5 个字'],
    [{ ...submit, description: '字'.repeat(501) }, '问题描述不能超过 500 个字'],
    [{ ...submit, description: '     坏了     ' }, '问题描述至少 5 个字'],
    [{ ...submit, description: undefined }, '请填写问题描述'],
    [
      { ...submit, photos: Array.from({ length: 10 }, (_, i) => `cloud://env.b/${i}.jpg`) },
      '最多上传 9 张图片',
    ],
    [{ ...submit, photos: ['https://example.com/a.jpg'] }, '图片必须先上传到云存储'],
    [{ ...submit, clientRequestId: 'abc' }, '请求编号无效'],
    [{ ...submit, categoryCode: '' }, '请选择问题类别'],
    [{ ...submit, contact: { phone: '12345' } }, '手机号格式不正确'],
    [{ ...submit, location: { latitude: 91, longitude: 0 } }, '位置无效'],
    [{ action: 'confirm', ticketId: 't', rating: 0 }, '评分最低 1 分'],
    [{ action: 'confirm', ticketId: 't', rating: 2.5 }, '评分必须是 1 到 5 的整数'],
    [{ action: 'confirm', ticketId: 't', rating: 5, comment: '好'.repeat(201) }, '评价不能超过 200 个字'],
    [{ action: 'confirm', ticketId: '', rating: 5 }, '缺少工单编号'],
    [{ action: 'reopen', ticketId: 't', reason: '差' }, '原因至少 2 个字'],
    [{ action: 'listMine', pageSize: 51 }, '每页最多 50 条'],
    [{ action: 'listMine', pageSize: 0 }, '每页至少 1 条'],
    [{ action: 'unknown' }, '不支持的操作'],
  ])('refuses %j with “%s”', (input, message) => {
    expect(firstMessage(ticketsRequest, input)).toBe(message)
  })
  it('validates the tasks actions', () => {
    expect(tasksRequest.parse({ action: 'inbox' })).toEqual({ action: 'inbox', pageSize: 20, filter: 'todo' })
    expect(tasksRequest.parse({ action: 'signFor', ticketId: 't', expectedVersion: 3 })).toEqual({
      action: 'signFor',
      ticketId: 't',
      expectedVersion: 3,
    })
    expect(firstMessage(tasksRequest, { action: 'resolve', ticketId: 't', result: '' })).toBe(
      '办理结果至少 2 个字',
    )
    expect(firstMessage(tasksRequest, { action: 'transfer', ticketId: 't', reason: '不是本组的' })).toBe(
      '缺少目标网格编号',
    )
    expect(
      tasksRequest.safeParse({
        action: 'patrol',
        clientRequestId: 'abcdefgh',
        gridId: 'g1',
        kind: 'patrol',
        note: '巡查河堤',
        issue: { categoryCode: 'safety', description: '河堤护栏缺失' },
      }).success,
    ).toBe(true)
    expect(
      firstMessage(tasksRequest, {
        action: 'patrol',
        clientRequestId: 'abcdefgh',
        gridId: 'g1',
        kind: 'walk',
        note: '巡查',
      }),
    ).toBe('巡查类型无效')
  })
  it('validates the supervision actions', () => {
    expect(supervisionRequest.parse({ action: 'overdueBoard' })).toEqual({
      action: 'overdueBoard',
      pageSize: 20,
      minLevel: 1,
    })
    expect(firstMessage(supervisionRequest, { action: 'overdueBoard', minLevel: 4 })).toBe('督办级别无效')
    expect(
      supervisionRequest.safeParse({
        action: 'markDuplicate',
        ticketId: 't',
        duplicateOf: 't0',
        reason: '同一件事',
      }).success,
    ).toBe(true)
    expect(
      supervisionRequest.safeParse({ action: 'redispatch', ticketId: 't', toGridId: 'g2' }).success,
    ).toBe(true)
  })
  it('validates the residents, roster and messages actions', () => {
    expect(residentsRequest.safeParse({ action: 'grids', villageId: 'v1' }).success).toBe(true)
    expect(firstMessage(residentsRequest, { action: 'setHomeGrid' })).toBe('缺少网格编号')
    expect(rosterRequest.parse({ action: 'bindInvite', code: ' ab12cd ' })).toEqual({
      action: 'bindInvite',
      code: 'AB12CD',
    })
    expect(
      firstMessage(rosterRequest, { action: 'createStaff', name: '李网格', phone: '13812341234', roles: [] }),
    ).toBe('至少选择一个角色')
    expect(
      firstMessage(rosterRequest, {
        action: 'createStaff',
        name: '李网格',
        phone: '13812341234',
        roles: ['resident'],
      }),
    ).toBe('角色无效')
    expect(
      rosterRequest.parse({
        action: 'createStaff',
        name: '李网格',
        phone: '13812341234',
        roles: ['gridWorker'],
        gridIds: ['g1'],
      }),
    ).toMatchObject({
      villageIds: [],
      gridIds: ['g1'],
    })
    expect(messagesRequest.parse({ action: 'markRead', all: true })).toEqual({
      action: 'markRead',
      all: true,
    })
    expect(firstMessage(messagesRequest, { action: 'markRead' })).toBe('请选择消息，或选择全部已读')
    expect(firstMessage(messagesRequest, { action: 'markRead', messageIds: [] })).toBe('请选择消息')
    expect(
      messagesRequest.safeParse({ action: 'reportSubscriptions', results: { TPL_TASK_NEW: 'accept' } })
        .success,
    ).toBe(true)
    expect(firstMessage(messagesRequest, { action: 'reportSubscriptions', results: {} })).toBe('没有订阅结果')
    expect(
      firstMessage(messagesRequest, {
        action: 'reportSubscriptions',
        results: { a: 'accept', b: 'accept', c: 'accept', d: 'reject' },
      }),
    ).toBe('一次最多订阅 3 个模板')
  })
  it('accepts only the timer’s event shape for the sweeper', () => {
    expect(
      sweeperEvent.safeParse({ Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-09-01T00:00:00Z' })
        .success,
    ).toBe(true)
    expect(sweeperEvent.safeParse({ action: 'sweep' }).success).toBe(false)
  })
  it('has a request schema and per-action response schemas for every function', () => {
    expect(Object.keys(FUNCTION_SCHEMAS).sort()).toEqual([
      'messages',
      'records',
      'residents',
      'roster',
      'stats',
      'supervision',
      'sweeper',
      'tasks',
      'tickets',
    ])
    expect(Object.keys(FUNCTION_SCHEMAS.tasks.responses)).toEqual(
      expect.arrayContaining([
        'inbox',
        'signFor',
        'addProgress',
        'requestInfo',
        'resolve',
        'returnTicket',
        'transfer',
        'patrol',
      ]),
    )
  })
})

describe('the envelope and errors', () => {
  it('has a Chinese message for every error code of docs/architecture.md', () => {
    expect([...ERROR_CODES]).toEqual([
      'INVALID_INPUT',
      'UNAUTHENTICATED',
      'NOT_FOUND',
      'FORBIDDEN',
      'INVALID_TRANSITION',
      'CONFLICT',
      'RATE_LIMITED',
      'CONTENT_RISKY',
      'INTERNAL',
    ])
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/)
  })
  it('builds errors with the table’s message unless a better one is given', () => {
    expect(appError('NOT_FOUND')).toEqual({ code: 'NOT_FOUND', message: '没有找到相关记录' })
    expect(appError('CONFLICT', '请刷新', { version: 3 })).toEqual({
      code: 'CONFLICT',
      message: '请刷新',
      details: { version: 3 },
    })
  })
  it('turns a zod failure into INVALID_INPUT with the first Chinese message and every issue', () => {
    const r = ticketsRequest.safeParse({ ...submit, description: '字'.repeat(501), photos: ['x'] })
    expect(r.success).toBe(false)
    if (!r.success) {
      expect(invalidInput(r.error)).toEqual({
        code: 'INVALID_INPUT',
        message: '问题描述不能超过 500 个字',
        details: [
          { path: 'description', message: '问题描述不能超过 500 个字' },
          { path: 'photos.0', message: '图片必须先上传到云存储' },
        ],
      })
    }
  })
  it('types the answers of a function', () => {
    const answer = envelope(submitTicketResponse)
    expect(
      answer.safeParse({
        ok: true,
        data: {
          ticketId: 't',
          number: '20260901-0012',
          status: 'pendingSignFor',
          resolveDueAt: null,
          flagged: false,
        },
      }).success,
    ).toBe(true)
    expect(
      answer.safeParse({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁' } }).success,
    ).toBe(true)
    expect(answer.safeParse({ ok: false, error: { code: 'OOPS', message: '' } }).success).toBe(false)
  })
})

describe('ticket numbers', () => {
  it('formats 20260901-0012 from the Shanghai date and the day’s counter', () => {
    expect(formatTicketNumber('2026-09-01T01:00:00Z', 12)).toBe('20260901-0012')
    expect(formatTicketNumber('2026-08-31T16:00:00Z', 1)).toBe('20260901-0001') // 00:00 in Shanghai
    expect(formatTicketNumber('2026-09-01T01:00:00Z', 12345)).toBe('20260901-12345')
    expect(TICKET_NUMBER_PATTERN.test('20260901-0012')).toBe(true)
  })
  it('refuses a counter below 1 or a fraction', () => {
    expect(() => formatTicketNumber('2026-09-01T01:00:00Z', 0)).toThrow(RangeError)
    expect(() => formatTicketNumber('2026-09-01T01:00:00Z', 1.5)).toThrow(RangeError)
  })
  it('keys the counter by town and Shanghai day', () => {
    expect(ticketCounterKey('town-1', '2026-08-31T16:00:00Z')).toBe('ticket:town-1:20260901')
  })
})

describe('configuration the admin edits', () => {
  it('accepts the default rules, and gives back something the domain takes', () => {
    const parsed: TownRules = townRulesSchema.parse(DEFAULT_RULES)
    expect(parsed).toEqual(DEFAULT_RULES)
    expect(
      firstMessage(townRulesSchema, { ...DEFAULT_RULES, autoCloseAfter: { amount: 0, unit: 'days' } }),
    ).toBe('时限必须大于 0')
  })
  it('checks working hours and calendar overrides', () => {
    expect(workingHoursSchema.safeParse(DEFAULT_WORKING_HOURS).success).toBe(true)
    expect(firstMessage(workingHoursSchema, [{ start: '12:00', end: '08:00' }])).toBe(
      '结束时间应晚于开始时间',
    )
    expect(
      firstMessage(workingHoursSchema, [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ]),
    ).toBe('工作时段不能重叠')
    expect(firstMessage(workingHoursSchema, [{ start: '8:00', end: '12:00' }])).toBe('时间格式应为 HH:mm')
    expect(calendarOverrideSchema.parse({ date: '2027-01-01', kind: 'holiday', note: '元旦' })).toEqual({
      date: '2027-01-01',
      kind: 'holiday',
      note: '元旦',
    })
    expect(firstMessage(calendarOverrideSchema, { date: '2027-1-1', kind: 'holiday' })).toBe(
      '日期格式应为 YYYY-MM-DD',
    )
  })
})

describe('actors from the roster', () => {
  const staff: Staff = {
    _id: 's-w1',
    townId: 'town-1',
    name: '李网格',
    phone: '13812341234',
    roles: ['gridWorker'],
    scope: { townId: 'town-1', villageIds: [], gridIds: ['g1'] },
    openid: 'o-w1',
    invite: null,
    active: true,
  }
  it('gives a staff member their roles and scope, and an inactive one no roles', () => {
    expect(staffActor(staff, 'o-w1')).toEqual({
      kind: 'person',
      openid: 'o-w1',
      staffId: 's-w1',
      name: '李网格',
      roles: ['gridWorker'],
      scope: staff.scope,
    })
    expect(staffActor({ ...staff, active: false }, 'o-w1').roles).toEqual([])
  })
  it('gives a resident their town and nothing more', () => {
    expect(residentActor({ townId: 'town-1', openid: 'o-r' })).toEqual({
      kind: 'person',
      openid: 'o-r',
      roles: ['resident'],
      scope: { townId: 'town-1', villageIds: [], gridIds: [] },
    })
  })
})

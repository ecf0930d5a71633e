import {
  alertMarkdown,
  batchMarkdown,
  digestDueOn,
  digestMarkdown,
  mentionText,
  resolveAlertChannels,
  robotTargetsFor,
  utf8Bytes,
  type DigestRow,
} from '@shared/index'
import { describeLateness } from '@shared/deadlines/lateness'
import { fitKeywordValue, keywordType } from '@shared/notifications/keywordRules'
import { DEFAULT_TEMPLATE_CONFIG } from '@shared/notifications/templateConfig'
import { transition } from '@shared/tickets/transition'
import { actors, calendar, ctx, routedTicket, sh } from './fixtures'

describe('改派 (reassign)', () => {
  const to = {
    type: 'reassign',
    villageId: 'v1',
    gridId: 'g2',
    assigneeId: 's-w2',
    reason: '原网格员外出培训',
  } as const

  it('gives the ticket to the new person, keeps the deadlines, and tells the new owner and the reporter', () => {
    const t = routedTicket()
    const r = transition(t, to, ctx(actors.supervisor, sh('2025-03-10T10:00')))
    if (!r.ok) throw new Error(r.refusal.message)
    expect(r.ticket).toMatchObject({ status: 'pendingSignFor', gridId: 'g2', assigneeId: 's-w2' })
    expect(r.ticket.deadlines).toEqual(t.deadlines)
    expect(r.ticket.timeline.at(-1)).toMatchObject({
      command: 'reassign',
      note: '改派给王网格：原网格员外出培训',
    })
    const notes = r.effects.filter((e) => e.kind === 'notify')
    expect(notes).toMatchObject([
      {
        recipient: { kind: 'staff', staffId: 's-w2' },
        template: 'taskNew',
        data: { task: '改派给您：村口路灯坏了一个月了' },
      },
      {
        recipient: { kind: 'reporter', openid: 'o-resident' },
        template: 'ticketProgress',
        data: { status: '已改派' },
      },
    ])
  })

  it('tells the new owner the deadline still ahead, not one already gone', () => {
    const t = routedTicket()
    const late = transition(t, to, ctx(actors.admin, sh('2025-03-11T10:00')))
    if (!late.ok) throw new Error(late.refusal.message)
    expect(late.effects[1]).toMatchObject({
      template: 'taskNew',
      data: { dueAt: t.deadlines?.resolve.dueAt },
    })
  })

  it.each([
    ['the same person', { assigneeId: 's-w1' }, actors.admin, 'INVALID_INPUT'],
    [
      'a village outside the scope',
      { villageId: 'v2', gridId: 'g3', assigneeId: 's-w3' },
      actors.townGuide,
      'FORBIDDEN',
    ],
    ['a reason too short', { reason: '无' }, actors.admin, 'INVALID_INPUT'],
    ['a grid worker', {}, actors.worker1, 'FORBIDDEN'],
    ['a guide of another village', {}, actors.villageGuide2, 'FORBIDDEN'],
  ] as const)('refuses %s', (_what, over, actor, code) => {
    const r = transition(routedTicket(), { ...to, ...over }, ctx(actor, sh('2025-03-10T10:00')))
    expect(r.ok ? 'ok' : r.refusal.code).toBe(code)
  })

  it('says so when the ticket is outside the caller’s villages', () => {
    const r = transition(routedTicket(), to, ctx(actors.villageGuide2, sh('2025-03-10T10:00')))
    expect(r.ok ? '' : r.refusal.message).toBe('这张工单不在您负责的村（社区），不能改派')
  })
})

describe('催办 by hand', () => {
  const remind = (actor = actors.villageGuide1, at = '2025-03-10T10:00', t = routedTicket()) =>
    transition(t, { type: 'remind' }, ctx(actor, sh(at)))

  it('is refused a second time within the hour by the same sender, saying when the last one went', () => {
    const once = remind()
    if (!once.ok) throw new Error(once.refusal.message)
    const again = remind(actors.villageGuide1, '2025-03-10T10:59', once.ticket)
    expect(again).toEqual({
      ok: false,
      refusal: {
        code: 'RATE_LIMITED',
        message: '您已于3月10日 10:00催办过这张工单，每小时只能催办一次，请于3月10日 11:00后再催办',
      },
    })
    expect(remind(actors.townGuide, '2025-03-10T10:59', once.ticket).ok).toBe(true)
    expect(remind(actors.villageGuide1, '2025-03-10T11:00', once.ticket).ok).toBe(true)
  })

  it('is a due-soon reminder before the deadline and an overdue 催办 after it', () => {
    const before = remind(actors.villageGuide1, '2025-03-10T10:00')
    const after = remind(actors.villageGuide1, '2025-03-11T10:00')
    if (!before.ok || !after.ok) throw new Error('refused')
    const t = routedTicket()
    expect(before.effects[1]).toMatchObject({
      template: 'taskDue',
      data: { dueAt: t.deadlines?.signFor.dueAt, hint: '催办：请尽快签收' },
    })
    expect(after.effects[1]).toMatchObject({ template: 'overdueAlert', data: { level: '催办' } })
    const overdue = (after.effects[1] as { data: { overdue: string } }).data.overdue
    expect(overdue).toMatch(/^超时未签收，已逾\d+(天|小时)/)
  })
})

describe('alert wording fits WeChat’s keyword rules', () => {
  // Every level and the longest lateness we word: each value fits its keyword unchanged.
  it.each([
    ['催办', '超时未签收，已逾59分钟'],
    ['督办', '超时未办结，已逾10天23小时'],
    ['挂牌督办', '超时未办结，已逾365天23小时'],
  ])('%s: %s', (level, overdue) => {
    const fields = DEFAULT_TEMPLATE_CONFIG.overdueAlert.fields
    for (const [value, keyword] of [
      [level, fields.level.keyword],
      [overdue, fields.overdue.keyword],
    ]) {
      const type = keywordType(keyword)
      if (type === null) throw new Error(keyword)
      expect(fitKeywordValue(type, value)).toBe(value)
    }
  })

  it.each([
    [59 * 60_000, '59分钟'],
    [39 * 3_600_000, '1天15小时'],
    [200 * 60_000, '3小时20分钟'],
    [3 * 86_400_000, '3天'],
  ])('describes %i ms late as %s', (ms, text) => {
    expect(describeLateness(ms)).toBe(text)
  })
})

describe('group robots', () => {
  const channels = resolveAlertChannels({
    robots: { town: 'town-office-key-1', villages: { v1: 'village-one-key-1' } },
  }).channels

  // prettier-ignore
  it.each([
    ['v1', '催办',     ['v1']],
    ['v1', '督办',     ['v1', 'town']],
    ['v1', '挂牌督办', ['v1', 'town']],
    ['v2', '催办',     ['town']],
    ['v2', '督办',     ['town']],
  ])('an alert of %s at %s goes to %j', (village, level, targets) => {
    expect(robotTargetsFor(channels, village, level)).toEqual(targets)
  })

  it('falls back to no robots for a malformed configuration, and none by default', () => {
    expect(resolveAlertChannels({ robots: { town: 'bad key!' } })).toMatchObject({
      rejected: true,
      channels: { robots: { town: null, villages: {} } },
    })
    expect(resolveAlertChannels(undefined)).toMatchObject({
      rejected: false,
      channels: { digestAt: '08:30' },
    })
  })

  it('posts the digest within the hour after 08:30 on working days only', () => {
    expect(digestDueOn(channels, calendar, sh('2025-03-10T08:29'))).toBeNull()
    expect(digestDueOn(channels, calendar, sh('2025-03-10T08:30'))).toBe('2025-03-10')
    expect(digestDueOn(channels, calendar, sh('2025-03-10T09:29'))).toBe('2025-03-10')
    expect(digestDueOn(channels, calendar, sh('2025-03-10T09:30'))).toBeNull()
    expect(digestDueOn(channels, calendar, sh('2025-03-08T08:45'))).toBeNull() // a Saturday
  })

  it('names the ticket, grid, level, lateness and the responsible person', () => {
    const text = alertMarkdown({
      ticketNumber: '20250310-0001',
      villageName: '石桥村',
      gridName: '一组',
      level: '挂牌督办',
      overdue: '超时未办结，已逾1天15小时',
      urgent: true,
      assigneeName: '李网格',
      matter: '废弃鱼塘边有小孩玩水',
    })
    expect(text).toBe(
      [
        '### <font color="warning">【挂牌督办】</font>工单 20250310-0001',
        '> 网格：石桥村一组',
        '> 级别：挂牌督办（紧急）',
        '> 超时：超时未办结，已逾1天15小时',
        '> 责任人：李网格',
        '> 事项：废弃鱼塘边有小孩玩水',
        '请在“一网”小程序中办理或反馈。',
      ].join('\n'),
    )
    expect(mentionText('20250310-0001', '挂牌督办', ['李网格'])).toBe(
      '请李网格尽快处理工单 20250310-0001（挂牌督办）',
    )
  })

  it('keeps a digest or batch within 4096 bytes however many tickets, saying how many were left out', () => {
    const rows: DigestRow[] = Array.from({ length: 300 }, (_, i) => ({
      ticketNumber: `20250310-${String(i + 1).padStart(4, '0')}`,
      gridName: '一组',
      level: i % 3 === 0 ? '挂牌督办' : '催办',
      late: '1天15小时',
      assigneeName: '李网格',
      urgent: i % 2 === 0,
    }))
    const digest = digestMarkdown('石桥村', '3月10日', rows)
    expect(utf8Bytes(digest)).toBeLessThanOrEqual(4096)
    expect(digest.split('\n')[1]).toBe('共 300 张：挂牌督办 100 张，催办 200 张')
    expect(digest).toMatch(/…另有 \d+ 张，请在“一网”小程序“超时督办”中查看$/)
    const batch = batchMarkdown(rows.map((r) => `- ${r.ticketNumber} ${r.gridName}`))
    expect(utf8Bytes(batch)).toBeLessThanOrEqual(4096)
    expect(batch.startsWith('### 超时提醒汇总（300 条）')).toBe(true)
    expect(digestMarkdown('石桥村', '3月10日', [])).toBe(
      '### 石桥村超时工单日报（3月10日）\n今日没有超时工单。',
    )
  })
})

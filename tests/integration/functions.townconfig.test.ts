/**
 * The town's configuration edited by the office on a real local cloud: a category's time limit
 * changed applies to the next report and not to an open one; the ladder, template ids and a year's
 * holidays are saved; bad input is refused with nothing written; only the office may; every save
 * is on the audit log.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const submitSafety = (openid: string) =>
  town.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: requestId(),
      categoryCode: 'safety',
      description: '河边护栏坏了，小孩容易掉下去',
    },
    openid,
  )

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ticketDoc = async (id: string): Promise<any> => (await town.db.collection('tickets').doc(id).get()).data
const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000
const configDoc = async () => (await town.db.collection('config').doc('town:town-qingshan').get()).data

type View = {
  categories: {
    code: string
    name: string
    hint: string
    icon: string
    urgent: boolean
    active: boolean
    signFor: { amount: number; unit: string }
    resolve: { amount: number; unit: string }
  }[]
}

describe('the town configuration', () => {
  it('reads the categories with their limits, the ladder, the templates and the calendar', async () => {
    const view = expectOk(await town.call('roster', { action: 'townConfig' }, 'demo-admin'))
    expect(view.categories[0]).toEqual({
      code: 'safety',
      name: '安全隐患',
      hint: '溺水、危房、火灾、交通等隐患',
      icon: '',
      urgent: true,
      active: true,
      signFor: { amount: 30, unit: 'minutes' },
      resolve: { amount: 24, unit: 'hours' },
    })
    expect(view.ladder).toEqual({
      reminderFraction: 0.25,
      reminderMaxLeadMinutes: 60,
      supervisorAfter: { amount: 1, unit: 'workingDays' },
    })
    expect(view.templates.map((t: { key: string }) => t.key)).toEqual([
      'ticketAccepted',
      'ticketProgress',
      'ticketResolved',
      'taskNew',
      'taskDue',
      'overdueAlert',
    ])
    expect(view.calendar.shippedYears).toContain(2026)
  })

  it('applies a changed time limit to the next report; the open one keeps its deadline', async () => {
    const open = expectOk(await submitSafety('demo-resident-1'))
    const before = await ticketDoc(open.ticketId)
    expect(minutesBetween(before.deadlines.dispatchedAt, before.deadlines.signFor.dueAt)).toBe(30)

    const view: View = expectOk(await town.call('roster', { action: 'townConfig' }, 'demo-admin'))
    const categories = view.categories.map((c) =>
      c.code === 'safety' ? { ...c, icon: '险', signFor: { amount: 20, unit: 'minutes' } } : c,
    )
    const saved = expectOk(await town.call('roster', { action: 'saveTownConfig', categories }, 'demo-admin'))
    expect(saved.saved).toEqual(['categories'])
    expect(saved.config.categories[0].signFor).toEqual({ amount: 20, unit: 'minutes' })
    expect(saved.config.categories[0].icon).toBe('险')

    // the roster function's instance sees the change at once (its cache was dropped) …
    const me = expectOk(await town.call('roster', { action: 'me' }, 'demo-resident-1'))
    expect(me.categories[0]).toEqual({
      code: 'safety',
      name: '安全隐患',
      hint: '溺水、危房、火灾、交通等隐患',
      defaultPriority: 'urgent',
      icon: '险',
    })
    // … other functions' warm instances within their cache's 30 seconds
    await town.cloud.dev.clock({ advanceMs: 31_000 })
    const next = expectOk(await submitSafety('demo-resident-2'))
    const after = await ticketDoc(next.ticketId)
    expect(minutesBetween(after.deadlines.dispatchedAt, after.deadlines.signFor.dueAt)).toBe(20)
    expect((await ticketDoc(open.ticketId)).deadlines).toEqual(before.deadlines)

    const log = expectOk(await town.call('roster', { action: 'auditLog', pageSize: 5 }, 'demo-admin'))
    expect(log.items[0]).toMatchObject({
      action: 'saveTownConfig',
      actorName: expect.any(String),
      summary: '事项分类与时限：安全隐患：图标，签收 30分钟、办结 24小时 → 签收 20分钟、办结 24小时',
    })
  })

  it('saves the ladder, the template ids and a year’s holidays, each audited', async () => {
    const ladder = {
      reminderFraction: 0.5,
      reminderMaxLeadMinutes: 30,
      supervisorAfter: { amount: 2, unit: 'workingDays' },
    }
    const templateIds = {
      ticketAccepted: 'wxA1',
      ticketProgress: 'wxA2',
      ticketResolved: 'wxA3',
      taskNew: 'wxB1',
      taskDue: 'wxB2',
      overdueAlert: 'wxB3',
    }
    const calendar = {
      year: 2027,
      overrides: [
        { date: '2027-01-01', kind: 'holiday', note: '元旦' },
        { date: '2027-02-07', kind: 'workday', note: '春节调休' },
      ],
    }
    const saved = expectOk(
      await town.call('roster', { action: 'saveTownConfig', ladder, templateIds, calendar }, 'demo-admin'),
    )
    expect(saved.saved).toEqual(['ladder', 'templateIds', 'calendar'])
    expect(saved.config.ladder).toEqual(ladder)
    expect(saved.config.calendar.overrides).toEqual(calendar.overrides)
    const stored = await configDoc()
    expect(stored.rules.ladder).toEqual(ladder)
    expect(
      stored.rules.timeLimits.find((r: { categoryCode: string }) => r.categoryCode === 'safety').signFor,
    ).toEqual({
      amount: 20,
      unit: 'minutes',
    })
    expect(stored.templates.taskNew.templateId).toBe('wxB1')
    expect(stored.templates.taskNew.fields.dueAt).toEqual({ keyword: 'time4', label: '截止时间' })

    const me = expectOk(await town.call('roster', { action: 'me' }, 'demo-resident-1'))
    expect(me.subscribeTemplates).toEqual({
      reporter: ['wxA1', 'wxA2', 'wxA3'],
      staff: ['wxB1', 'wxB2', 'wxB3'],
    })

    const log = expectOk(await town.call('roster', { action: 'auditLog', pageSize: 1 }, 'demo-admin'))
    expect(log.items[0].summary).toBe(
      '督办设置：提前提醒比例 0.25 → 0.5，最多提前 60 → 30 分钟，超时后上报督导员 1个工作日 → 2个工作日；' +
        '消息模板：工单受理通知 TPL_TICKET_ACCEPTED → wxA1；工单处理进度通知 TPL_TICKET_PROGRESS → wxA2；' +
        '工单办结通知 TPL_TICKET_RESOLVED → wxA3；待办事项提醒 TPL_TASK_NEW → wxB1；' +
        '工单即将超时提醒 TPL_TASK_DUE → wxB2；督办提醒 TPL_OVERDUE_ALERT → wxB3；' +
        '节假日与调休：2027 年 放假 1 天，调休上班 1 天',
    )
  })

  const bad: [string, Record<string, unknown>, string][] = [
    ['nothing to save', {}, '没有要保存的设置'],
    ['a zero time limit', { categories: 'zeroLimit' }, '时限必须大于 0'],
    ['a removed category', { categories: 'dropOther' }, '分类不能删除，可以停用：其他'],
    ['two categories of one name', { categories: 'sameName' }, '分类名称重复'],
    ['an icon of two characters', { categories: 'longIcon' }, '图标只能是一个字'],
    [
      'a ladder fraction above 1',
      {
        ladder: {
          reminderFraction: 2,
          reminderMaxLeadMinutes: 30,
          supervisorAfter: { amount: 1, unit: 'days' },
        },
      },
      '提醒比例无效',
    ],
    ['a template id with spaces', { templateIds: 'spaced' }, '模板编号只能含字母、数字、- 和 _'],
    [
      'a date of another year',
      { calendar: { year: 2027, overrides: [{ date: '2028-01-01', kind: 'holiday' }] } },
      '2028-01-01 不是 2027 年的日期',
    ],
    [
      'a date twice',
      {
        calendar: {
          year: 2027,
          overrides: [
            { date: '2027-05-01', kind: 'holiday' },
            { date: '2027-05-01', kind: 'workday' },
          ],
        },
      },
      '2027-05-01 重复',
    ],
  ]

  it.each(bad)('refuses %s with a Chinese message, writing nothing', async (_name, given, message) => {
    const view: View = expectOk(await town.call('roster', { action: 'townConfig' }, 'demo-admin'))
    const variants: Record<string, unknown> = {
      zeroLimit: view.categories.map((c, i) =>
        i === 1 ? { ...c, resolve: { amount: 0, unit: 'workingDays' } } : c,
      ),
      dropOther: view.categories.filter((c) => c.code !== 'other'),
      sameName: view.categories.map((c, i) => (i === 1 ? { ...c, name: '安全隐患' } : c)),
      longIcon: view.categories.map((c, i) => (i === 0 ? { ...c, icon: '危险' } : c)),
      spaced: {
        ticketAccepted: 'wx A1',
        ticketProgress: 'x',
        ticketResolved: 'x',
        taskNew: 'x',
        taskDue: 'x',
        overdueAlert: 'x',
      },
    }
    const request = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [k, typeof v === 'string' ? variants[v] : v]),
    )
    const configBefore = await configDoc()
    const audits = await town.count('auditLog')
    const res = await town.call('roster', { action: 'saveTownConfig', ...request }, 'demo-admin')
    expect(res.ok ? null : res.error.code).toBe('INVALID_INPUT')
    expect(res.ok ? '' : JSON.stringify(res.error)).toContain(message)
    expect(await configDoc()).toEqual(configBefore)
    expect(await town.count('auditLog')).toBe(audits)
  })

  it('is the office’s alone', async () => {
    const configBefore = await configDoc()
    for (const openid of ['demo-worker-1', 'demo-resident-1']) {
      const read = await town.call('roster', { action: 'townConfig' }, openid)
      expect(read.ok ? null : read.error.code).toBe('FORBIDDEN')
      const write = await town.call(
        'roster',
        { action: 'saveTownConfig', calendar: { year: 2027, overrides: [] } },
        openid,
      )
      expect(write.ok ? null : write.error.code).toBe('FORBIDDEN')
    }
    expect(await configDoc()).toEqual(configBefore)
  })
})

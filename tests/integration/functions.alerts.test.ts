/**
 * Alerts that reach staff outside the app, configured per town: long-term subscribe messages (one
 * consent, many sends; 43101 turns it off) and 企业微信 group robots (a post per escalation level,
 * the daily digest, retries and a failure the board shows, 20 messages a minute), all through the
 * outbox. The robots' posts are read where the local cloud captures them (`GET /__dev/webhooks`).
 */
import { DEFAULT_TEMPLATE_CONFIG, createWorkingCalendar, shanghaiDate } from '@shared/index'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

const VILLAGE_KEY = 'shiqiao-robot-0001-aaaa'
const TOWN_KEY = 'town-office-robot-0001-bbbb'
const LONG_TERM = {
  taskNew: 'TPL_LT_TASK_NEW',
  taskDue: 'TPL_LT_TASK_DUE',
  overdueAlert: 'TPL_LT_OVERDUE_ALERT',
} as const

let town: Town
beforeAll(async () => {
  town = await startTown()
  await town.db
    .collection('config')
    .doc('town:town-qingshan')
    .update({
      data: {
        limits: { submissionsPerDay: 1000 },
        templates: Object.fromEntries(
          Object.entries(LONG_TERM).map(([k, templateId]) => [
            k,
            { ...DEFAULT_TEMPLATE_CONFIG[k as keyof typeof LONG_TERM], templateId, longTerm: true },
          ]),
        ),
        alerts: { robots: { town: TOWN_KEY, villages: { v01: VILLAGE_KEY } } },
      },
    })
  await town.townChanged()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

interface Post {
  key: string
  msgtype: string
  body: {
    markdown?: { content: string }
    text?: { content: string; mentioned_mobile_list?: string[] }
  }
  at: string
  errcode: number
}

async function posts(key: string): Promise<Post[]> {
  const res = await town.cloud.request(`/__dev/webhooks?key=${encodeURIComponent(key)}`)
  return res.body.posts
}
const markdownOf = (ps: Post[]) =>
  ps.filter((p) => p.msgtype === 'markdown' && p.errcode === 0).map((p) => p.body.markdown?.content ?? '')

/** An urgent report of 石桥村一组 (g01): demo-worker-1 must sign for it within 30 minutes. */
async function urgentReport(resident = 'demo-resident-1'): Promise<{ ticketId: string; number: string }> {
  const s = expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'safety',
        description: '废弃鱼塘边有小孩玩水，有溺水危险',
      },
      resident,
    ),
  )
  return { ticketId: s.ticketId, number: s.number }
}

const advance = (minutes: number) => town.cloud.dev.clock({ advanceMs: minutes * 60_000 })

async function ticket(ticketId: string) {
  return (await town.db.collection('tickets').doc(ticketId).get()).data
}

async function phoneOf(staffId: string): Promise<string> {
  return (await town.db.collection('staff').doc(staffId).get()).data.phone
}

let first: { ticketId: string; number: string }

describe('long-term subscribe messages', () => {
  it('sends every alert after one consent, and the consent is not spent', async () => {
    // One "allow" tap: WeChat records it, the client reports it.
    await town.cloud.dev.subscribe('demo-worker-1', Object.values(LONG_TERM))
    const results = Object.fromEntries(Object.values(LONG_TERM).map((id) => [id, 'accept']))
    expectOk(await town.call('messages', { action: 'reportSubscriptions', results }, 'demo-worker-1'))

    first = await urgentReport()
    await advance(1)
    for (const guide of ['demo-village-guide-1', 'demo-town-guide-1', 'demo-supervisor-1'])
      expectOk(await town.call('supervision', { action: 'remind', ticketId: first.ticketId }, guide))
    await town.sweep()

    const delivered = (await town.cloud.dev.messages('demo-worker-1')).body.messages.filter(
      (m: { data: Record<string, { value: string }> }) => m.data.character_string1.value === first.number,
    )
    expect(delivered.map((m: { templateId: string }) => m.templateId).sort()).toEqual([
      'TPL_LT_TASK_DUE',
      'TPL_LT_TASK_DUE',
      'TPL_LT_TASK_DUE',
      'TPL_LT_TASK_NEW',
    ])
    const credits = expectOk(
      await town.call('messages', { action: 'subscriptionCredits', group: 'staff' }, 'demo-worker-1'),
    )
    expect(credits.templates).toEqual([
      { templateId: 'TPL_LT_TASK_NEW', title: '待办事项提醒', credits: 1, longTerm: true },
      { templateId: 'TPL_LT_TASK_DUE', title: '工单即将超时提醒', credits: 1, longTerm: true },
      { templateId: 'TPL_LT_OVERDUE_ALERT', title: '督办提醒', credits: 1, longTerm: true },
    ])
    expect(credits.groupRobot).toBe(true)
  })
})

describe('企业微信 group robots', () => {
  it('posts each escalation level to the village’s group (督办 and 挂牌督办 also to the town office)', async () => {
    await advance(31) // past the 30-minute sign-for deadline: 催办
    await town.sweep()
    await advance(24 * 60) // past the 24-hour resolve deadline: 督办
    await town.sweep()
    for (let day = 0; day < 6 && (await ticket(first.ticketId)).escalation.level < 3; day++) {
      await advance(24 * 60) // a working day later: 挂牌督办
      await town.sweep()
    }
    expect((await ticket(first.ticketId)).escalation.level).toBe(3)

    const village = markdownOf(await posts(VILLAGE_KEY)).filter((c) => c.includes(first.number))
    const office = markdownOf(await posts(TOWN_KEY)).filter((c) => c.includes(first.number))
    const levels = (contents: string[]) =>
      ['【催办】', '【督办】', '【挂牌督办】'].filter((tag) => contents.some((c) => c.includes(tag)))
    expect(levels(village)).toEqual(['【催办】', '【督办】', '【挂牌督办】'])
    expect(levels(office)).toEqual(['【督办】', '【挂牌督办】'])
    for (const c of village) {
      expect(c).toContain('石桥村一组')
      expect(c).toMatch(/已逾\d/)
      expect(c).toMatch(/责任人[：\s]\S+/)
    }
    // The people concerned are @-mentioned by phone in a text message (markdown cannot mention).
    const workerPhone = await phoneOf('st-worker-1')
    const mentions = (await posts(VILLAGE_KEY)).filter(
      (p) => p.msgtype === 'text' && p.body.text?.content.includes(first.number),
    )
    expect(mentions.length).toBeGreaterThan(0)
    expect(mentions[0].body.text?.mentioned_mobile_list).toContain(workerPhone)
  }, 120_000)

  it('posts one daily digest at 08:30 on a working day, per village group and for the town office', async () => {
    const now = await town.now()
    const calendar = createWorkingCalendar()
    let day = shanghaiDate(now.getTime() + 24 * 3_600_000)
    while (!calendar.isWorkingDay(day))
      day = shanghaiDate(Date.parse(`${day}T12:00:00+08:00`) + 24 * 3_600_000)
    await town.cloud.dev.clock({ now: `${day}T08:35:00+08:00` })
    const before = markdownOf(await posts(VILLAGE_KEY)).filter((c) => c.includes('超时工单日报')).length
    await town.sweep()
    await advance(1)
    await town.sweep() // a second run in the hour posts nothing more
    const village = markdownOf(await posts(VILLAGE_KEY)).filter((c) => c.includes('超时工单日报'))
    const office = markdownOf(await posts(TOWN_KEY)).filter((c) => c.includes('超时工单日报'))
    expect(village.length - before).toBe(1)
    expect(office.length).toBe(1)
    const digest = village.at(-1) as string
    expect(digest).toMatch(/^### 石桥村超时工单日报（\d{1,2}月\d{1,2}日）\n共 \d+ 张：/)
    expect(digest).toContain(first.number)
    expect(digest).toMatch(new RegExp(`${first.number} 一组 .*【挂牌督办】.* 已逾\\d`))
    expect(office[0]).toMatch(/^### 青山镇超时工单日报/)
    expect(office[0]).toContain(`${first.number} 石桥村一组`)
  }, 60_000)

  it('keeps the key a secret: never in an answer, a stored reason or the log', async () => {
    const answers = await Promise.all([
      town.call('supervision', { action: 'overdueBoard', pageSize: 50 }, 'demo-admin'),
      town.call('roster', { action: 'me' }, 'demo-admin'),
      town.call('messages', { action: 'subscriptionCredits', group: 'staff' }, 'demo-admin'),
    ])
    for (const a of answers) {
      expect(JSON.stringify(a)).not.toContain(VILLAGE_KEY)
      expect(JSON.stringify(a)).not.toContain(TOWN_KEY)
    }
    const stored = await town.db.collection('notifications').where({ channel: 'robot' }).limit(100).get()
    expect(JSON.stringify(stored.data)).not.toContain(VILLAGE_KEY)
    expect(town.cloud.logs()).not.toContain(VILLAGE_KEY)
  })
})

describe('when a channel fails', () => {
  it('a long-term consent refused with 43101 is turned off; the group robot still reaches the worker', async () => {
    const t = await urgentReport()
    await advance(31)
    await town.cloud.dev.faults({ 'subscribeMessage.send': { failNext: 50, errCode: 43101 } })
    await town.sweep()
    await town.cloud.dev.faults({ 'subscribeMessage.send': { failNext: 0 } })

    const mine = await town.db
      .collection('notifications')
      .where({ ticketId: t.ticketId, recipient: 'staff:st-worker-1', templateKey: 'overdueAlert' })
      .get()
    expect(mine.data).toHaveLength(1)
    expect(mine.data[0]).toMatchObject({ state: 'inAppOnly', reason: 'refused' })
    const credits = expectOk(
      await town.call('messages', { action: 'subscriptionCredits', group: 'staff' }, 'demo-worker-1'),
    )
    expect(
      credits.templates.find((c: { templateId: string }) => c.templateId === 'TPL_LT_OVERDUE_ALERT'),
    ).toEqual({ templateId: 'TPL_LT_OVERDUE_ALERT', title: '督办提醒', credits: 0, longTerm: true })
    const workerPhone = await phoneOf('st-worker-1')
    const village = await posts(VILLAGE_KEY)
    expect(markdownOf(village).some((c) => c.includes(t.number) && c.includes('【催办】'))).toBe(true)
    expect(
      village.some(
        (p) =>
          p.body.text?.content.includes(t.number) && p.body.text.mentioned_mobile_list?.includes(workerPhone),
      ),
    ).toBe(true)

    // The next alert is not even tried by WeChat: in-app (and the group) only.
    const sentBefore = (await town.cloud.dev.messages('demo-worker-1')).body.messages.length
    expectOk(await town.call('supervision', { action: 'remind', ticketId: t.ticketId }, 'demo-admin'))
    await town.sweep()
    expect((await town.cloud.dev.messages('demo-worker-1')).body.messages.length).toBe(sentBefore)
    const last = await town.db
      .collection('notifications')
      .where({ ticketId: t.ticketId, recipient: 'staff:st-worker-1', templateKey: 'overdueAlert' })
      .orderBy('createdAt', 'desc')
      .limit(1)
      .get()
    expect(last.data[0]).toMatchObject({ state: 'inAppOnly', reason: 'noCredit' })
  })

  it('a robot post refused every time is retried, then shown as failed on the board', async () => {
    const fault = await town.cloud.request('/__dev/webhooks/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: VILLAGE_KEY, failNext: 1000, errcode: 93000 }),
    })
    expect(fault.status).toBe(200)
    const t = await urgentReport()
    await advance(31)
    await town.sweep()
    const robotDoc = async () =>
      (
        await town.db
          .collection('notifications')
          .where({ ticketId: t.ticketId, channel: 'robot', recipient: 'robot:v01' })
          .get()
      ).data[0]
    expect(await robotDoc()).toMatchObject({ state: 'pending', attempts: 1 })
    for (const minutes of [1, 2, 5, 15]) {
      await advance(minutes)
      await town.sweep()
    }
    const failed = await robotDoc()
    expect(failed).toMatchObject({ state: 'failed', attempts: 5 })
    expect(failed.reason).toMatch(/^robot 93000 /)
    expect(failed.reason).not.toContain(VILLAGE_KEY)

    const board = expectOk(
      await town.call('supervision', { action: 'overdueBoard', pageSize: 50 }, 'demo-supervisor-1'),
    )
    const row = board.items.find((i: { _id: string }) => i._id === t.ticketId)
    expect(row.robot).toMatchObject({ state: 'failed' })
    await town.cloud.request('/__dev/webhooks/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: VILLAGE_KEY, failNext: 0 }),
    })
  }, 60_000)

  it('never posts more than 20 messages a minute to one group: the rest go in one batch, none dropped', async () => {
    const tickets = []
    for (let i = 0; i < 24; i++) tickets.push(await urgentReport(`demo-resident-${(i % 6) + 1}`))
    await advance(31)
    const sweptAt = (await town.now()).getTime()
    await town.sweep()
    const recent = (await posts(VILLAGE_KEY)).filter((p) => p.errcode === 0 && Date.parse(p.at) >= sweptAt)
    expect(recent.length).toBeLessThanOrEqual(20)
    const contents = recent.map((p) => p.body.markdown?.content ?? '').join('\n')
    for (const t of tickets) expect(contents).toContain(t.number)
    expect(contents).toMatch(/### 超时提醒汇总（\d+ 条）/)
  }, 120_000)
})

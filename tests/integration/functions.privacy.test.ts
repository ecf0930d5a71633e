/**
 * A resident's rights over their data: see it, export it (a file in cloud storage), correct name and
 * phone, delete the account — the reports stay in the town's ledger with the person removed.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

jest.setTimeout(60_000)

let town: Town
beforeAll(async () => {
  town = await startTown()
})
afterAll(() => town?.stop())

const me = 'demo-resident-7'
const residents = (action: string, body: object = {}, openid = me) =>
  town.call('residents', { action, ...body }, openid)

describe('我的信息', () => {
  let ticketId: string
  let assignee: string

  beforeAll(async () => {
    expectOk(await residents('correctMe', { name: '孙七', phone: '13812345678' }))
    const submitted = expectOk(
      await town.call(
        'tickets',
        {
          action: 'submit',
          clientRequestId: requestId(),
          categoryCode: 'other',
          description: '村口路灯不亮了',
        },
        me,
      ),
    )
    ticketId = submitted.ticketId
    const ticket = (await town.db.collection('tickets').doc(ticketId).get()).data
    const staff = (await town.db.collection('staff').doc(ticket.assigneeId).get()).data
    assignee = staff.openid
  })

  it('shows what is held: home grid, name, phone, reports, messages', async () => {
    const data = expectOk(await residents('myData'))
    expect(data).toMatchObject({ held: true, name: '孙七', phone: '13812345678' })
    expect(data.homeGrid).toEqual({ _id: expect.any(String), name: expect.any(String) })
    expect(data.reports.map((r: { ticketId: string }) => r.ticketId)).toContain(ticketId)
    expect(data.messages).toBeGreaterThanOrEqual(1)
  })

  it('refuses a correction with nothing to correct, and a bad phone', async () => {
    const none = await residents('correctMe')
    expect(none.ok ? null : none.error.details).toEqual([
      { path: 'name', message: '请填写要更正的姓名或手机号' },
    ])
    const bad = await residents('correctMe', { phone: '12345' })
    expect(bad.ok ? null : bad.error.details).toEqual([{ path: 'phone', message: '手机号格式不正确' }])
  })

  it('exports everything as a file in cloud storage', async () => {
    const out = expectOk(await residents('exportMyData'))
    expect(out.fileID).toMatch(/^cloud:\/\/.+\/exports\/demo-resident-7\/\d+\.json$/)
    const file = await (await fetch(out.url)).json()
    expect(file.resident).toMatchObject({ name: '孙七', phone: '13812345678' })
    expect(file.reports.map((r: { _id: string }) => r._id)).toContain(ticketId)
    expect(file.messages.length).toBeGreaterThanOrEqual(1)
  })

  it('deletes the account: the report stays in the ledger with the person removed', async () => {
    const done = expectOk(await residents('deleteAccount', { confirm: true }))
    expect(done.reportsKept).toBeGreaterThanOrEqual(1)
    const view = expectOk(await town.call('tickets', { action: 'detail', ticketId }, assignee)).ticket
    expect(view.description).toBe('村口路灯不亮了')
    expect(view.reporter.name).toBe('已注销')
    expect(view.reporter.phone).toBeUndefined()
    const stored = (await town.db.collection('tickets').doc(ticketId).get()).data
    expect(stored.reporter).toMatchObject({ openid: 'erased', name: '已注销' })
    expect(JSON.stringify(stored)).not.toMatch(/13812345678|孙七|demo-resident-7/)
    expect(await town.count('residents', { openid: me })).toBe(0)
    expect(await town.count('notifications', { recipient: `openid:${me}` })).toBe(0)
    expect(expectOk(await residents('myData'))).toMatchObject({ held: false, reports: [], messages: 0 })
  })

  it('a second delete changes nothing; deleting needs confirm: true; staff are referred to the office', async () => {
    expect(expectOk(await residents('deleteAccount', { confirm: true }))).toEqual({
      reportsKept: 0,
      messagesDeleted: 0,
    })
    const unconfirmed = await residents('deleteAccount', {}, 'demo-resident-8')
    expect(unconfirmed.ok ? null : unconfirmed.error.code).toBe('INVALID_INPUT')
    const staff = await residents('deleteAccount', { confirm: true }, 'demo-worker-1')
    expect(staff.ok ? null : staff.error).toEqual({
      code: 'FORBIDDEN',
      message: '工作人员身份请联系镇网格办注销',
    })
  })
})

describe('retention: contact details of tickets finished long ago are removed', () => {
  it('the sweep at the top of an hour masks tickets closed more than 24 months before, and no others', async () => {
    const closed = await town.db.collection('tickets').where({ status: 'closed' }).limit(100).get()
    const open = await town.db.collection('tickets').where({ status: 'inProgress' }).limit(1).get()
    expect(closed.data.length).toBeGreaterThan(0)
    const withPhone = open.data[0]
    // 24 months and a day after the latest close, at minute 0 of an hour
    const latest = Math.max(...closed.data.map((t: { closedAt: string }) => Date.parse(t.closedAt)))
    const at = new Date(latest)
    at.setUTCMonth(at.getUTCMonth() + 24)
    at.setUTCDate(at.getUTCDate() + 1)
    at.setUTCMinutes(0, 30, 0)
    await town.cloud.dev.clock({ now: at.toISOString() })
    const report = await town.sweep()
    expect(report.contactsMasked).toBe(closed.data.length)
    for (const t of closed.data) {
      const stored = (await town.db.collection('tickets').doc(t._id).get()).data
      expect(stored.reporter.phone).toBeUndefined()
      expect(stored.reporter.name).toBeUndefined()
      expect(stored.onBehalfOf).toBeNull()
      expect(stored.description).toBe(t.description)
      expect(stored.contactMaskedAt.slice(0, 16)).toBe(at.toISOString().slice(0, 16)) // the virtual clock runs on
    }
    const still = (await town.db.collection('tickets').doc(withPhone._id).get()).data
    expect(still.reporter).toEqual(withPhone.reporter)
    expect(still.contactMaskedAt).toBeUndefined()
    // a second sweep in the same hour finds nothing more to mask
    expect((await town.sweep()).contactsMasked).toBe(0)
  })
})

/**
 * The grid office's roster on a real local cloud (demo town, docs/demo-town.md): `roster.listStaff`
 * pages the town's ~940 staff by name, finds them by a name prefix and names their places;
 * `roster.regenerateInvite` replaces an unbound person's code; only the admin may do either.
 * And `messages.subscriptionCredits`: what a staff member's "allow" taps have left.
 */
import { DEFAULT_TEMPLATE_CONFIG, type StaffRow } from '@shared/index'
import { expectOk, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const ADMIN = 'demo-admin'
type StaffPage = { items: StaffRow[]; nextCursor: string | null }
const list = (body: Record<string, unknown>, openid = ADMIN) =>
  town.call<StaffPage>('roster', { action: 'listStaff', ...body }, openid)

describe('roster.listStaff', () => {
  it('pages the whole town by name, each person once, in name order', async () => {
    const seen: Array<{ _id: string; name: string }> = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: StaffPage = expectOk(await list({ pageSize: 50, cursor }))
      expect(page.items.length).toBeLessThanOrEqual(50)
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor !== null && pages < 100)
    const total = await town.count('staff', { townId: 'town-qingshan' })
    expect(total).toBeGreaterThan(900)
    expect(seen).toHaveLength(total)
    expect(new Set(seen.map((s) => s._id)).size).toBe(total)
    const key = (s: { name: string; _id: string }) => [s.name, s._id]
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [key(seen[i - 1]), key(seen[i])]
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true)
    }
  })

  it('answers the default page size with a cursor, and a page costs a few database operations', async () => {
    const r = await list({})
    const page = expectOk(r)
    expect(page.items).toHaveLength(20)
    expect(page.nextCursor).toEqual(expect.any(String))
    expect(r.ops).toBeLessThanOrEqual(6)
  })

  it('finds people by the start of their name and names where they work', async () => {
    const worker = (await town.db.collection('staff').doc('st-worker-1').get()).data
    const prefix = worker.name.slice(0, 2)
    const page = expectOk(await list({ namePrefix: ` ${prefix} `, pageSize: 50 }))
    expect(page.items.length).toBeGreaterThan(0)
    for (const s of page.items) expect(s.name.startsWith(prefix)).toBe(true)
    const row = page.items.find((s) => s._id === 'st-worker-1')
    expect(row).toEqual({
      _id: 'st-worker-1',
      name: worker.name,
      phone: worker.phone,
      roles: ['gridWorker'],
      villages: [{ _id: 'v01', name: '石桥村' }],
      grids: [{ _id: 'g01', name: '石桥村一组' }],
      bound: true,
      active: true,
      invite: { state: 'used', expiresAt: worker.invite.expiresAt },
    })
    expect(JSON.stringify(page)).not.toContain(worker.invite.code)
    expect(JSON.stringify(page)).not.toContain('demo-worker-1') // no openids
  })

  it('shows an unbound entry with a usable invite, and a prefix nobody has finds nobody', async () => {
    const unbound = (await town.db.collection('staff').doc('st-unbound-1').get()).data
    const page = expectOk(await list({ namePrefix: unbound.name, pageSize: 50 }))
    const row = page.items.find((s) => s._id === 'st-unbound-1')
    expect(row).toMatchObject({ bound: false, invite: { state: 'pending' } })
    expect(expectOk(await list({ namePrefix: '欧阳' }))).toEqual({ items: [], nextCursor: null })
  })

  it.each([
    ['a grid worker', 'demo-worker-1', 'FORBIDDEN'],
    ['a village guide', 'demo-village-guide-1', 'FORBIDDEN'],
    ['a town guide', 'demo-town-guide-1', 'FORBIDDEN'],
    ['a town supervisor', 'demo-supervisor-1', 'FORBIDDEN'],
    ['a resident', 'demo-resident-1', 'FORBIDDEN'],
  ])('refuses %s', async (_who, openid, code) => {
    const r = await list({}, openid)
    expect(r.ok ? 'ok' : r.error.code).toBe(code)
  })

  it('refuses a malformed cursor and an over-long page', async () => {
    for (const body of [{ cursor: 'not-a-cursor' }, { pageSize: 51 }]) {
      const r = await list(body)
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT')
    }
  })
})

describe('roster.createStaff → listStaff → regenerateInvite', () => {
  it('lists a new person as unbound with a pending invite, and a new code replaces the old', async () => {
    const created = expectOk(
      await town.call(
        'roster',
        {
          action: 'createStaff',
          name: '欧阳新来',
          phone: '13911113333',
          roles: ['townGuide'],
          villageIds: ['v02', 'v03'],
        },
        ADMIN,
      ),
    )
    const listed = expectOk(await list({ namePrefix: '欧阳' }))
    expect(listed.items).toEqual([
      {
        _id: created.staffId,
        name: '欧阳新来',
        phone: '13911113333',
        roles: ['townGuide'],
        villages: [
          { _id: 'v02', name: '枫林村' },
          { _id: 'v03', name: '柳溪村' },
        ],
        grids: [],
        bound: false,
        active: true,
        invite: { state: 'pending', expiresAt: created.inviteExpiresAt },
      },
    ])

    const refused = await town.call(
      'roster',
      { action: 'regenerateInvite', staffId: created.staffId },
      'demo-worker-1',
    )
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
    const renewed = expectOk(
      await town.call('roster', { action: 'regenerateInvite', staffId: created.staffId }, ADMIN),
    )
    expect(renewed.staffId).toBe(created.staffId)
    expect(renewed.inviteCode).toMatch(/^[A-Z0-9]{8}$/)
    expect(renewed.inviteCode).not.toBe(created.inviteCode)

    const old = await town.call('roster', { action: 'bindInvite', code: created.inviteCode }, 'ouyang-wx')
    expect(old.ok ? 'ok' : old.error.code).toBe('NOT_FOUND')
    expectOk(await town.call('roster', { action: 'bindInvite', code: renewed.inviteCode }, 'ouyang-wx'))
    const after = expectOk(await list({ namePrefix: '欧阳' }))
    expect(after.items[0]).toMatchObject({ bound: true, invite: { state: 'used' } })

    const again = await town.call('roster', { action: 'regenerateInvite', staffId: created.staffId }, ADMIN)
    expect(again.ok ? 'ok' : again.error.code).toBe('INVALID_TRANSITION')
    const unknown = await town.call('roster', { action: 'regenerateInvite', staffId: 'st-nobody' }, ADMIN)
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND')
  })
})

describe('messages.subscriptionCredits', () => {
  it("tells a worker what their taps have left, by the town's titles", async () => {
    const staff = ['taskNew', 'taskDue', 'overdueAlert'] as const
    const ids = staff.map((k) => DEFAULT_TEMPLATE_CONFIG[k].templateId)
    const before = expectOk(
      await town.call('messages', { action: 'subscriptionCredits', group: 'staff' }, 'demo-worker-2'),
    )
    expect(before.templates).toEqual(
      staff.map((k) => ({
        templateId: DEFAULT_TEMPLATE_CONFIG[k].templateId,
        title: DEFAULT_TEMPLATE_CONFIG[k].title,
        credits: 0,
        longTerm: false,
      })),
    )
    const results = { [ids[0]]: 'accept', [ids[1]]: 'accept', [ids[2]]: 'reject' }
    for (let i = 0; i < 2; i++)
      expectOk(await town.call('messages', { action: 'reportSubscriptions', results }, 'demo-worker-2'))
    const after = expectOk(
      await town.call('messages', { action: 'subscriptionCredits', group: 'staff' }, 'demo-worker-2'),
    )
    expect(after.templates.map((t: { credits: number }) => t.credits)).toEqual([2, 2, 0])
    const bad = await town.call('messages', { action: 'subscriptionCredits', group: 'boss' }, 'demo-worker-2')
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT')
  })
})

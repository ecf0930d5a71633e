/**
 * What callers are shown, on a real local cloud: the reporter's contact taken from their resident
 * record when the report carries none (the phone masked for everyone on staff: the assignee asks
 * for it with 查看号码; the name whole for the assignee, masked for others), the detail's
 * grid, village and assignee names, and roster.me's town choices (categories, subscribe templates).
 */
import {
  DEFAULT_CATEGORIES,
  DEFAULT_TEMPLATE_CONFIG,
  activeCategories,
  maskName,
  maskPhone,
} from '@shared/index'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
const TOWN_CONFIG = 'town:town-qingshan'
// The town edits its catalogue before anyone asked roster.me (its config is cached per warm instance).
const TOWN_CATEGORIES = [
  ...DEFAULT_CATEGORIES.map((c) => (c.code === 'other' ? { ...c, active: false } : c)),
  {
    code: 'flood',
    name: '防汛',
    hint: '积水、塌方、山洪',
    defaultPriority: 'urgent',
    active: true,
    order: 0,
  },
]

beforeAll(async () => {
  town = await startTown()
  await town.db
    .collection('config')
    .doc(TOWN_CONFIG)
    .update({
      data: {
        categories: TOWN_CATEGORIES,
        templates: {
          ...DEFAULT_TEMPLATE_CONFIG,
          overdueAlert: { ...DEFAULT_TEMPLATE_CONFIG.overdueAlert, templateId: 'TPL_QS_OVERDUE' },
        },
      },
    })
  await town.townChanged()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

const submit = async (openid: string, extra: Record<string, unknown> = {}) =>
  expectOk(
    await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'environment',
        description: '小区门口的污水井冒水了',
        ...extra,
      },
      openid,
    ),
  ).ticketId as string

const detail = async (ticketId: string, openid: string) =>
  expectOk(await town.call('tickets', { action: 'detail', ticketId }, openid)).ticket

const record = async (collection: string, id: string) =>
  (await town.db.collection(collection).doc(id).get()).data

describe("the reporter's contact", () => {
  it('comes from the resident record when the report leaves none: the assignee may ask for it, a supervisor sees it masked', async () => {
    const resident = await record('residents', 'r_demo-resident-42')
    expect(resident.name).toBeTruthy()
    const id = await submit('demo-resident-42')
    expect((await detail(id, 'demo-worker-42')).reporter).toEqual({
      hidden: false,
      masked: true,
      revealable: true,
      role: 'resident',
      name: resident.name,
      phone: maskPhone(resident.phone),
    })
    const asked = await town.call('tasks', { action: 'revealContact', ticketId: id }, 'demo-worker-42')
    expect(expectOk(asked).phone).toBe(resident.phone)
    expect((await detail(id, 'demo-supervisor-7')).reporter).toMatchObject({
      masked: true,
      name: maskName(resident.name),
      phone: maskPhone(resident.phone),
    })
  })

  it('keeps what the reporter typed and fills only the missing field', async () => {
    const resident = await record('residents', 'r_demo-resident-43')
    const id = await submit('demo-resident-43', { contact: { phone: '13812345678' } })
    expect((await detail(id, 'demo-worker-43')).reporter).toMatchObject({
      name: resident.name,
      phone: '138****5678',
    })
    const asked = await town.call('tasks', { action: 'revealContact', ticketId: id }, 'demo-worker-43')
    expect(expectOk(asked).phone).toBe('13812345678')
  })

  it('is not attached to an anonymous report', async () => {
    const id = await submit('demo-resident-44', { anonymous: true })
    const stored = await record('tickets', id)
    expect(stored.reporter.name).toBeUndefined()
    expect(stored.reporter.phone).toBeUndefined()
    expect((await detail(id, 'demo-worker-44')).reporter).toEqual({ hidden: true, masked: false })
  })
})

describe('the detail', () => {
  it('names the grid, the village and the assignee, for the reporter and for the assignee', async () => {
    const id = await submit('demo-resident-42')
    const worker = await record('staff', 'st-worker-42')
    for (const viewer of ['demo-resident-42', 'demo-worker-42']) {
      expect(await detail(id, viewer)).toMatchObject({
        gridId: 'g42',
        gridName: '六组',
        villageName: '龙泉社区',
        assigneeName: worker.name,
      })
    }
  })
})

describe('roster.me', () => {
  it("offers the town's active categories in order and its subscribe template ids", async () => {
    for (const openid of ['demo-resident-45', 'demo-worker-45', 'a-newcomer-without-town']) {
      const me = expectOk(await town.call('roster', { action: 'me' }, openid))
      expect(me.categories).toEqual(activeCategories(TOWN_CATEGORIES as typeof DEFAULT_CATEGORIES))
      expect(me.categories[0].code).toBe('flood')
      expect(me.categories.map((c: { code: string }) => c.code)).not.toContain('other')
      expect(me.subscribeTemplates).toEqual({
        reporter: ['TPL_TICKET_ACCEPTED', 'TPL_TICKET_PROGRESS', 'TPL_TICKET_RESOLVED'],
        staff: ['TPL_TASK_NEW', 'TPL_TASK_DUE', 'TPL_QS_OVERDUE'],
      })
    }
  })
})

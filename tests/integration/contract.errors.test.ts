/**
 * The error contract (docs/api.md): every action, called by every kind of caller with valid requests
 * aimed at real records in many states, answers only codes it declares; body-level problems are
 * INVALID_INPUT with one body-level detail; UNAUTHENTICATED means no WeChat identity, and a known
 * caller without the role is FORBIDDEN and told what to do; retries with changed content answer the
 * first call's record.
 */
import { FUNCTION_SCHEMAS } from '@shared/index'
import fc from 'fast-check'
import { validRequest, type Pools } from '../helpers/requestArbitraries'
import { actionsUnderTest, CALLERS, FUZZ_SEED, lastCode, poolsOf, violation } from './contract.harness'
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

jest.setTimeout(120_000)

let town: Town
let pools: Pools
beforeAll(async () => {
  town = await startTown()
  pools = await poolsOf(town)
})
afterAll(() => town?.stop())

const raw = (fn: string, body: string, openid = 'demo-resident-1') => town.cloud.call(fn, body, openid)

describe('every action answers only the codes it declares', () => {
  const seen = new Set<string>()

  it.each(actionsUnderTest().map((t, i) => [`${t.fn}.${t.action}`, t, i] as const))(
    '%s, as each kind of caller',
    async (_name, target, i) => {
      const bodies = fc.sample(validRequest(target.schema, pools), {
        numRuns: 2 * CALLERS.length,
        seed: FUZZ_SEED + i,
      })
      const broken: string[] = []
      for (const [k, body] of bodies.entries()) {
        const openid = CALLERS[k % CALLERS.length]
        const problem = await violation(town, target, body, openid)
        if (problem) broken.push(problem)
        seen.add(lastCode)
      }
      expect(broken).toEqual([])
    },
  )

  it('reached past input checks into permissions, states and versions', () => {
    for (const code of ['ok', 'INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT'])
      expect([...seen]).toContain(code)
  })

  it('declares codes for every action a function has, and a response schema', () => {
    for (const spec of Object.values(FUNCTION_SCHEMAS))
      expect(Object.keys(spec.errors).sort()).toEqual(Object.keys(spec.responses).sort())
  })
})

describe('INVALID_INPUT always says what is wrong', () => {
  const body = (message: string, path = '') => ({
    ok: false,
    error: { code: 'INVALID_INPUT', message, details: [{ path, message }] },
  })

  it.each([
    ['an unknown action', '{"action":"dropDatabase"}', body('不支持的操作：dropDatabase', 'action')],
    ['no action', '{}', body('缺少操作类型（action）')],
    ['an action that is not a string', '{"action":["me"]}', body('操作类型（action）无效', 'action')],
    [
      'a body 11 deep (the functions allow 10)',
      `{"action":"me","x":${'['.repeat(10)}1${']'.repeat(10)}}`,
      body('请求内容嵌套过深（最多 10 层）'),
    ],
    [
      'an array of 2,001 items',
      `{"action":"me","ids":[${Array(2001).fill('1').join(',')}]}`,
      body('列表过长（最多 2000 项）', 'ids'),
    ],
  ])('%s', async (_name, text, expected) => {
    const r = await raw('roster', text)
    expect([r.status, r.body]).toEqual([200, expected])
  })

  it.each([
    ['a JSON array', '[{"action":"me"}]', 400, body('请求内容必须是 JSON 对象')],
    ['not JSON', '{"action":', 400, body('请求内容不是合法的 JSON')],
    [
      'a body 5,000 deep',
      `{"action":"me","x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      400,
      body('请求内容嵌套过深（最多 32 层）'),
    ],
  ])('%s, refused by the HTTP layer', async (_name, text, status, expected) => {
    const r = await raw('roster', text)
    expect([r.status, r.body]).toEqual([status, expected])
  })

  it('a category that does not exist', async () => {
    const r = await town.call(
      'tickets',
      {
        action: 'submit',
        clientRequestId: requestId(),
        categoryCode: 'nosuch',
        description: '路灯坏了好几天',
      },
      'demo-resident-42',
    )
    expect(r.ok ? null : r.error).toEqual({
      code: 'INVALID_INPUT',
      message: '请选择有效的问题类别',
      details: [{ path: '', message: '请选择有效的问题类别' }],
    })
  })
})

describe('identity and roles', () => {
  it('UNAUTHENTICATED only without a WeChat identity', async () => {
    const r = await town.cloud.call('tasks', { action: 'inbox' })
    expect([r.status, r.body.error.code]).toEqual([401, 'UNAUTHENTICATED'])
  })

  it.each([
    // callers the requests above cannot have bound to an invite
    ['tasks', 'inbox', 'demo-resident-40'],
    ['supervision', 'overdueBoard', 'nobody-1'],
    ['roster', 'listStaff', 'demo-resident-41'],
  ])('%s.%s as %s: FORBIDDEN, told to bind an invite', async (fn, action, openid) => {
    const r = await town.call(fn, { action }, openid)
    expect(r.ok ? null : r.error).toEqual({ code: 'FORBIDDEN', message: '请先用邀请码绑定工作人员身份' })
  })

  it('a stranger without a home grid is FORBIDDEN, told to choose one', async () => {
    const r = await town.call('tickets', { action: 'listMine' }, 'nobody-2')
    expect(r.ok ? null : r.error).toEqual({ code: 'FORBIDDEN', message: '请先选择您所在的村组网格' })
  })
})

describe('a retry with changed content answers the first call', () => {
  const worker = 'demo-worker-1'
  let gridId: string
  beforeAll(async () => {
    gridId = (await town.db.collection('staff').doc('st-worker-1').get()).data.scope.gridIds[0]
  })
  const patrol = (clientRequestId: string, issue?: object) =>
    town.call(
      'tasks',
      { action: 'patrol', clientRequestId, gridId, kind: 'patrol', note: '巡查村口道路', issue },
      worker,
    )
  const issue = { categoryCode: 'other', description: '村口路灯不亮了' }

  it('a patrol retried with an issue added: the log without a ticket stands', async () => {
    const id = requestId()
    const first = expectOk(await patrol(id))
    const tickets = await town.count('tickets')
    expect(expectOk(await patrol(id, issue))).toEqual(first)
    expect(first.ticketId).toBeNull()
    expect(await town.count('tickets')).toBe(tickets)
  })

  it('a patrol retried with its issue dropped: the log with its ticket stands', async () => {
    const id = requestId()
    const first = expectOk(await patrol(id, issue))
    expect(first.ticketId).toEqual(expect.any(String))
    expect(expectOk(await patrol(id))).toEqual(first)
    expect(expectOk(await patrol(id, { ...issue, description: '另一个问题描述' }))).toEqual(first)
  })

  it('a report retried with another description: the first report stands', async () => {
    const clientRequestId = requestId()
    const submit = (description: string) =>
      town.call(
        'tickets',
        { action: 'submit', clientRequestId, categoryCode: 'other', description },
        'demo-resident-2',
      )
    const first = expectOk(await submit('第一次的问题描述'))
    expect(expectOk(await submit('改过的问题描述内容'))).toEqual(first)
    const detail = expectOk(
      await town.call('tickets', { action: 'detail', ticketId: first.ticketId }, 'demo-resident-2'),
    )
    expect(detail.ticket.description).toBe('第一次的问题描述')
  })

  it('a roster entry retried with another name: one entry, the first invite', async () => {
    const clientRequestId = requestId()
    const create = (name: string) =>
      town.call(
        'roster',
        {
          action: 'createStaff',
          clientRequestId,
          name,
          phone: '13700001234',
          roles: ['townGuide'],
          villageIds: ['v03'],
        },
        'demo-admin-2',
      )
    const staff = await town.count('staff')
    const first = expectOk(await create('赵六'))
    expect(expectOk(await create('赵六六'))).toEqual(first)
    expect(await town.count('staff')).toBe(staff + 1)
  })
})

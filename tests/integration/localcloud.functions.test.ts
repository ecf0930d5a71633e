/** The local cloud runs built functions with the real wx-server-sdk, per-caller identity, and a safe host. */
import { rmSync } from 'node:fs'
import { makeFunctionsDir, startLocalCloud, type LocalCloud } from '../helpers/localcloud'

const FUNCTIONS = {
  boom: { code: `exports.main = async () => { throw new Error('kaboom at line 1') }` },
  sleepy: {
    code: `exports.main = () => new Promise((r) => setTimeout(() => r('late'), 10000))`,
    config: { timeout: 1 },
  },
  dbops: {
    code: `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => {
  const db = cloud.database()
  const { _id } = await db.collection('notes').add({ data: { text: event.text, at: db.serverDate() } })
  const { data } = await db.collection('notes').doc(_id).get()
  const { total } = await db.collection('notes').count()
  return { id: _id, text: data.text, total, openid: cloud.getWXContext().OPENID }
}`,
  },
  echo: { code: `exports.main = async (event, context) => ({ event, requestId: context.request_id })` },
  sneaky: { code: `exports.main = async () => require('zod')` },
}

let lc: LocalCloud
let fnDir: string

beforeAll(async () => {
  fnDir = makeFunctionsDir(FUNCTIONS, ['system'])
  lc = await startLocalCloud({ env: { FUNCTIONS_DIR: fnDir, TIMER_TICK_MS: '0' }, seed: true })
  await lc.request('/tcb', {
    method: 'POST',
    body: JSON.stringify({ action: 'database.addCollection', collectionName: 'notes' }),
  })
})

afterAll(async () => {
  await lc?.stop()
  rmSync(fnDir, { recursive: true, force: true })
})

test('the built system function sees the caller from X-WX-OPENID', async () => {
  const r = await lc.call('system', { action: 'whoami' }, 'oAlice', { 'x-wx-appid': 'wxabc' })
  expect(r.status).toBe(200)
  expect(r.body).toEqual({
    ok: true,
    data: { openid: 'oAlice', appid: 'wxabc', unionid: null, source: 'wx_client', env: 'local' },
  })
  expect(r.headers.get('x-invocation-id')).toBeTruthy()
  expect(r.headers.get('x-db-ops')).toBe('0')
})

test('50 concurrent callers each see their own identity', async () => {
  const openids = Array.from({ length: 50 }, (_, i) => `oUser${i}`)
  const replies = await Promise.all(openids.map((o) => lc.call('system', { action: 'whoami' }, o)))
  expect(replies.map((r) => r.body.data.openid)).toEqual(openids)
})

test('system.init is refused to a mini-program user', async () => {
  const r = await lc.call('system', { action: 'init' }, 'oMallory')
  expect(r.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
})

test('the platform fills userInfo: a caller cannot claim another identity', async () => {
  const r = await lc.call('echo', { a: 1, userInfo: { openId: 'oVictim' } }, 'oAlice')
  expect(r.body.event).toEqual({ a: 1, userInfo: { appId: 'touristappid', openId: 'oAlice' } })
  expect(r.body.requestId).toBe(r.headers.get('x-invocation-id'))
})

test('a missing X-WX-OPENID is 401', async () => {
  const r = await lc.call('system', { action: 'whoami' })
  expect(r.status).toBe(401)
  expect(r.body.error.code).toBe('UNAUTHENTICATED')
})

test('an unknown function is 404', async () => {
  const r = await lc.call('nope', {}, 'oAlice')
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } })
})

test('malformed JSON is 400 and a non-object body too', async () => {
  expect((await lc.call('system', '{"action":', 'oAlice')).body.error.code).toBe('INVALID_INPUT')
  const arr = await lc.call('system', '[1,2]', 'oAlice')
  expect(arr.status).toBe(400)
})

test('a body over 1 MB is 413 INVALID_INPUT with a body-level detail', async () => {
  const r = await lc.call('system', { action: 'whoami', blob: 'x'.repeat(1024 * 1024 + 10) }, 'oAlice')
  expect(r.status).toBe(413)
  expect(r.body).toEqual({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: '请求内容过大（上限 1 MB）',
      details: [{ path: '', message: '请求内容过大（上限 1 MB）' }],
    },
  })
})

test('a 6 MB body gets its JSON answer, not a reset connection', async () => {
  const r = await lc.call('system', { action: 'whoami', blob: 'x'.repeat(6 * 1024 * 1024) }, 'oAlice')
  expect(r.status).toBe(413)
  expect(r.body.error.code).toBe('INVALID_INPUT')
})

test('a body nested 5,000 deep is refused before any worker sees it; the next call is answered', async () => {
  const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)
  const r = await lc.call('system', `{"action":"whoami","x":${deep}}`, 'oAlice')
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: '请求内容嵌套过深（最多 32 层）',
      details: [{ path: '', message: '请求内容嵌套过深（最多 32 层）' }],
    },
  })
  expect(r.headers.get('x-invocation-id')).toBeNull()
  expect((await lc.call('system', { action: 'whoami' }, 'oBob')).body.data.openid).toBe('oBob')
})

test('a throwing function is 500 INTERNAL without a stack, and the server carries on', async () => {
  const r = await lc.call('boom', {}, 'oAlice')
  expect(r.status).toBe(500)
  expect(r.body.error.code).toBe('INTERNAL')
  expect(JSON.stringify(r.body)).not.toMatch(/kaboom|at line|\.js/)
  expect(lc.logs()).toMatch(/kaboom at line 1/)
  expect((await lc.call('system', { action: 'whoami' }, 'oAlice')).status).toBe(200)
})

test('a function past its timeout is 504; its worker is replaced and the server answers', async () => {
  const r = await lc.call('sleepy', {}, 'oAlice')
  expect(r.status).toBe(504)
  expect(r.body.error.code).toBe('INTERNAL')
  const again = await lc.call('system', { action: 'whoami' }, 'oBob')
  expect(again.body.data.openid).toBe('oBob')
})

test('a bundle may require only wx-server-sdk and built-ins (as on WeChat Cloud)', async () => {
  const r = await lc.call('sneaky', {}, 'oAlice')
  expect(r.status).toBe(500)
  expect(lc.logs()).toMatch(/Cannot find module 'zod'/)
})

test('X-DB-Ops counts the database requests of that invocation only', async () => {
  const [a, b] = await Promise.all([
    lc.call('dbops', { text: 'hi' }, 'oAlice'),
    lc.call('system', { action: 'whoami' }, 'oBob'),
  ])
  expect(a.status).toBe(200)
  expect(a.body).toMatchObject({ text: 'hi', openid: 'oAlice' })
  expect(a.headers.get('x-db-ops')).toBe('3')
  expect(b.headers.get('x-db-ops')).toBe('0')
  const ops = await lc.dev.ops(a.headers.get('x-invocation-id')!)
  expect(ops.body).toMatchObject({
    functionName: 'dbops',
    dbOps: 3,
    dbActions: { 'database.insertDocument': 1, 'database.getDocument': 1, 'database.calculateDocument': 1 },
    dbCalls: ['insertDocument notes', 'getDocument notes', 'calculateDocument notes'],
  })
  const recent = await lc.dev.ops()
  expect(recent.body.invocations.length).toBeGreaterThan(3)
})

test('health lists the functions and the pool', async () => {
  const h = await lc.dev.health()
  expect(h.body.ok).toBe(true)
  expect(h.body.functions).toEqual(expect.arrayContaining(['system', 'dbops']))
  expect(h.body.collections).toEqual(expect.arrayContaining(['tickets', 'notes']))
})

/** The local openapi: WeChat's subscribe-message rules and errors, msgSecCheck, permissions, faults. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeFunctionsDir, REPO, startLocalCloud, type LocalCloud } from '../helpers/localcloud'

const CODE = `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => {
  try {
    if (event.action === 'send') return { res: await cloud.openapi.subscribeMessage.send(event.payload) }
    if (event.action === 'check') return { res: await cloud.openapi.security.msgSecCheck(event.payload) }
    return { bad: true }
  } catch (e) {
    return { err: { errCode: e.errCode, errMsg: e.errMsg, message: e.message, isError: e instanceof Error } }
  }
}`

const PERMS = { permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] } }
const catalogue = JSON.parse(readFileSync(join(REPO, 'localcloud/openapi/templates.json'), 'utf8'))

let lc: LocalCloud
let fnDir: string
let tmp: string

const progress = (over: Record<string, { value: string }> = {}) => ({
  character_string1: { value: '20260901-0012' },
  phrase2: { value: '处理中' },
  thing3: { value: '网格员已到现场核实' },
  time4: { value: '2026年11月25日 14:30' },
  ...over,
})
const send = (payload: Record<string, unknown>, fn = 'notify') =>
  lc.call(fn, { action: 'send', payload }, 'oCaller').then((r) => r.body)
const sendProgress = (touser: string, data = progress()) =>
  send({
    touser,
    templateId: 'TPL_TICKET_PROGRESS',
    page: 'pages/ticket/index?id=1',
    data,
    miniprogramState: 'developer',
  })
const check = (content: string) =>
  lc
    .call(
      'notify',
      { action: 'check', payload: { openid: 'oCaller', scene: 2, version: 2, content } },
      'oCaller',
    )
    .then((r) => r.body)

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'yiwang-tpl-'))
  const templatesFile = join(tmp, 'templates.json')
  const longTerm = {
    id: 'TPL_LONG',
    title: '长期通知',
    longTerm: true,
    keywords: [{ key: 'thing1', name: '内容' }],
  }
  writeFileSync(templatesFile, JSON.stringify({ templates: [...catalogue.templates, longTerm] }))
  fnDir = makeFunctionsDir({ notify: { code: CODE, config: PERMS }, noperm: { code: CODE } })
  lc = await startLocalCloud({
    env: { FUNCTIONS_DIR: fnDir, TIMER_TICK_MS: '0', TEMPLATES_FILE: templatesFile },
  })
})

afterAll(async () => {
  await lc?.stop()
  rmSync(fnDir, { recursive: true, force: true })
  rmSync(tmp, { recursive: true, force: true })
})

test('templates.json is the catalogue docs/architecture.md lists', () => {
  const doc = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8')
  const rows = [...doc.matchAll(/^\| `(TPL_[A-Z_]+)` +\| (\S+) +\| (.+?) *\|$/gm)].map(
    ([, id, title, kws]) => ({
      id,
      title,
      keywords: kws.split(', ').map((k) => {
        const [key, name] = k.trim().split(' ')
        return { key, name }
      }),
    }),
  )
  expect(rows).toHaveLength(9)
  expect(
    catalogue.templates.map(({ id, title, keywords }: { id: string; title: string; keywords: unknown }) => ({
      id,
      title,
      keywords,
    })),
  ).toEqual(rows)
})

test('an unknown template is 40037', async () => {
  const { err } = await send({ touser: 'oA', templateId: 'TPL_NOPE', data: {} })
  expect(err).toMatchObject({ errCode: 40037, isError: true })
  expect(err.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail invalid template id rid: \w+$/)
  expect(err.message).toMatch(/^errCode: 40037 \| errMsg: openapi\.subscribeMessage\.send:fail/)
})

test('no credit is 43101; one "allow" tap lets exactly one message through', async () => {
  expect((await sendProgress('oNoCredit')).err.errCode).toBe(43101)
  expect((await sendProgress('oNoCredit')).err.errMsg).toMatch(/user refuse to accept the msg/)

  const granted = await lc.dev.subscribe('oOnce', ['TPL_TICKET_PROGRESS', 'TPL_TICKET_RESOLVED'])
  expect(granted.body.credits).toMatchObject({
    TPL_TICKET_PROGRESS: 1,
    TPL_TICKET_RESOLVED: 1,
    TPL_TASK_NEW: 0,
  })
  const ok = await sendProgress('oOnce')
  expect(ok.res).toEqual({
    errCode: 0,
    errMsg: 'openapi.subscribeMessage.send:ok',
    msgid: expect.any(Number),
  })
  expect((await sendProgress('oOnce')).err.errCode).toBe(43101)

  const { body } = await lc.dev.messages('oOnce')
  expect(body.messages).toEqual([
    expect.objectContaining({
      touser: 'oOnce',
      templateId: 'TPL_TICKET_PROGRESS',
      page: 'pages/ticket/index?id=1',
      data: progress(),
      sentAt: expect.any(String),
    }),
  ])
  expect((await lc.request('/__dev/subscribe?openid=oOnce')).body.credits).toMatchObject({
    TPL_TICKET_PROGRESS: 0,
    TPL_TICKET_RESOLVED: 1,
  })
})

test('credits add up, one per tap', async () => {
  await lc.dev.subscribe('oTwice', ['TPL_TICKET_PROGRESS'])
  await lc.dev.subscribe('oTwice', ['TPL_TICKET_PROGRESS'])
  expect((await sendProgress('oTwice')).res.errCode).toBe(0)
  expect((await sendProgress('oTwice')).res.errCode).toBe(0)
  expect((await sendProgress('oTwice')).err.errCode).toBe(43101)
})

test.each([
  [
    'a too-long thing',
    { thing3: { value: '这是一段远远超过二十个字的处理进度说明文字内容' } },
    'data.thing3.value invalid',
  ],
  ['an empty value', { thing3: { value: '' } }, 'data.thing3.value is empty'],
  ['a bad time', { time4: { value: '明天下午' } }, 'data.time4.value invalid'],
  ['an impossible date', { time4: { value: '2026-02-30 10:00' } }, 'data.time4.value invalid'],
  ['a phrase that is not Chinese', { phrase2: { value: 'doing' } }, 'data.phrase2.value invalid'],
  ['a phrase over 5 characters', { phrase2: { value: '正在处理中了' } }, 'data.phrase2.value invalid'],
  [
    'a character_string with Chinese',
    { character_string1: { value: '编号12' } },
    'data.character_string1.value invalid',
  ],
  [
    'a keyword the template does not have',
    { thing9: { value: 'x' } },
    'data.thing9 is not a keyword of the template',
  ],
])('%s is 47003 naming the keyword (and spends no credit)', async (_name, over, expected) => {
  await lc.dev.subscribe('o47003', ['TPL_TICKET_PROGRESS'])
  const { err } = await sendProgress('o47003', progress(over))
  expect(err.errCode).toBe(47003)
  expect(err.errMsg).toContain(`argument invalid! ${expected}`)
  expect((await sendProgress('o47003')).res.errCode).toBe(0)
})

test('a missing keyword is 47003', async () => {
  const data: Record<string, unknown> = progress()
  delete data.time4
  expect((await sendProgress('oX', data as ReturnType<typeof progress>)).err.errMsg).toContain(
    'data.time4.value is empty',
  )
})

test('a long-term template needs one "allow", which sends do not spend', async () => {
  const before = await send({
    touser: 'oLong',
    templateId: 'TPL_LONG',
    data: { thing1: { value: '停水通知' } },
  })
  expect(before.err).toMatchObject({ errCode: 43101 })
  expect((await lc.dev.subscribe('oLong', ['TPL_LONG'])).status).toBe(200)
  const r = await send({ touser: 'oLong', templateId: 'TPL_LONG', data: { thing1: { value: '停水通知' } } })
  expect(r.res.errCode).toBe(0)
  expect(
    (await send({ touser: 'oLong', templateId: 'TPL_LONG', data: { thing1: { value: '恢复供水' } } })).res
      .errCode,
  ).toBe(0)
})

test('subscribe grants are checked like wx.requestSubscribeMessage (≤ 3 known templates)', async () => {
  expect((await lc.dev.subscribe('oA', ['TPL_NOPE'])).status).toBe(400)
  expect(
    (
      await lc.dev.subscribe('oA', [
        'TPL_TASK_NEW',
        'TPL_TASK_DUE',
        'TPL_TICKET_ACCEPTED',
        'TPL_OVERDUE_ALERT',
      ])
    ).status,
  ).toBe(400)
})

test('injected faults fail the next n sends with errCode -1, without spending the credit', async () => {
  await lc.dev.subscribe('oFlaky', ['TPL_TICKET_PROGRESS'])
  const set = await lc.dev.faults({ 'subscribeMessage.send': { failNext: 2, errCode: -1 } })
  expect(set.body.faults['subscribeMessage.send']).toMatchObject({ failNext: 2, errCode: -1 })
  for (let i = 0; i < 2; i++) {
    const { err } = await sendProgress('oFlaky')
    expect(err.errCode).toBe(-1)
    expect(err.errMsg).toMatch(/system error/)
  }
  expect((await sendProgress('oFlaky')).res.errCode).toBe(0)
  expect((await lc.request('/__dev/faults')).body.faults).toEqual({})
})

test('a function without permissions.openapi cannot call it (-604101)', async () => {
  const { err } = await send({ touser: 'oA', templateId: 'TPL_TICKET_PROGRESS', data: progress() }, 'noperm')
  expect(err.errCode).toBe(-604101)
})

test('msgSecCheck v2: risky, review and pass', async () => {
  const risky = (await check('村口有人聚众赌博')).res
  expect(risky).toMatchObject({
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: { suggest: 'risky', label: 20006 },
  })
  expect(risky.traceId).toEqual(expect.any(String))
  expect(risky.detail).toEqual(
    expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '赌博' })]),
  )
  expect((await check('我要去县里上访')).res.result.suggest).toBe('review')
  const pass = await check('三组路灯坏了，晚上很黑')
  expect(pass.res.result).toEqual({ suggest: 'pass', label: 100 })
})

test('all sent messages are listed without touser', async () => {
  const { body } = await lc.dev.messages()
  expect(new Set(body.messages.map((m: { touser: string }) => m.touser))).toEqual(
    new Set(['oOnce', 'oTwice', 'o47003', 'oLong', 'oFlaky']),
  )
})

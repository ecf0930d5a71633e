/** kill -9 of the local cloud loses nothing: database, clock, credits, messages and files come back. */
import { rmSync } from 'node:fs'
import { makeFunctionsDir, startLocalCloud } from '../helpers/localcloud'

const CODE = `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()
exports.main = async (event) => {
  if (event.action === 'add') return (await db.collection('tickets').add({ data: { title: event.title, probe: true, at: new Date() } }))._id
  if (event.action === 'list') return (await db.collection('tickets').where({ probe: true }).orderBy('title', 'asc').get()).data.map((d) => d.title)
  if (event.action === 'send') {
    try { return await cloud.openapi.subscribeMessage.send(event.payload) } catch (e) { return { errCode: e.errCode } }
  }
}`

test('data, clock offset, subscribe state and files survive kill -9', async () => {
  const fnDir = makeFunctionsDir(
    { t: { code: CODE, config: { permissions: { openapi: ['subscribeMessage.send'] } } } },
    ['system'],
  )
  const env = { FUNCTIONS_DIR: fnDir, TIMER_TICK_MS: '0' }
  const first = await startLocalCloud({ env, seed: true })
  const dataDir = first.dataDir
  try {
    for (const title of ['b', 'a', 'c'])
      expect((await first.call('t', { action: 'add', title }, 'oA')).status).toBe(200)
    await first.dev.clock({ now: '2031-06-01T00:00:00.000Z' })
    await first.dev.subscribe('oA', ['TPL_TASK_DUE'])
    await first.dev.subscribe('oA', ['TPL_TASK_DUE'])
    const payload = {
      touser: 'oA',
      templateId: 'TPL_TASK_DUE',
      data: {
        character_string1: { value: '20310601-0001' },
        thing2: { value: '路灯维修' },
        time3: { value: '2031-06-02 18:00' },
        thing4: { value: '请尽快处理' },
      },
    }
    expect((await first.call('t', { action: 'send', payload }, 'oA')).body.errCode).toBe(0)
    const up = await first.request('/__storage/upload?path=uploads/oA/p.png', {
      method: 'POST',
      headers: { 'x-wx-openid': 'oA', 'content-type': 'image/png' },
      body: Buffer.from('png-bytes'),
    })
    expect(up.status).toBe(200)

    await first.kill9()

    const second = await startLocalCloud({ env, dataDir })
    try {
      expect((await second.call('t', { action: 'list' }, 'oA')).body).toEqual(['a', 'b', 'c'])
      const now = Date.parse((await second.dev.clock()).body.now)
      expect(Math.abs(now - Date.parse('2031-06-01T00:00:00.000Z'))).toBeLessThan(60_000)
      expect((await second.dev.messages('oA')).body.messages).toHaveLength(1)
      // one credit left from the two taps
      expect((await second.call('t', { action: 'send', payload }, 'oA')).body.errCode).toBe(0)
      expect((await second.call('t', { action: 'send', payload }, 'oA')).body.errCode).toBe(43101)
      expect((await second.request('/storage/uploads/oA/p.png')).body).toBe('png-bytes')
      // the system function still sees its collections (init is idempotent)
      const init = await second.request('/__dev/reset', { method: 'POST' })
      expect(init.status).toBe(200)
      expect((await second.call('t', { action: 'list' }, 'oA')).body).toEqual([])
      expect((await second.dev.messages()).body.messages).toEqual([])
      expect((await second.dev.health()).body.collections).toEqual(
        expect.arrayContaining(['tickets', 'villages']),
      )
    } finally {
      await second.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(fnDir, { recursive: true, force: true })
  }
})

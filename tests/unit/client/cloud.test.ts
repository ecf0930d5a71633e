/**
 * The h5 transport of client/src/services/cloud.ts (client/src/services/http.ts) against a real
 * local HTTP server: what reaches the server, and how every kind of failure maps to the envelope.
 * No fetch mocks — Node's own fetch talks to http.createServer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  devSubscribe,
  NETWORK_MESSAGE,
  postFunction,
  toEnvelope,
  uploadBlob,
} from '../../../client/src/services/http'

interface Seen {
  method?: string
  url?: string
  headers: IncomingMessage['headers']
  body: Buffer
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void

let server: Server
let baseUrl: string
let handler: Handler
let seen: Seen[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push({ method: req.method, url: req.url, headers: req.headers, body })
      handler(req, res, body)
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

beforeEach(() => {
  seen = []
})

const json =
  (status: number, value: unknown): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(value))
  }

const opts = () => ({ baseUrl, openid: 'demo-resident-1' })
const NETWORK = { ok: false, error: { code: 'NETWORK', message: NETWORK_MESSAGE } }

describe('postFunction', () => {
  test('POSTs the data as JSON to /api/functions/<name> with X-WX-OPENID and returns the data', async () => {
    handler = json(200, { ok: true, data: { openid: 'demo-resident-1' } })
    const r = await postFunction<{ openid: string }>('system', { action: 'whoami' }, opts())
    expect(r).toEqual({ ok: true, data: { openid: 'demo-resident-1' } })
    expect(seen).toHaveLength(1)
    expect(seen[0].method).toBe('POST')
    expect(seen[0].url).toBe('/api/functions/system')
    expect(seen[0].headers['x-wx-openid']).toBe('demo-resident-1')
    expect(seen[0].headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen[0].body.toString())).toEqual({ action: 'whoami' })
  })

  test('a function error envelope comes back unchanged (code, message, details)', async () => {
    const error = { code: 'INVALID_INPUT', message: '描述不能为空', details: { field: 'description' } }
    handler = json(200, { ok: false, error })
    await expect(postFunction('tickets', { action: 'submit' }, opts())).resolves.toEqual({ ok: false, error })
  })

  test('an error envelope on an HTTP error status is passed through (500 INTERNAL, 504 TIMEOUT)', async () => {
    handler = json(500, { ok: false, error: { code: 'INTERNAL', message: '服务异常' } })
    await expect(postFunction('x', {}, opts())).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务异常' },
    })
    // a code outside the one table becomes INTERNAL, keeping its message
    handler = json(504, { ok: false, error: { code: 'TIMEOUT', message: '处理超时' } })
    await expect(postFunction('x', {}, opts())).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '处理超时' },
    })
  })

  test('401 without an envelope → UNAUTHENTICATED; 429 → RATE_LIMITED; 413 → INVALID_INPUT; other statuses → INTERNAL', async () => {
    handler = json(401, { message: 'missing X-WX-OPENID' })
    expect(await postFunction('x', {}, opts())).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    handler = json(429, {})
    expect(await postFunction('x', {}, opts())).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    handler = json(413, {})
    expect(await postFunction('x', {}, opts())).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '提交的内容过大，请减少后重试',
        details: [{ path: '', message: '提交的内容过大，请减少后重试' }],
      },
    })
    handler = json(404, { nope: true })
    expect(await postFunction('x', {}, opts())).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  test('a 200 answer that is JSON but not an envelope → INTERNAL with a Chinese message', async () => {
    handler = json(200, { result: 42 })
    const r = await postFunction('x', {}, opts())
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(!r.ok && /[\u4e00-\u9fff]/.test(r.error.message)).toBe(true)
  })

  test('a non-JSON answer (an HTML error page) → NETWORK', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' })
      res.end('<html><body>Bad Gateway</body></html>')
    }
    await expect(postFunction('x', {}, opts())).resolves.toEqual(NETWORK)
  })

  test('the connection is cut mid-answer → NETWORK', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      res.write('{"ok":tr')
      res.socket?.destroy()
    }
    await expect(postFunction('x', {}, opts())).resolves.toEqual(NETWORK)
  })

  test('nobody listening → NETWORK', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise((done) => closed.close(done))
    await expect(
      postFunction('x', {}, { baseUrl: `http://127.0.0.1:${port}`, openid: 'u' }),
    ).resolves.toEqual(NETWORK)
  })

  test('no answer within timeoutMs → NETWORK', async () => {
    handler = () => undefined // never answers
    const started = Date.now()
    await expect(postFunction('x', {}, { ...opts(), timeoutMs: 150 })).resolves.toEqual(NETWORK)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('function names are URL-encoded', async () => {
    handler = json(200, { ok: true, data: null })
    await postFunction('a/b', {}, opts())
    expect(seen[0].url).toBe('/api/functions/a%2Fb')
  })
})

describe('uploadBlob', () => {
  test('sends the raw bytes with their type to /__storage/upload?path= and returns the fileID', async () => {
    handler = json(200, { fileID: 'cloud://local.yiwang-local/uploads/demo-resident-1/a.jpg' })
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const r = await uploadBlob(
      'uploads/demo-resident-1/a.jpg',
      new Blob([bytes], { type: 'image/jpeg' }),
      opts(),
    )
    expect(r).toEqual({ ok: true, data: 'cloud://local.yiwang-local/uploads/demo-resident-1/a.jpg' })
    expect(seen[0].url).toBe('/__storage/upload?path=uploads%2Fdemo-resident-1%2Fa.jpg')
    expect(seen[0].headers['content-type']).toBe('image/jpeg')
    expect(seen[0].headers['x-wx-openid']).toBe('demo-resident-1')
    expect([...seen[0].body]).toEqual([...bytes])
  })

  test('a refusal from storage comes back as its envelope; an answer without fileID is INTERNAL', async () => {
    const error = { code: 'FORBIDDEN', message: '不能覆盖他人的文件' }
    handler = json(403, { ok: false, error })
    await expect(uploadBlob('p.jpg', new Blob(['x'], { type: 'image/jpeg' }), opts())).resolves.toEqual({
      ok: false,
      error,
    })
    handler = json(200, { size: 1 })
    expect(await uploadBlob('p.jpg', new Blob(['x'], { type: 'image/jpeg' }), opts())).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })
})

describe('devSubscribe', () => {
  test('grants the templates for the caller as an "allow" tap and reports them accepted', async () => {
    handler = json(200, { credits: { TPL_TICKET_ACCEPTED: 1 } })
    const r = await devSubscribe(['TPL_TICKET_ACCEPTED', 'TPL_TICKET_RESOLVED'], opts())
    expect(r).toEqual({ ok: true, data: ['TPL_TICKET_ACCEPTED', 'TPL_TICKET_RESOLVED'] })
    expect(seen[0].url).toBe('/__dev/subscribe')
    expect(JSON.parse(seen[0].body.toString())).toEqual({
      openid: 'demo-resident-1',
      templateIds: ['TPL_TICKET_ACCEPTED', 'TPL_TICKET_RESOLVED'],
    })
  })

  test('an explicit accepted list wins; a 400 refusal comes back as an error', async () => {
    handler = json(200, { accepted: ['TPL_TASK_NEW'] })
    await expect(devSubscribe(['TPL_TASK_NEW', 'TPL_TASK_DUE'], opts())).resolves.toEqual({
      ok: true,
      data: ['TPL_TASK_NEW'],
    })
    handler = json(400, { ok: false, error: { code: 'INVALID_INPUT', message: '最多 3 个模板' } })
    expect(await devSubscribe(['a', 'b', 'c', 'd'], opts())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

describe('toEnvelope (also used for the weapp callFunction result)', () => {
  test('keeps ok/data and ok/error, rejects anything else', () => {
    expect(toEnvelope({ ok: true, data: 1 })).toEqual({ ok: true, data: 1 })
    expect(toEnvelope({ ok: true })).toEqual({ ok: true, data: undefined })
    expect(toEnvelope({ ok: false, error: { code: 'NOT_FOUND', message: '工单不存在' } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '工单不存在' },
    })
    for (const bad of [
      undefined,
      null,
      'text',
      42,
      {},
      { ok: false },
      { ok: false, error: { code: 1 } },
      { ok: 'yes' },
    ]) {
      expect(toEnvelope(bad)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    }
  })
})

/** `/__dev/*`: the test and demo controls of the local cloud (clock, timers, messages, reset, …). */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from '../app'
import { HttpError, MB, parseJsonObject, readBody, sendJson } from '../http/util'
import { sendInvocation } from './functions'

const started = Date.now()

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return parseJsonObject(await readBody(req, MB))
}

function methods(req: IncomingMessage, ...allowed: string[]): void {
  if (!allowed.includes(req.method ?? ''))
    throw new HttpError(405, 'INVALID_INPUT', `${allowed.join('/')} only`)
}

export async function handleDev(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const route = url.pathname.slice('/__dev/'.length)
  const q = url.searchParams
  if (route === 'clock') {
    methods(req, 'GET', 'POST')
    const fired = req.method === 'POST' ? await moveClock(app, await jsonBody(req)) : []
    return sendJson(res, 200, { now: app.clock.now().toISOString(), offsetMs: app.clock.offsetMs, fired })
  }
  if (route === 'timers') {
    methods(req, 'GET')
    return sendJson(res, 200, app.timers.list())
  }
  if (route.startsWith('timers/')) {
    methods(req, 'POST')
    const name = decodeURIComponent(route.slice('timers/'.length))
    const ran = await app.timers.runNow(name)
    if (!ran?.invocation) throw new HttpError(404, 'NOT_FOUND', `云函数 ${name} 不存在或没有定时触发器`)
    return sendInvocation(res, ran.invocation)
  }
  if (route.startsWith('console/')) {
    // The cloud console's 云端测试: the event as given, no mini-program user (no OPENID).
    methods(req, 'POST')
    const name = decodeURIComponent(route.slice('console/'.length))
    const inv = await app.invokeAdmin(name, await jsonBody(req))
    if (!inv) throw new HttpError(404, 'NOT_FOUND', `云函数 ${name} 不存在`)
    return sendInvocation(res, inv)
  }
  if (route === 'messages') {
    methods(req, 'GET')
    return sendJson(res, 200, { messages: app.subscribe.messages(q.get('touser') ?? undefined) })
  }
  if (route === 'subscribe') {
    methods(req, 'GET', 'POST')
    if (req.method === 'GET')
      return sendJson(res, 200, { credits: app.subscribe.creditsOf(q.get('openid') ?? '') })
    const { openid, templateIds } = await jsonBody(req)
    if (
      typeof openid !== 'string' ||
      !Array.isArray(templateIds) ||
      !templateIds.every((t) => typeof t === 'string')
    ) {
      throw new HttpError(400, 'INVALID_INPUT', '需要 openid 和 templateIds（字符串数组）')
    }
    return sendJson(res, 200, { credits: app.subscribe.grant(openid, templateIds) })
  }
  if (route === 'faults') {
    methods(req, 'GET', 'POST')
    const faults = req.method === 'POST' ? app.faults.set(await jsonBody(req)) : app.faults.list()
    return sendJson(res, 200, { faults })
  }
  if (route === 'reset') {
    methods(req, 'POST')
    await app.reset()
    return sendJson(res, 200, { ok: true, now: app.clock.now().toISOString() })
  }
  if (route === 'ops') {
    methods(req, 'GET')
    const id = q.get('invocation')
    if (id) {
      const record = app.host.find(id)
      if (!record) throw new HttpError(404, 'NOT_FOUND', `没有调用记录 ${id}`)
      return sendJson(res, 200, record)
    }
    const limit = Math.min(500, Math.max(1, Number(q.get('limit') ?? 20) || 20))
    return sendJson(res, 200, { invocations: app.host.recent(limit) })
  }
  if (route === 'files') {
    methods(req, 'GET')
    return sendJson(res, 200, { files: app.store.list({ openid: q.get('openid') ?? undefined }) })
  }
  if (route === 'health') {
    methods(req, 'GET')
    return sendJson(res, 200, {
      ok: true,
      uptimeMs: Date.now() - started,
      now: app.clock.now().toISOString(),
      pool: app.pool.stats(),
      workerBootMs: app.pool.bootTimes.slice(-10),
      functions: app.registry.list().map((f) => f.name),
      collections: app.db.listCollections(),
    })
  }
  throw new HttpError(404, 'NOT_FOUND', `未知的开发接口 /__dev/${route}`)
}

/** `{ advanceMs }` or `{ now }`; fires the timers that became due before answering. */
async function moveClock(app: App, body: Record<string, unknown>): Promise<unknown[]> {
  if (body.advanceMs !== undefined) {
    const ms = Number(body.advanceMs)
    if (!Number.isFinite(ms)) throw new HttpError(400, 'INVALID_INPUT', 'advanceMs 必须是数字')
    app.clock.advance(ms)
  } else if (typeof body.now === 'string') {
    const at = new Date(body.now)
    if (Number.isNaN(at.getTime())) throw new HttpError(400, 'INVALID_INPUT', 'now 必须是 ISO 时间')
    app.clock.set(at)
  } else {
    throw new HttpError(400, 'INVALID_INPUT', '需要 advanceMs 或 now')
  }
  return app.timers.fireDue('advance')
}

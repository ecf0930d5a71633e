/**
 * 企业微信 group robots, locally: `POST /__wecom/cgi-bin/webhook/send?key=…` is where the functions
 * post (their WECOM_WEBHOOK_BASE points at `/__wecom`); `GET /__dev/webhooks[?key=]` lists what was
 * posted; `POST /__dev/webhooks/faults` `{ key, failNext, errcode }` makes the next posts fail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from '../app'
import { HttpError, MB, parseJsonObject, readBody, sendJson } from '../http/util'

export const WECOM_PREFIX = '/__wecom'

export async function handleWecom(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname !== `${WECOM_PREFIX}/cgi-bin/webhook/send`)
    throw new HttpError(404, 'NOT_FOUND', '未知的接口')
  if (req.method !== 'POST') throw new HttpError(405, 'INVALID_INPUT', 'POST only')
  let body: unknown = null
  try {
    body = JSON.parse((await readBody(req, MB)).toString('utf8'))
  } catch {
    body = null
  }
  sendJson(res, 200, app.webhooks.receive(url.searchParams.get('key'), body))
}

export async function handleDevWebhooks(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname === '/__dev/webhooks') {
    if (req.method !== 'GET') throw new HttpError(405, 'INVALID_INPUT', 'GET only')
    return sendJson(res, 200, { posts: app.webhooks.list(url.searchParams.get('key') ?? undefined) })
  }
  if (req.method !== 'POST') throw new HttpError(405, 'INVALID_INPUT', 'POST only')
  const { key, failNext, errcode } = parseJsonObject(await readBody(req, MB))
  if (typeof key !== 'string' || !key) throw new HttpError(400, 'INVALID_INPUT', '需要 key')
  const n = Number(failNext ?? 1)
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'INVALID_INPUT', 'failNext 必须是非负整数')
  app.webhooks.setFault(key, n, Number(errcode ?? 93000))
  return sendJson(res, 200, { ok: true })
}

/**
 * `POST /tcb[/w/<workerId>]`: the wx-server-sdk wire protocol. Each worker's SDK posts to its own
 * `/tcb/w/<id>` so database requests can be counted against the invocation that worker runs.
 * Errors are answered the way the real endpoint does: HTTP 200 with `{ code, message }`.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from '../app'
import { HttpError, MB, parseJsonObject, readBody, sendJson } from '../http/util'

const WIRE_BODY_LIMIT = 20 * MB

export async function handleTcb(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  subPath: string,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'INVALID_INPUT', 'POST only')
  const body = parseJsonObject(await readBody(req, WIRE_BODY_LIMIT))
  const action = typeof body.action === 'string' ? body.action : ''
  const workerId = /^\/w\/([A-Za-z0-9_-]+)/.exec(subPath)?.[1]
  try {
    if (action.startsWith('database.')) {
      if (workerId) app.host.countDbOp(workerId, action, String(body.collectionName ?? ''))
      return sendJson(res, 200, await app.db.handle(body))
    }
    if (action.startsWith('storage.')) return sendJson(res, 200, app.storageWire.handle(body))
    sendJson(res, 200, {
      code: 'INVALID_PARAM',
      message: `本地云不支持 ${action || '(empty action)'}`,
      requestId: requestId(),
    })
  } catch (err) {
    console.error(`[localcloud] ${action} failed:`, err)
    sendJson(res, 200, {
      code: 'SYS_ERR',
      message: (err as Error).message ?? String(err),
      requestId: requestId(),
    })
  }
}

function requestId(): string {
  return randomBytes(8).toString('hex')
}

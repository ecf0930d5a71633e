/**
 * `POST /__openapi/<api>`: the local openapi the workers' `cloud.openapi` calls. Answers like
 * WeChat's HTTP API (`errcode`, `errmsg`, result fields in snake_case). As on WeChat, a function may
 * only call the apis its config.json lists under `permissions.openapi`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from '../app'
import { HttpError, MB, parseJsonObject, readBody, sendJson } from '../http/util'
import { msgSecCheck } from '../openapi/secCheck'
import { wxError, type WxAnswer } from '../openapi/subscribe'
import { getUnlimited } from '../openapi/wxacode'

export async function handleOpenApi(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  api: string,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'INVALID_INPUT', 'POST only')
  const body = parseJsonObject(await readBody(req, 2 * MB))
  sendJson(res, 200, await call(app, api, body))
}

async function call(app: App, api: string, body: Record<string, unknown>): Promise<WxAnswer> {
  const functionName = typeof body.functionName === 'string' ? body.functionName : null
  const allowed = functionName ? (app.registry.get(functionName)?.config.permissions?.openapi ?? []) : []
  if (!allowed.includes(api)) return wxError(-604101, 'function has no permission to call this API')
  const injected = app.faults.take(api)
  if (injected) return injected
  const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {}
  switch (api) {
    case 'subscribeMessage.send':
      return app.subscribe.send(data, functionName)
    case 'security.msgSecCheck':
      return msgSecCheck(app.words, data)
    case 'wxacode.getUnlimited':
      return getUnlimited(data, app.baseUrl)
    default:
      return wxError(-1, `local cloud does not implement openapi.${api}`)
  }
}

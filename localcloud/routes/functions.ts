/**
 * `POST /api/functions/<name>`: a mini-program user's call of a cloud function (the h5 build's path).
 * Every answer is the functions' envelope with a code of their one table (shared/errors.ts): a body
 * over the limit is HTTP 413 INVALID_INPUT, a timeout HTTP 504 INTERNAL (docs/api.md, "HTTP").
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from '../app'
import type { Invocation } from '../host'
import { FunctionRegistry } from '../host/registry'
import { header, HttpError, MB, parseJsonObject, readBody, sendError, sendJson } from '../http/util'

export const FUNCTION_BODY_LIMIT = MB

/** Sends an invocation's outcome: the return value as JSON, or the host's error envelope. */
export function sendInvocation(res: ServerResponse, inv: Invocation): void {
  const { record, outcome } = inv
  const headers = { 'X-DB-Ops': String(record.dbOps), 'X-Invocation-Id': record.id }
  switch (outcome.kind) {
    case 'ok':
      return sendJson(res, 200, outcome.value, headers)
    case 'timeout':
      console.error(
        `[localcloud] ${record.functionName} (${record.id}) timed out; worker ${record.workerId} killed`,
      )
      return sendError(res, 504, 'INTERNAL', '云函数执行超时，请稍后重试', headers)
    case 'error':
      console.error(
        `[localcloud] ${record.functionName} (${record.id}) threw:\n${outcome.stack ?? outcome.message}`,
      )
      return sendError(res, 500, 'INTERNAL', '云函数执行出错，请稍后重试', headers)
    case 'crash':
      console.error(`[localcloud] ${record.functionName} (${record.id}) crashed: ${outcome.message}`)
      return sendError(res, 500, 'INTERNAL', '云函数执行出错，请稍后重试', headers)
  }
}

export async function handleFunctionCall(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'INVALID_INPUT', '请使用 POST 调用云函数')
  const openid = header(req, 'x-wx-openid')
  if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '缺少用户身份（X-WX-OPENID），请先登录')
  if (!FunctionRegistry.isValidName(name) || !app.registry.get(name)) {
    throw new HttpError(404, 'NOT_FOUND', `云函数 ${name} 不存在`)
  }
  const data = parseJsonObject(await readFunctionBody(req))
  const appid = header(req, 'x-wx-appid') || app.config.appId
  const unionid = header(req, 'x-wx-unionid') || undefined
  const inv = await app.host.invoke({
    name,
    // as on WeChat: the caller's data plus userInfo, which the platform (not the caller) fills in
    event: { ...data, userInfo: { appId: appid, openId: openid } },
    kind: 'http',
    identity: { openid, appid, unionid, clientIp: clientIp(req), source: 'wx_client' },
  })
  if (!inv) throw new HttpError(404, 'NOT_FOUND', `云函数 ${name} 不存在`)
  sendInvocation(res, inv)
}

/** The body, or 413 INVALID_INPUT (a function caller only ever sees the functions' codes). */
async function readFunctionBody(req: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(req, FUNCTION_BODY_LIMIT)
  } catch (err) {
    if (err instanceof HttpError && err.code === 'PAYLOAD_TOO_LARGE')
      throw new HttpError(413, 'INVALID_INPUT', err.message)
    throw err
  }
}

function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '')
}

/** Small HTTP helpers: bounded body reading and JSON answers in the project's error envelope. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TIMEOUT'
  | 'INTERNAL'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const MB = 1024 * 1024

/**
 * Reads the whole body. A body over `limit` bytes becomes a 413 once the client has finished sending
 * (the excess is discarded, not kept), so the client can read the answer; a runaway body far past
 * the limit is cut off.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const tooLarge = () =>
      new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${Math.round(limit / MB)} MB）`)
    const declared = Number(req.headers['content-length'] ?? NaN)
    const chunks: Buffer[] = []
    let size = 0
    let over = Number.isFinite(declared) && declared > limit
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      if (!over) chunks.push(chunk)
      else if (size > limit * 4) req.destroy()
    })
    req.on('end', () => (over ? reject(tooLarge()) : resolvePromise(Buffer.concat(chunks))))
    req.on('error', (err) => reject(over ? tooLarge() : err))
  })
}

/** Parses a JSON object body; an empty body is `{}`. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim()
  if (!text) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', '请求内容不是合法的 JSON')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'INVALID_INPUT', '请求内容必须是 JSON 对象')
  }
  return value as Record<string, unknown>
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end()
    return
  }
  const body = JSON.stringify(value === undefined ? null : value)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(body)
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers)
}

/** The first value of a header, trimmed; '' when absent. */
export function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name.toLowerCase()]
  return (Array.isArray(v) ? v[0] : (v ?? '')).trim()
}

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
 * A body past its limit is still read to its end (and dropped, never kept), so the client that sent
 * it gets the JSON answer instead of a reset connection. Only a runaway body past this many bytes is
 * cut off.
 */
export const DRAIN_LIMIT = 64 * MB

/** Reads the whole body; one over `limit` bytes becomes a 413 once the client has finished sending. */
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
      else if (size > DRAIN_LIMIT) req.destroy()
    })
    req.on('end', () => (over ? reject(tooLarge()) : resolvePromise(Buffer.concat(chunks))))
    req.on('error', (err) => reject(over ? tooLarge() : err))
  })
}

/**
 * The deepest nesting of objects and arrays in a JSON text, counted without parsing it (strings
 * skipped): stops as soon as `limit` is passed, so a 5,000-deep body is refused for the price of a
 * scan and never reaches a parser or a worker.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/** Nesting a JSON body may have (the platform's limit; functions enforce their own, smaller one). */
export const JSON_DEPTH_LIMIT = 32

/** Parses a JSON object body; an empty body is `{}`. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim()
  if (!text) return {}
  if (jsonDepthExceeds(text, JSON_DEPTH_LIMIT))
    throw new HttpError(400, 'INVALID_INPUT', `请求内容嵌套过深（最多 ${JSON_DEPTH_LIMIT} 层）`)
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
  // as the functions' envelope: INVALID_INPUT always says what was wrong, for the body as a whole
  const error =
    code === 'INVALID_INPUT' ? { code, message, details: [{ path: '', message }] } : { code, message }
  sendJson(res, status, { ok: false, error }, headers)
}

/** The first value of a header, trimmed; '' when absent. */
export function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name.toLowerCase()]
  return (Array.isArray(v) ? v[0] : (v ?? '')).trim()
}

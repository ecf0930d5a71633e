/**
 * The HTTP transport of the h5 build: POSTs to the local cloud (same origin in the browser).
 * Pure module: no Taro import, so it is unit-tested under Node against a real HTTP server.
 * Everything it returns is the function envelope; it never throws.
 */

import type { ErrorCode } from '@shared/errors'

/** The functions' codes (shared/errors.ts) plus the client's own: the call never reached an answer. */
export type CallErrorCode = ErrorCode | 'NETWORK'

export interface CallError {
  code: CallErrorCode
  message: string
  details?: unknown
}

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: CallError }

export const NETWORK_MESSAGE = '网络异常，请检查网络后重试'
export const INTERNAL_MESSAGE = '服务异常，请稍后重试'
export const UNAUTHENTICATED_MESSAGE = '身份无效，请重新进入小程序'

export const networkError = (): { ok: false; error: CallError } => ({
  ok: false,
  error: { code: 'NETWORK', message: NETWORK_MESSAGE },
})

const internalError = (message = INTERNAL_MESSAGE): { ok: false; error: CallError } => ({
  ok: false,
  error: { code: 'INTERNAL', message },
})

/**
 * The one table's codes (shared/errors.ts), spelled out so this module imports types only (it stays
 * out of the weapp bundle's shared chunk); the type makes the compiler hold it to the table.
 */
const KNOWN: Record<ErrorCode, true> = {
  INVALID_INPUT: true,
  UNAUTHENTICATED: true,
  NOT_FOUND: true,
  FORBIDDEN: true,
  INVALID_TRANSITION: true,
  CONFLICT: true,
  RATE_LIMITED: true,
  CONTENT_RISKY: true,
  INTERNAL: true,
}
const isErrorCode = (code: string): code is ErrorCode => Object.prototype.hasOwnProperty.call(KNOWN, code)

/** True when `value` has the shape of the function envelope. */
export function isEnvelope(value: unknown): value is CallResult<unknown> {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  if (v.ok === true) return true
  if (v.ok !== false) return false
  const e = v.error as Record<string, unknown> | undefined
  return !!e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string'
}

/**
 * Maps a function's return value (already parsed) to the envelope; anything else is INTERNAL, and
 * so is a code outside the one table (its message is kept when it has one).
 */
export function toEnvelope<T>(value: unknown): CallResult<T> {
  if (!isEnvelope(value)) return internalError()
  if (value.ok) return { ok: true, data: (value as { data: T }).data }
  const { code, message, details } = value.error as { code: string; message: string; details?: unknown }
  if (!isErrorCode(code)) return internalError(message || INTERNAL_MESSAGE)
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
}

export interface HttpOptions {
  /** Origin of the local cloud, '' in the browser (same origin). */
  baseUrl: string
  /** The caller's openid, sent as X-WX-OPENID. */
  openid: string
  /** Abort after this many milliseconds (→ NETWORK). Default 20 s. */
  timeoutMs?: number
}

type Parsed = { kind: 'json'; status: number; body: unknown } | { kind: 'bad' }

async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Parsed> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await fetch(url, { ...init, signal: controller.signal })
    const text = await res.text()
    try {
      return { kind: 'json', status: res.status, body: JSON.parse(text) }
    } catch {
      return { kind: 'bad' }
    }
  } catch {
    return { kind: 'bad' }
  } finally {
    clearTimeout(timer)
  }
}

/** A non-envelope body on an error status: say what we can from the status. */
function fromStatus(status: number): { ok: false; error: CallError } {
  if (status === 401)
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: UNAUTHENTICATED_MESSAGE } }
  if (status === 429)
    return { ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } }
  if (status === 413) {
    const message = '提交的内容过大，请减少后重试'
    return { ok: false, error: { code: 'INVALID_INPUT', message, details: [{ path: '', message }] } }
  }
  return internalError()
}

/** POST /api/functions/<name> with `data` as the body; the response body is the function's return value. */
export async function postFunction<T>(
  name: string,
  data: unknown,
  opts: HttpOptions,
): Promise<CallResult<T>> {
  const r = await send(
    `${opts.baseUrl}/api/functions/${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': opts.openid },
      body: JSON.stringify(data ?? {}),
    },
    opts.timeoutMs ?? 20000,
  )
  if (r.kind === 'bad') return networkError()
  if (isEnvelope(r.body)) return toEnvelope<T>(r.body)
  return r.status >= 400 ? fromStatus(r.status) : internalError()
}

/** POST a dev/storage endpoint with JSON or a binary body; returns the parsed JSON or an error envelope. */
export async function postRaw(
  path: string,
  body: BodyInit,
  contentType: string,
  opts: HttpOptions,
): Promise<CallResult<unknown>> {
  const r = await send(
    `${opts.baseUrl}${path}`,
    { method: 'POST', headers: { 'Content-Type': contentType, 'X-WX-OPENID': opts.openid }, body },
    opts.timeoutMs ?? 60000,
  )
  if (r.kind === 'bad') return networkError()
  if (r.status >= 400) return isEnvelope(r.body) ? toEnvelope(r.body) : fromStatus(r.status)
  if (isEnvelope(r.body)) return toEnvelope(r.body)
  return { ok: true, data: r.body }
}

/** Upload a binary to the local cloud's storage; the answer carries the new fileID. */
export async function uploadBlob(
  cloudPath: string,
  blob: Blob,
  opts: HttpOptions,
): Promise<CallResult<string>> {
  const r = await postRaw(
    `/__storage/upload?path=${encodeURIComponent(cloudPath)}`,
    blob,
    blob.type || 'application/octet-stream',
    opts,
  )
  if (!r.ok) return r
  const body = r.data as { fileID?: unknown; fileId?: unknown } | null
  const fileID = body && (body.fileID ?? body.fileId)
  return typeof fileID === 'string' && fileID ? { ok: true, data: fileID } : internalError()
}

/** Tell the local openapi that the user tapped "allow" for these templates; returns the accepted ids. */
export async function devSubscribe(templateIds: string[], opts: HttpOptions): Promise<CallResult<string[]>> {
  const r = await postRaw(
    '/__dev/subscribe',
    JSON.stringify({ openid: opts.openid, templateIds }),
    'application/json',
    opts,
  )
  if (!r.ok) return r
  const body = r.data as { accepted?: unknown } | null
  const accepted =
    body && Array.isArray(body.accepted)
      ? body.accepted.filter((x): x is string => typeof x === 'string')
      : templateIds
  return { ok: true, data: accepted }
}

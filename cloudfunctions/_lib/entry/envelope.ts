/**
 * The function envelope (docs/architecture.md): every function takes `{ action, ...payload }` and
 * returns `{ ok: true, data } | { ok: false, error: { code, message, details? } }`. Messages are
 * Simplified Chinese; a thrown error never reaches the caller with its stack.
 */

import { ERROR_MESSAGES, type ErrorCode } from '@shared/errors'

export type { ErrorCode }
/** The one code → message table lives in shared/errors.ts (the client shows the same words). */
export const MESSAGES = ERROR_MESSAGES

export interface Failure {
  ok: false
  error: { code: ErrorCode; message: string; details?: unknown }
}

export interface Success<T> {
  ok: true
  data: T
}

export type Envelope<T> = Success<T> | Failure

export const ok = <T>(data: T): Success<T> => ({ ok: true, data })

/**
 * A failure. INVALID_INPUT always carries `details` (`[{ path, message }]`): one made without any
 * gets a single body-level entry (empty path) with its message.
 */
export function fail(code: ErrorCode, message: string = MESSAGES[code], details?: unknown): Failure {
  if (code === 'INVALID_INPUT' && details === undefined) details = [{ path: '', message }]
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
}

/** Thrown inside a handler to answer with a failure (an expected one: not logged as a bug). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = MESSAGES[code],
    readonly details?: unknown,
  ) {
    super(message)
  }
}

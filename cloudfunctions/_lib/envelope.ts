/**
 * The function envelope (docs/architecture.md): every function takes `{ action, ...payload }` and
 * returns `{ ok: true, data } | { ok: false, error: { code, message, details? } }`. Messages are
 * Simplified Chinese; a thrown error never reaches the caller with its stack.
 */

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CONTENT_RISKY'
  | 'INTERNAL'

export const MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '提交的内容不正确，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  NOT_FOUND: '没有找到相关内容',
  FORBIDDEN: '没有权限进行此操作',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_RISKY: '内容含有不当信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
}

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

export function fail(code: ErrorCode, message: string = MESSAGES[code], details?: unknown): Failure {
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

/**
 * The error codes every function may answer with (docs/architecture.md, "Function envelope"),
 * and the one table of Chinese messages they are shown with. The client's error type is these codes
 * plus its own NETWORK; docs/api.md is generated from this table and each action's declaration
 * (shared/schemas/actionErrors.ts).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_RISKY',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录微信后再试',
  NOT_FOUND: '没有找到相关记录',
  FORBIDDEN: '您没有权限进行此操作',
  INVALID_TRANSITION: '工单当前状态不能进行此操作',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_RISKY: '内容可能含有违规信息，请修改后再提交',
  INTERNAL: '系统繁忙，请稍后再试',
}

/**
 * Codes any action can answer, so declarations leave them out: a malformed or oversized request
 * (INVALID_INPUT), a call without a WeChat identity (UNAUTHENTICATED) and an unexpected failure
 * (INTERNAL).
 */
export const ANY_ACTION_ERRORS = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'INTERNAL',
] as const satisfies readonly ErrorCode[]

/** Per action of one function, the codes it can answer besides ANY_ACTION_ERRORS. */
export type ActionErrors<A extends string> = { readonly [K in A]: readonly ErrorCode[] }

/** One entry of INVALID_INPUT's `details`: the field (dotted path; '' for the body as a whole) and why. */
export interface InputIssue {
  path: string
  message: string
}

export interface AppError {
  code: ErrorCode
  message: string
  details?: unknown
}

/** The error with the table's message, or a more specific one when the caller has it. */
export const appError = (code: ErrorCode, message?: string, details?: unknown): AppError =>
  details === undefined
    ? { code, message: message ?? ERROR_MESSAGES[code] }
    : { code, message: message ?? ERROR_MESSAGES[code], details }

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

/** INVALID_INPUT about the request as a whole (unknown action, not an object, too large or deep). */
export const bodyIssue = (message: string, path = ''): AppError => ({
  code: 'INVALID_INPUT',
  message,
  details: [{ path, message }] satisfies InputIssue[],
})

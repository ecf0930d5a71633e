import * as z from 'zod'
import { ERROR_CODES, type AppError, type InputIssue } from '../errors'

/** `{ ok: true, data } | { ok: false, error: { code, message, details? } }` (docs/architecture.md). */
export const errorBody = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
})

export const envelope = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorBody }),
  ])

/**
 * A zod failure as the INVALID_INPUT error: the first issue's Chinese message for people, every
 * issue (path + message) for developers.
 */
export const invalidInput = (error: z.ZodError): AppError => {
  const issues: InputIssue[] = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  return { code: 'INVALID_INPUT', message: issues[0]?.message ?? '填写的内容有误', details: issues }
}

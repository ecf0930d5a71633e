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

/** What a field's issue says when its schema has no Chinese message for it (zod's own are English). */
export const FALLBACK_ISSUE = '格式不正确'
const CJK = /[\u4e00-\u9fff]/

/**
 * A zod failure as the INVALID_INPUT error: the first issue's Chinese message for people, every
 * issue (path + message) for developers. Every message is Chinese: one the schema does not word
 * becomes `<path>格式不正确`.
 */
export const invalidInput = (error: z.ZodError): AppError => {
  const issues: InputIssue[] = error.issues.map((i) => {
    const path = i.path.join('.')
    return { path, message: CJK.test(i.message) ? i.message : `${path || '请求'}${FALLBACK_ISSUE}` }
  })
  return { code: 'INVALID_INPUT', message: issues[0]?.message ?? '填写的内容有误', details: issues }
}

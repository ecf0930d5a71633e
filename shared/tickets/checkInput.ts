import * as z from 'zod'
import { LIMITS } from '../schemas/limits'
import { boundedText, cloudFileId, descriptionBesideVoice, voiceNote } from '../schemas/common'
import { refuse, type Refusal } from './context'

/**
 * The state machine checks its inputs with the same rules as the request schemas: it is a public
 * function, and a command built by code (the sweeper, a migration) must meet them too.
 */

export const reasonText = boundedText('原因', LIMITS.reasonMin, LIMITS.reasonMax)
export const noteText = boundedText('说明', LIMITS.noteMin, LIMITS.noteMax)
export const resultText = boundedText('办理结果', LIMITS.noteMin, LIMITS.noteMax)
export const descriptionText = boundedText('问题描述', LIMITS.descriptionMin, LIMITS.descriptionMax)
export { descriptionBesideVoice, voiceNote }
export const commentText = boundedText('评价', 1, LIMITS.commentMax)
export const photoList = z.array(cloudFileId).max(LIMITS.photosMax, `最多上传 ${LIMITS.photosMax} 张图片`)
export const ratingScore = z
  .number()
  .int('评分必须是 1 到 5 的整数')
  .min(1, '评分最低 1 分')
  .max(5, '评分最高 5 分')

type Checked<T> = { ok: true; value: T } | { ok: false; refusal: Refusal }

/** Parse one value; on failure, an INVALID_INPUT refusal with the schema's Chinese message. */
export const check = <S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> => {
  const r = schema.safeParse(value)
  return r.success ? { ok: true, value: r.data } : refuse('INVALID_INPUT', r.error.issues[0].message)
}

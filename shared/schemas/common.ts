import * as z from 'zod'
import { LIMITS } from './limits'

/**
 * Building blocks of the request schemas. Every message is explicit Chinese, so the functions do
 * not depend on zod's global locale being configured.
 */

export const documentId = (label = '记录') =>
  z
    .string({ error: `缺少${label}编号` })
    .min(1, `缺少${label}编号`)
    .max(64, `${label}编号无效`)

/** A client-made idempotency key (a uuid, or anything uuid-ish): retries of one tap share it. */
export const clientRequestId = z
  .string({ error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号无效')

/** A cloud storage fileID (`cloud://env.bucket/path`): files are uploaded first, then referenced. */
const cloudFile = (label: string) =>
  z
    .string({ error: `${label}无效` })
    .max(512, `${label}地址过长`)
    .regex(/^cloud:\/\/[^/\s]+\/\S+$/, `${label}必须先上传到云存储`)

export const cloudFileId = cloudFile('图片')

export const photos = z
  .array(cloudFileId, { error: '图片格式有误' })
  .max(LIMITS.photosMax, `最多上传 ${LIMITS.photosMax} 张图片`)
  .default([])

/** Free text with a length window, trimmed first so that "   " does not pass as content. */
export const boundedText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`)

/**
 * A voice note that can stand in for typing (docs/architecture.md, "Elder-friendly screens"): an uploaded audio file and its length in
 * whole seconds, at most `LIMITS.voiceMaxSec` (the recorder stops itself there).
 */
export const voiceNote = z.object(
  {
    fileID: cloudFile('语音'),
    durationSec: z
      .number({ error: '语音时长无效' })
      .int('语音时长必须是整数秒')
      .min(1, '语音太短，请重新录音')
      .max(LIMITS.voiceMaxSec, `语音不能超过 ${LIMITS.voiceMaxSec} 秒`),
  },
  { error: '语音无效' },
)

export const description = boundedText('问题描述', LIMITS.descriptionMin, LIMITS.descriptionMax)
/** Beside a voice note the words are optional (docs/architecture.md, "Elder-friendly screens"); `wordsOrVoice` keeps the rule. */
export const descriptionBesideVoice = boundedText('问题描述', 0, LIMITS.descriptionMax).describe(
  `at least ${LIMITS.descriptionMin} chars unless a voice note is attached`,
)

/**
 * A report says what is wrong in words (at least `descriptionMin`) or in a voice note. Runs on the
 * request object, after its fields, so the description issue names the same field and message.
 */
export const wordsOrVoice = [
  (value: { description: string; voice?: unknown }, ctx: z.RefinementCtx) => {
    if (value.voice == null && value.description.trim().length < LIMITS.descriptionMin)
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: `问题描述至少 ${LIMITS.descriptionMin} 个字`,
      })
  },
  {
    // Also when another field failed, so every issue is reported at once; not when the words are missing.
    when: (payload: { value: unknown }) =>
      typeof (payload.value as { description?: unknown } | undefined)?.description === 'string',
  },
] as const

export const reason = boundedText('原因', LIMITS.reasonMin, LIMITS.reasonMax)
export const note = boundedText('说明', LIMITS.noteMin, LIMITS.noteMax)

/**
 * Where: coordinates (both or neither) with the map's place name and address, or only a typed
 * description of the place ("村口大樟树下") when the phone cannot tell where it is.
 */
export const location = z
  .object(
    {
      latitude: z.number({ error: '位置无效' }).min(-90, '位置无效').max(90, '位置无效').optional(),
      longitude: z.number({ error: '位置无效' }).min(-180, '位置无效').max(180, '位置无效').optional(),
      name: z.string({ error: '地点名称无效' }).trim().max(50, '地点名称不能超过 50 个字').optional(),
      address: z.string({ error: '地址无效' }).trim().max(100, '地址不能超过 100 个字').optional(),
    },
    { error: '位置无效' },
  )
  .superRefine((v, ctx) => {
    if ((v.latitude === undefined) !== (v.longitude === undefined))
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: '位置无效：经纬度要一起给' })
    else if (v.latitude === undefined && !v.address && !v.name)
      ctx.addIssue({ code: 'custom', path: ['address'], message: '请写明地点，或者获取位置' })
  })

/** Mainland mobile numbers; landlines are not used for notifications, so they are not accepted. */
export const mobilePhone = z.string({ error: '请填写手机号' }).regex(/^1[3-9]\d{9}$/, '手机号格式不正确')

export const personName = boundedText('姓名', 1, LIMITS.nameMax)

export const pageRequest = {
  pageSize: z
    .number({ error: '每页条数无效' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(LIMITS.pageSizeMax, `每页最多 ${LIMITS.pageSizeMax} 条`)
    .default(LIMITS.pageSizeDefault),
  /** Opaque: the function that returned it knows what it means (e.g. last dueAt + _id). */
  cursor: z.string({ error: '分页参数无效' }).max(200, '分页参数无效').nullish(),
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

/** ISO 8601 instants as stored: UTC, `toISOString()` format, so they sort as strings. */
export const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, '时间格式无效')

export const ticketRef = { ticketId: documentId('工单') }
/** Optional optimistic-concurrency guard: refused with CONFLICT when the ticket has moved on. */
export const expectedVersion = z
  .number({ error: '版本号无效' })
  .int('版本号无效')
  .min(0, '版本号无效')
  .optional()

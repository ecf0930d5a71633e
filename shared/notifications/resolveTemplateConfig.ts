import * as z from 'zod'
import { keywordType } from './keywordRules'
import { DEFAULT_TEMPLATE_CONFIG, type TemplateConfig, type TemplateSpec } from './templateConfig'
import { TEMPLATE_KEYS, type TemplateKey } from './templateInputs'

/** One template as the admin configures it (collection `config`, field `templates.<key>`). */
export const templateSpecSchema = z.object({
  templateId: z.string().trim().min(1, '请填写模板编号').max(128, '模板编号无效'),
  title: z.string().trim().min(1, '请填写模板标题').max(20, '模板标题不能超过 20 个字'),
  longTerm: z.boolean(),
  page: z.string().trim().min(1, '请填写跳转页面').max(256, '跳转页面无效'),
  fields: z.record(
    z.string(),
    z.object({
      keyword: z.string().refine((k) => keywordType(k) !== null, '关键词类型无效（如 thing2、time4）'),
      label: z.string().trim().min(1, '请填写关键词名称').max(20, '关键词名称不能超过 20 个字'),
    }),
  ),
})

/** A stored spec fits the template when it maps exactly our fields of that template. */
const fitsTemplate = (key: TemplateKey, fields: Record<string, unknown>): boolean => {
  const ours = Object.keys(DEFAULT_TEMPLATE_CONFIG[key].fields).sort()
  const theirs = Object.keys(fields).sort()
  return ours.length === theirs.length && ours.every((f, i) => f === theirs[i])
}

/**
 * The town's template configuration: each template the town stored that is well formed and maps
 * our fields, else the default for that template. A malformed entry (an older shape, a typo in the
 * console) must not stop every notification of the town, so it falls back instead of throwing;
 * `rejected` names the entries that did, for the log.
 *
 * @example
 * resolveTemplateConfig({ taskNew: { ...DEFAULT_TEMPLATE_CONFIG.taskNew, templateId: 'wx-id' } }).config.taskNew.templateId // 'wx-id'
 */
export const resolveTemplateConfig = (
  stored: unknown,
): { config: TemplateConfig; rejected: TemplateKey[] } => {
  const given = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const config = { ...DEFAULT_TEMPLATE_CONFIG } as Record<TemplateKey, TemplateSpec<TemplateKey>>
  const rejected: TemplateKey[] = []
  for (const key of TEMPLATE_KEYS) {
    if (given[key] === undefined) continue
    const parsed = templateSpecSchema.safeParse(given[key])
    if (parsed.success && fitsTemplate(key, parsed.data.fields))
      config[key] = parsed.data as TemplateSpec<TemplateKey>
    else rejected.push(key)
  }
  return { config: config as TemplateConfig, rejected }
}

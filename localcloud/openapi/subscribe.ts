/**
 * Subscribe messages as WeChat enforces them: a template must exist (40037); the data must carry
 * exactly the template's keywords and each value must fit its type (47003); a one-time template
 * needs a credit the user granted by tapping "allow" (43101), spent by the send; a long-term one
 * needs one "allow" (43101 without it) and keeps it. Credits and
 * delivered messages are journaled in DATA_DIR so they survive a restart.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { HttpError } from '../http/util'
import { Journal } from '../util/jsonl'
import { checkKeyword } from './keywords'

export interface Template {
  id: string
  title: string
  /** Long-term subscriptions (government / public service): one "allow" is kept, not spent by sends. */
  longTerm?: boolean
  keywords: Array<{ key: string; name: string }>
}

export interface DeliveredMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: string
  lang: string
  sentAt: string
  functionName: string | null
}

type Entry =
  { t: 'grant'; openid: string; templateId: string; at: string } | { t: 'send'; message: DeliveredMessage }

export interface WxAnswer {
  errcode: number
  errmsg: string
  [key: string]: unknown
}

/** WeChat's JSON answer with a request id, as its errmsg carries one. */
export function wxError(errcode: number, errmsg: string): WxAnswer {
  return { errcode, errmsg: `${errmsg} rid: ${randomBytes(6).toString('hex')}` }
}

const STATES = new Set(['developer', 'trial', 'formal'])
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW'])
/** wx.requestSubscribeMessage takes at most 3 template ids per call. */
export const MAX_TEMPLATES_PER_REQUEST = 3

export class SubscribeService {
  private readonly journal: Journal<Entry>
  private readonly templates: Map<string, Template>
  private credits = new Map<string, number>()
  private delivered: DeliveredMessage[] = []

  constructor(
    dataDir: string,
    templates: Template[],
    private readonly now: () => Date,
  ) {
    this.templates = new Map(templates.map((t) => [t.id, t]))
    this.journal = new Journal<Entry>(join(dataDir, 'openapi', 'subscribe.jsonl'))
    for (const e of this.journal.read()) this.apply(e)
  }

  private apply(e: Entry): void {
    if (e.t === 'grant') {
      const k = key(e.openid, e.templateId)
      this.credits.set(k, (this.credits.get(k) ?? 0) + 1)
    } else {
      this.delivered.push(e.message)
      const t = this.templates.get(e.message.templateId)
      const k = key(e.message.touser, e.message.templateId)
      if (t && !t.longTerm) this.credits.set(k, Math.max(0, (this.credits.get(k) ?? 0) - 1))
    }
  }

  private record(e: Entry): void {
    this.journal.append(e)
    this.apply(e)
  }

  /** One "allow" tap in wx.requestSubscribeMessage: one credit per template id. */
  grant(openid: string, templateIds: string[]): Record<string, number> {
    if (!openid) throw new HttpError(400, 'INVALID_INPUT', '缺少 openid')
    if (!templateIds.length || templateIds.length > MAX_TEMPLATES_PER_REQUEST) {
      throw new HttpError(400, 'INVALID_INPUT', `一次订阅需要 1 到 ${MAX_TEMPLATES_PER_REQUEST} 个模板`)
    }
    const unknown = templateIds.filter((id) => !this.templates.has(id))
    if (unknown.length) throw new HttpError(400, 'INVALID_INPUT', `未知的订阅消息模板：${unknown.join(', ')}`)
    const at = this.now().toISOString()
    for (const templateId of templateIds) this.record({ t: 'grant', openid, templateId, at })
    return this.creditsOf(openid)
  }

  creditsOf(openid: string): Record<string, number> {
    const out: Record<string, number> = {}
    for (const id of this.templates.keys()) out[id] = this.credits.get(key(openid, id)) ?? 0
    return out
  }

  /** subscribeMessage.send with WeChat's snake_case body; answers like WeChat's HTTP API. */
  send(body: Record<string, unknown>, functionName: string | null): WxAnswer {
    const touser = body.touser
    const templateId = body.template_id
    if (typeof touser !== 'string' || !touser) return wxError(40003, 'invalid openid')
    const template = typeof templateId === 'string' ? this.templates.get(templateId) : undefined
    if (!template) return wxError(40037, 'invalid template id')
    const state = body.miniprogram_state ?? 'formal'
    if (typeof state !== 'string' || !STATES.has(state))
      return wxError(47003, 'argument invalid! miniprogram_state invalid')
    const lang = body.lang ?? 'zh_CN'
    if (typeof lang !== 'string' || !LANGS.has(lang)) return wxError(47003, 'argument invalid! lang invalid')
    if (body.page !== undefined && typeof body.page !== 'string')
      return wxError(47003, 'argument invalid! page invalid')
    const data = body.data
    if (!data || typeof data !== 'object' || Array.isArray(data))
      return wxError(47003, 'argument invalid! data is empty')
    const problem = checkData(template, data as Record<string, unknown>)
    if (problem) return wxError(47003, `argument invalid! ${problem}`)
    const k = key(touser, template.id)
    // One-time: a credit per "allow", spent below. Long-term: one "allow" ever, never spent.
    if ((this.credits.get(k) ?? 0) < 1) return wxError(43101, 'user refuse to accept the msg')
    const message: DeliveredMessage = {
      touser,
      templateId: template.id,
      page: (body.page as string | undefined) ?? '',
      data: data as Record<string, { value: string }>,
      miniprogramState: state,
      lang,
      sentAt: this.now().toISOString(),
      functionName,
    }
    this.record({ t: 'send', message })
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() * 1000 + this.delivered.length }
  }

  messages(touser?: string): DeliveredMessage[] {
    return touser ? this.delivered.filter((m) => m.touser === touser) : [...this.delivered]
  }

  wipe(): void {
    this.journal.wipe()
    this.credits.clear()
    this.delivered = []
  }
}

function key(openid: string, templateId: string): string {
  return `${openid}\u0000${templateId}`
}

function checkData(template: Template, data: Record<string, unknown>): string | null {
  const wanted = new Set(template.keywords.map((k) => k.key))
  for (const k of Object.keys(data)) if (!wanted.has(k)) return `data.${k} is not a keyword of the template`
  for (const { key: k } of template.keywords) {
    const entry = data[k] as { value?: unknown } | undefined
    const why = checkKeyword(k, entry && typeof entry === 'object' ? entry.value : undefined)
    if (why === 'empty') return `data.${k}.value is empty`
    if (why) return `data.${k}.value invalid`
  }
  return null
}

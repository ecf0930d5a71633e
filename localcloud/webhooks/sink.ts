/**
 * The local stand-in for 企业微信 group robots: the functions' HTTPS POST to
 * `qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…` is pointed here (WECOM_WEBHOOK_BASE), and what was
 * posted is kept for tests and demos (`GET /__dev/webhooks[?key=]`). It answers as 企业微信 does:
 * `{"errcode":0,"errmsg":"ok"}`; a missing key 93000; a body that is not a text or markdown message,
 * or too long (markdown ≤ 4096 bytes, text ≤ 2048), 40008/40058; more than 20 messages a minute to
 * one key 45009. `POST /__dev/webhooks/faults {"key", "failNext", "errcode"}` makes the next posts to
 * a key fail (a robot removed from its group, a network fault). Posts are journaled in DATA_DIR.
 */
import { join } from 'node:path'
import { Journal } from '../util/jsonl'

export interface CapturedPost {
  key: string
  msgtype: string
  body: Record<string, unknown>
  at: string
  /** What the sink answered (a refused post is kept too, marked so). */
  errcode: number
}

export interface RobotAnswer {
  errcode: number
  errmsg: string
}

const PER_MINUTE = 20

export class WebhookSink {
  private readonly journal: Journal<CapturedPost>
  private posts: CapturedPost[]
  private faults = new Map<string, { failNext: number; errcode: number }>()

  constructor(
    dataDir: string,
    private readonly now: () => Date,
  ) {
    this.journal = new Journal<CapturedPost>(join(dataDir, 'webhooks', 'posts.jsonl'))
    this.posts = this.journal.read()
  }

  receive(key: string | null, body: unknown): RobotAnswer {
    const at = this.now()
    const answer = this.check(key, body, at)
    if (key) {
      const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
      const post: CapturedPost = {
        key,
        msgtype: typeof b.msgtype === 'string' ? b.msgtype : '',
        body: b,
        at: at.toISOString(),
        errcode: answer.errcode,
      }
      this.posts.push(post)
      this.journal.append(post)
    }
    return answer
  }

  private check(key: string | null, body: unknown, at: Date): RobotAnswer {
    if (!key) return { errcode: 93000, errmsg: 'invalid webhook url' }
    const fault = this.faults.get(key)
    if (fault) {
      if (--fault.failNext <= 0) this.faults.delete(key)
      return { errcode: fault.errcode, errmsg: 'injected fault' }
    }
    const b = body as Record<string, unknown> | null
    if (!b || typeof b !== 'object') return { errcode: 40008, errmsg: 'invalid message type' }
    const content = (part: unknown) =>
      part && typeof part === 'object' ? (part as { content?: unknown }).content : undefined
    if (b.msgtype === 'markdown') {
      const c = content(b.markdown)
      if (typeof c !== 'string' || !c) return { errcode: 40008, errmsg: 'markdown.content is empty' }
      if (Buffer.byteLength(c, 'utf8') > 4096)
        return { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' }
    } else if (b.msgtype === 'text') {
      const c = content(b.text)
      if (typeof c !== 'string' || !c) return { errcode: 40008, errmsg: 'text.content is empty' }
      if (Buffer.byteLength(c, 'utf8') > 2048)
        return { errcode: 40058, errmsg: 'text.content exceed max length 2048' }
    } else return { errcode: 40008, errmsg: 'invalid message type' }
    const since = at.getTime() - 60_000
    const recent = this.posts.filter((p) => p.key === key && p.errcode === 0 && Date.parse(p.at) > since)
    if (recent.length >= PER_MINUTE) return { errcode: 45009, errmsg: 'api freq out of limit' }
    return { errcode: 0, errmsg: 'ok' }
  }

  list(key?: string): CapturedPost[] {
    return key ? this.posts.filter((p) => p.key === key) : [...this.posts]
  }

  setFault(key: string, failNext: number, errcode: number): void {
    if (failNext <= 0) this.faults.delete(key)
    else this.faults.set(key, { failNext, errcode })
  }

  wipe(): void {
    this.journal.wipe()
    this.posts = []
    this.faults.clear()
  }
}

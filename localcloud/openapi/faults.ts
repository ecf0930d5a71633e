/**
 * Fault injection for tests: `{ "subscribeMessage.send": { "failNext": 2, "errCode": -1 } }` makes the
 * next two calls of that api fail with that WeChat error (default -1 "system error", a transient one).
 */
import { HttpError } from '../http/util'
import { wxError, type WxAnswer } from './subscribe'

interface Fault {
  failNext: number
  errCode: number
  errMsg: string
}

export class Faults {
  private faults = new Map<string, Fault>()

  set(body: Record<string, unknown>): Record<string, Fault> {
    for (const [api, spec] of Object.entries(body)) {
      if (!spec || typeof spec !== 'object')
        throw new HttpError(400, 'INVALID_INPUT', `故障设置 ${api} 必须是对象`)
      const { failNext, errCode, errMsg } = spec as Record<string, unknown>
      const n = Number(failNext ?? 1)
      if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'INVALID_INPUT', 'failNext 必须是非负整数')
      const code = Number(errCode ?? -1)
      if (n === 0) this.faults.delete(api)
      else
        this.faults.set(api, {
          failNext: n,
          errCode: code,
          errMsg: typeof errMsg === 'string' ? errMsg : code === -1 ? 'system error' : 'injected fault',
        })
    }
    return this.list()
  }

  /** The injected failure for this call, if one is pending (and counts it down). */
  take(api: string): WxAnswer | null {
    const f = this.faults.get(api)
    if (!f) return null
    if (--f.failNext <= 0) this.faults.delete(api)
    return wxError(f.errCode, f.errMsg)
  }

  list(): Record<string, Fault> {
    return Object.fromEntries([...this.faults].map(([k, v]) => [k, { ...v }]))
  }

  clear(): void {
    this.faults.clear()
  }
}

/**
 * The worker-side `cloud.openapi`: same call shape as wx-server-sdk's (a proxy, so
 * `cloud.openapi.subscribeMessage.send(data)` and `cloud.openapi({ appid }).x.y(data)` both work),
 * same case conversion (camelCase in, snake_case on the wire, camelCase back), same results
 * (`{ ...result, errCode: 0, errMsg: 'openapi.<api>:ok' }`) and errors (thrown, with `errCode` and
 * `errMsg: 'openapi.<api>:fail <errmsg>'`). The state lives in the local cloud: calls go over HTTP.
 */

export interface OpenApiTransport {
  /** POSTs to `/__openapi/<api>`; resolves with WeChat's raw JSON answer (`errcode`, `errmsg`, …). */
  call(api: string, body: { data: unknown; appid?: string }): Promise<Record<string, unknown>>
}

/** Mirrors wx-server-sdk's CloudSDKError: `errCode`, `errMsg`, message `errCode: n | errMsg: …`. */
export class OpenApiError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`)
    this.name = 'CloudSDKError'
  }
}

type Case = 'snake' | 'camel'

function convertKey(key: string, to: Case): string {
  return to === 'snake'
    ? key.replace(/[A-Z]/g, (m, i: number) => `${i ? '_' : ''}${m.toLowerCase()}`)
    : key.replace(/_[a-z]/g, (m) => m[1].toUpperCase())
}

export function convertCase(value: unknown, to: Case): unknown {
  if (Array.isArray(value)) return value.map((v) => convertCase(v, to))
  if (value && Object.prototype.toString.call(value) === '[object Object]') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[convertKey(k, to)] = convertCase(v, to)
    return out
  }
  return value
}

interface ProxyOptions {
  appid?: string
  convertCase?: boolean
}

export function createOpenApi(transport: OpenApiTransport): unknown {
  const invoke = async (paths: string[], options: ProxyOptions, data: unknown) => {
    const api = paths.join('.')
    const display = `openapi.${api}`
    const convert = options.convertCase !== false
    let answer: Record<string, unknown>
    try {
      answer = await transport.call(api, {
        data: convert ? convertCase(data ?? {}, 'snake') : data,
        appid: options.appid,
      })
    } catch (err) {
      throw new OpenApiError(-1, `${display}:fail system error (${(err as Error).message})`)
    }
    const errcode = Number(answer.errcode ?? 0)
    if (errcode) throw new OpenApiError(errcode, `${display}:fail ${String(answer.errmsg ?? '')}`)
    const rest: Record<string, unknown> = { ...answer }
    delete rest.errcode
    delete rest.errmsg
    const result = (convert ? convertCase(rest, 'camel') : rest) as Record<string, unknown>
    // Binary answers (wxacode's image) travel as `{ $base64 }`; the SDK hands out a Buffer.
    const b = result.buffer as { $base64?: unknown } | undefined
    if (b && typeof b.$base64 === 'string') result.buffer = Buffer.from(b.$base64, 'base64')
    return { ...result, errMsg: `${display}:ok`, errCode: 0 }
  }

  const callable = (paths: string[], options: ProxyOptions): unknown =>
    new Proxy(function openapiCall() {}, {
      get: (_t, prop) =>
        prop === 'toJSON' ? {} : typeof prop === 'symbol' ? undefined : callable([...paths, prop], options),
      apply: (_t, _this, args: unknown[]) => invoke(paths, options, args[0]),
    })

  const root = (options: ProxyOptions): unknown =>
    new Proxy(function openapi() {}, {
      get: (_t, prop) =>
        prop === 'toJSON' ? {} : typeof prop === 'symbol' ? undefined : callable([prop], options),
      apply: (_t, _this, args: unknown[]) => {
        const o = args[0]
        if (!o || typeof o !== 'object') throw new Error('an options object is expected')
        return root({ ...(o as ProxyOptions) })
      },
    })

  return root({})
}

/** Messages between the local cloud (parent) and a function worker (child process, IPC). */

/** Environment variables one invocation runs with (the WX context `getWXContext()` reads). */
export type InvocationEnv = Record<string, string>

export interface InvokeMessage {
  type: 'invoke'
  id: string
  functionName: string
  bundlePath: string
  event: unknown
  context: Record<string, unknown>
  env: InvocationEnv
  clockOffsetMs: number
}

export interface ClockMessage {
  type: 'clock'
  offsetMs: number
}

export type ToWorker = InvokeMessage | ClockMessage

export interface ReadyMessage {
  type: 'ready'
  /** Time from process start to the SDK being loaded and patched. */
  bootMs: number
}

export interface ResultMessage {
  type: 'result'
  id: string
  ok: boolean
  value?: unknown
  error?: { message: string; stack?: string }
  /** Time spent loading the bundle for this call (0 when it was cached). */
  loadMs: number
}

export type FromWorker = ReadyMessage | ResultMessage

/** The context keys the worker publishes through WX_CONTEXT_KEYS, in WeChat's order. */
export const WX_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6'] as const

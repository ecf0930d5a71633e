/**
 * `defineFunction(handlers)` builds a function's `main`: it refuses a body that breaks the input
 * limits (size, depth, array and string lengths: INPUT_LIMITS) before any other work, dispatches on
 * `event.action`, wraps a handler's return value in the envelope, turns an AppError into its failure
 * and any other throw into INTERNAL (the stack goes to the log, never to the caller). Timer events
 * (`Type: 'Timer'`) go to `options.timer`.
 */
import { checkInputShape } from '@shared/schemas/inputShape'
import { AppError, fail, ok, type Envelope, type Failure } from './envelope'

export type Event = Record<string, unknown>
/** A handler returns its data, or a Failure built with fail(). */
export type Handler = (event: Event, context: unknown) => unknown

export interface FunctionOptions {
  timer?: Handler
}

const isFailure = (v: unknown): v is Failure =>
  !!v &&
  typeof v === 'object' &&
  (v as { ok?: unknown }).ok === false &&
  typeof (v as { error?: unknown }).error === 'object'

export function defineFunction(handlers: Record<string, Handler>, options: FunctionOptions = {}) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    if (!event || typeof event !== 'object' || Array.isArray(event))
      return fail('INVALID_INPUT', '请求内容必须是 JSON 对象')
    // The platform passes any event through: its shape is checked before anything walks it.
    const tooBig = checkInputShape(event)
    if (tooBig) return fail(tooBig.code, tooBig.message, tooBig.details)
    const e = event as Event
    let handler: Handler | undefined
    if (e.Type === 'Timer') handler = options.timer
    else if (typeof e.action === 'string' && Object.prototype.hasOwnProperty.call(handlers, e.action))
      handler = handlers[e.action]
    if (!handler) {
      const message =
        typeof e.action === 'string'
          ? `不支持的操作：${e.action.slice(0, 40)}`
          : e.action === undefined
            ? '缺少操作类型（action）'
            : '操作类型（action）无效'
      return fail('INVALID_INPUT', message, [{ path: e.action === undefined ? '' : 'action', message }])
    }
    try {
      const result = await handler(e, context)
      return isFailure(result) ? result : ok(result === undefined ? null : result)
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.details)
      console.error(`[${String(e.action ?? e.TriggerName ?? 'main')}] failed:`, err)
      return fail('INTERNAL')
    }
  }
}

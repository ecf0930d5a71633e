/**
 * A function's typed entry point: `defineActions({ schema, actions })`. The request is parsed with
 * the function's zod schema from shared/ (INVALID_INPUT with the Chinese messages of the first issue,
 * every issue in `details`, and nothing read or written), the caller's openid comes from
 * `getWXContext()`, and each action receives its own narrowed request type. Envelope and error
 * handling are `defineFunction`'s.
 */
import { invalidInput } from '@shared/index'
import type { z } from 'zod'
import { wxContext } from '../platform/cloud'
import { loadCaller, type Caller, type CallerNeeds } from './context'
import { defineFunction, type Handler } from './defineFunction'
import { AppError, fail } from './envelope'

export interface ActionContext {
  /** The mini-program user: always present for an action (a call without one is refused). */
  openid: string
  /** The environment id (photos must be files of this environment). */
  env: string
  /** The function's clock (the local cloud offsets it); shared/ takes it as a parameter. */
  now: Date
  /** The caller's roster/resident records, loaded on first use with what the action needs. */
  caller(needs?: CallerNeeds): Promise<Caller>
}

type ActionRequest = { action: string }
type ActionsOf<R extends ActionRequest> = {
  [A in R['action']]: (request: Extract<R, { action: A }>, ctx: ActionContext) => Promise<unknown>
}

export interface ActionsSpec<S extends z.ZodType<ActionRequest>> {
  schema: S
  actions: ActionsOf<z.output<S>>
}

export function defineActions<S extends z.ZodType<ActionRequest>>(spec: ActionsSpec<S>) {
  const run =
    (name: string): Handler =>
    async (event) => {
      const parsed = spec.schema.safeParse(event)
      if (!parsed.success) {
        const e = invalidInput(parsed.error)
        return fail('INVALID_INPUT', e.message, e.details)
      }
      const wx = wxContext()
      if (!wx.OPENID) throw new AppError('UNAUTHENTICATED')
      const openid = wx.OPENID
      let loaded: Promise<Caller> | null = null
      const ctx: ActionContext = {
        openid,
        env: wx.ENV ?? '',
        now: new Date(),
        caller: (needs) => (loaded ??= loadCaller(openid, needs)),
      }
      const action = (spec.actions as Record<string, (r: unknown, c: ActionContext) => Promise<unknown>>)[
        name
      ]
      return action(parsed.data, ctx)
    }
  const handlers = Object.fromEntries(Object.keys(spec.actions).map((name) => [name, run(name)]))
  return defineFunction(handlers)
}

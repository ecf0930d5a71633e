/**
 * `sweeper`: started every minute by its timer trigger (config.json). Any user can call any
 * function, so it first checks that the platform started it: a call with an OPENID, or from a
 * source other than the trigger, is refused. The work is in _lib/flows/sweep.ts.
 */
import { sweeperEvent } from '@shared/index'
import { wxContext } from '../_lib/platform/cloud'
import { defineFunction } from '../_lib/entry/defineFunction'
import { fail, type Envelope } from '../_lib/entry/envelope'
import { sweep } from '../_lib/flows/sweep'

const run = defineFunction(
  {},
  {
    async timer(event) {
      const parsed = sweeperEvent.safeParse(event)
      if (!parsed.success) return fail('INVALID_INPUT', '不是定时触发事件')
      const report = await sweep(new Date())
      console.log(`[sweeper] ${JSON.stringify(report)}`)
      return report
    },
  },
)

export async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
  const { OPENID, SOURCE } = wxContext()
  if (OPENID || SOURCE !== 'wx_trigger') return fail('FORBIDDEN', '定时任务只能由系统触发')
  return run(event, context)
}

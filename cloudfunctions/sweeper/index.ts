/**
 * `sweeper`: started every minute by its timer trigger (config.json). Any user can call any
 * function, so it first checks that the platform started it: a call with an OPENID is refused, and
 * so is one from a source other than the trigger, except a dry run from the console (no user: it
 * writes nothing). The work is in _lib/flows/sweep.ts.
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
      const dryRun = parsed.data.dryRun === true || parsed.data.TriggerName === 'dryRun'
      const report = await sweep(new Date(), { dryRun })
      console.log(`[sweeper]${dryRun ? ' dry run:' : ''} ${JSON.stringify(report)}`)
      return report
    },
  },
)

export async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
  const { OPENID, SOURCE } = wxContext()
  const dryRun = (event as { dryRun?: unknown } | null)?.dryRun === true
  if (OPENID || (SOURCE !== 'wx_trigger' && !dryRun)) return fail('FORBIDDEN', '定时任务只能由系统触发')
  return run(event, context)
}

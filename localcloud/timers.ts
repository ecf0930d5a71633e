/**
 * Timer triggers of the built functions (config.json `triggers`, type timer, WeChat cron in UTC+8),
 * driven by the virtual clock: a real-time tick fires what became due, a clock advance fires what the
 * jump passed over — each trigger once, however many of its runs were skipped (a coalesced run).
 */
import type { VirtualClock } from './clock'
import { WeChatCron } from './cron'
import type { FunctionHost, Invocation } from './host'
import type { FunctionRegistry, TriggerConfig } from './host/registry'

export interface TimerRun {
  functionName: string
  triggerName: string
  /** The event's Time: the (latest) scheduled time this run stands for. */
  time: string
  firedAt: string
  reason: 'tick' | 'advance' | 'manual'
  invocationId: string | null
  status: string
  result: unknown
}

interface Trigger {
  functionName: string
  trigger: TriggerConfig
  cron: WeChatCron | null
  error: string | null
}

const KEEP_RUNS = 200

export class TimerScheduler {
  private lastCheck: Date
  private interval: NodeJS.Timeout | null = null
  private runs: TimerRun[] = []
  private crons = new Map<string, WeChatCron | Error>()

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly host: FunctionHost,
    private readonly clock: VirtualClock,
    private readonly appId: string,
  ) {
    this.lastCheck = clock.now()
  }

  start(tickMs: number): void {
    if (tickMs > 0) this.interval = setInterval(() => void this.fireDue('tick'), tickMs)
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval)
    this.interval = null
  }

  /** Forget the history and start counting from now (after a reset). */
  reset(): void {
    this.runs = []
    this.lastCheck = this.clock.now()
  }

  triggers(): Trigger[] {
    const out: Trigger[] = []
    for (const fn of this.registry.list()) {
      for (const trigger of fn.config.triggers ?? []) {
        if (trigger?.type !== 'timer' || typeof trigger.config !== 'string') continue
        const cron = this.cronFor(trigger.config)
        out.push({
          functionName: fn.name,
          trigger,
          cron: cron instanceof Error ? null : cron,
          error: cron instanceof Error ? cron.message : null,
        })
      }
    }
    return out
  }

  /** Fires every trigger that became due since the last check, once each; resolves when they finished. */
  fireDue(reason: 'tick' | 'advance'): Promise<TimerRun[]> {
    const now = this.clock.now()
    const since = this.lastCheck
    this.lastCheck = now
    const due: Array<Promise<TimerRun>> = []
    for (const t of this.triggers()) {
      const time = t.cron?.latestDue(since, now)
      if (time) due.push(this.fire(t, time, reason))
    }
    return Promise.all(due)
  }

  /** Runs a function's (first) timer trigger now; null if it has none. */
  async runNow(functionName: string): Promise<{ run: TimerRun; invocation: Invocation | null } | null> {
    const t = this.triggers().find((x) => x.functionName === functionName)
    if (!t) return null
    let invocation: Invocation | null = null
    const run = await this.fire(t, this.clock.now(), 'manual', (inv) => (invocation = inv))
    return { run, invocation }
  }

  list(): { now: string; triggers: Array<Record<string, unknown>>; runs: TimerRun[] } {
    const now = this.clock.now()
    return {
      now: now.toISOString(),
      triggers: this.triggers().map((t) => ({
        functionName: t.functionName,
        triggerName: t.trigger.name,
        config: t.trigger.config,
        error: t.error,
        nextRun: t.cron?.next(now)?.toISOString() ?? null,
      })),
      runs: [...this.runs].reverse(),
    }
  }

  private async fire(
    t: Trigger,
    time: Date,
    reason: TimerRun['reason'],
    onDone?: (inv: Invocation | null) => void,
  ): Promise<TimerRun> {
    const firedAt = this.clock.now().toISOString()
    const event = {
      Type: 'Timer',
      TriggerName: t.trigger.name,
      Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }
    const inv = await this.host.invoke({
      name: t.functionName,
      event,
      kind: 'timer',
      identity: { appid: this.appId, source: 'wx_trigger' },
    })
    onDone?.(inv)
    const outcome = inv?.outcome
    const run: TimerRun = {
      functionName: t.functionName,
      triggerName: t.trigger.name,
      time: event.Time,
      firedAt,
      reason,
      invocationId: inv?.record.id ?? null,
      status: inv ? inv.record.status : 'missing',
      result:
        outcome?.kind === 'ok'
          ? outcome.value
          : outcome?.kind === 'error'
            ? { error: outcome.message }
            : null,
    }
    if (outcome?.kind === 'error')
      console.error(
        `[localcloud] timer ${t.functionName}/${t.trigger.name} failed:\n${outcome.stack ?? outcome.message}`,
      )
    this.runs.push(run)
    if (this.runs.length > KEEP_RUNS) this.runs.splice(0, this.runs.length - KEEP_RUNS)
    return run
  }

  private cronFor(expr: string): WeChatCron | Error {
    let c = this.crons.get(expr)
    if (!c) {
      try {
        c = new WeChatCron(expr)
      } catch (err) {
        c = err as Error
      }
      this.crons.set(expr, c)
    }
    return c
  }
}

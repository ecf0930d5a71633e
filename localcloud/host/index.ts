/**
 * The function host: runs a built function in a worker with a WeChat invocation context, and keeps a
 * record of each invocation (status, duration, database operations made through its worker's URL).
 */
import type { JobOutcome, WorkerPool } from './pool'
import { WX_KEYS } from './protocol'
import type { FunctionRegistry } from './registry'

export type InvocationKind = 'http' | 'timer' | 'admin'

export interface Identity {
  openid?: string
  appid: string
  unionid?: string
  clientIp?: string
  /** TCB_SOURCE: wx_client for mini-program calls, wx_trigger for timers. */
  source: string
}

export interface InvokeRequest {
  name: string
  event: unknown
  kind: InvocationKind
  identity: Identity
}

export interface InvocationRecord {
  id: string
  functionName: string
  kind: InvocationKind
  openid: string | null
  /** Virtual (local cloud) time at start. */
  at: string
  status: 'queued' | 'running' | 'ok' | 'error' | 'timeout' | 'crash'
  workerId: string | null
  durationMs: number | null
  /** Time the worker spent loading the bundle for this call (cold start of the bundle). */
  loadMs: number | null
  dbOps: number
  dbActions: Record<string, number>
  /** Each database request in order, `<action> <collection>` (the first 100): where the operations went. */
  dbCalls: string[]
}

export interface Invocation {
  record: InvocationRecord
  outcome: JobOutcome
}

const KEEP = 500

export class FunctionHost {
  private seq = 0
  private running = new Map<string, InvocationRecord>()
  private log: InvocationRecord[] = []

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly pool: WorkerPool,
    private readonly now: () => Date,
    private readonly envId: string,
  ) {}

  /** null when the function does not exist. */
  async invoke(req: InvokeRequest): Promise<Invocation | null> {
    const fn = this.registry.get(req.name)
    if (!fn) return null
    const id = `${Date.now().toString(36)}-${(++this.seq).toString(36)}`
    const record: InvocationRecord = {
      id,
      functionName: fn.name,
      kind: req.kind,
      openid: req.identity.openid ?? null,
      at: this.now().toISOString(),
      status: 'queued',
      workerId: null,
      durationMs: null,
      loadMs: null,
      dbOps: 0,
      dbActions: {},
      dbCalls: [],
    }
    this.remember(record)
    const env = invocationEnv(req.identity)
    let started = 0
    const outcome = await this.pool.run(
      {
        type: 'invoke',
        id,
        functionName: fn.name,
        bundlePath: fn.bundlePath,
        event: req.event,
        context: scfContext(id, fn.name, this.envId, fn.timeoutMs, env),
        env,
      },
      fn.timeoutMs,
      (workerId) => {
        started = Date.now()
        record.status = 'running'
        record.workerId = workerId
        this.running.set(workerId, record)
      },
    )
    if (record.workerId && this.running.get(record.workerId) === record) this.running.delete(record.workerId)
    record.durationMs = started ? Date.now() - started : 0
    record.status = outcome.kind
    record.loadMs = 'loadMs' in outcome ? outcome.loadMs : null
    return { record, outcome }
  }

  /** Attributes one database request made through a worker's URL to that worker's invocation. */
  countDbOp(workerId: string, action: string, collection = ''): void {
    const record = this.running.get(workerId)
    if (!record) return
    record.dbOps++
    record.dbActions[action] = (record.dbActions[action] ?? 0) + 1
    if (record.dbCalls.length < 100) record.dbCalls.push(`${action.replace(/^database\./, '')} ${collection}`.trim())
  }

  find(id: string): InvocationRecord | undefined {
    return this.log.find((r) => r.id === id)
  }

  recent(limit: number): InvocationRecord[] {
    return this.log.slice(-limit).reverse()
  }

  private remember(record: InvocationRecord): void {
    this.log.push(record)
    if (this.log.length > KEEP) this.log.splice(0, this.log.length - KEEP)
  }
}

/** The variables wx-server-sdk's getWXContext() reads (WX_CONTEXT_KEYS + WX_*, TCB_SOURCE). */
export function invocationEnv(id: Identity): Record<string, string> {
  const values: Record<string, string | undefined> = {
    WX_OPENID: id.openid,
    WX_APPID: id.appid,
    WX_UNIONID: id.unionid,
    WX_CLIENTIP: id.clientIp,
    WX_CLIENTIPV6: undefined,
  }
  const env: Record<string, string> = {}
  for (const key of WX_KEYS) {
    const v = values[key]
    if (v) env[key] = v
  }
  env.WX_CONTEXT_KEYS = Object.keys(env).join(',')
  env.TCB_SOURCE = id.source
  return env
}

/** The second argument of `main`, shaped like SCF's context object. */
function scfContext(
  id: string,
  name: string,
  envId: string,
  timeoutMs: number,
  env: Record<string, string>,
): Record<string, unknown> {
  const environment = { ...env, TCB_ENV: envId, SCF_NAMESPACE: envId }
  return {
    callbackWaitsForEmptyEventLoop: false,
    memory_limit_in_mb: 256,
    time_limit_in_ms: timeoutMs,
    request_id: id,
    function_name: name,
    function_version: '$LATEST',
    namespace: envId,
    environ: Object.entries(environment)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
    environment: JSON.stringify(environment),
  }
}

/**
 * A pool of function workers (child processes). One invocation per worker at a time; the pool grows
 * to `size` workers, then queues. A worker that times out is killed and replaced.
 */
import { fork, type ChildProcess } from 'node:child_process'
import type { FromWorker, InvokeMessage, ResultMessage } from './protocol'

export type JobOutcome =
  | { kind: 'ok'; value: unknown; loadMs: number }
  | { kind: 'error'; message: string; stack?: string; loadMs: number }
  | { kind: 'timeout' }
  | { kind: 'crash'; message: string }

export interface PoolOptions {
  workerPath: string
  size: number
  min: number
  /** Environment of a new worker (on top of process.env). */
  env: (workerId: string) => Record<string, string>
}

interface Job {
  message: InvokeMessage
  timeoutMs: number
  /** Called with the worker's id when the job starts running on it. */
  onStart: (workerId: string) => void
  done: (outcome: JobOutcome) => void
}

interface Worker {
  id: string
  child: ChildProcess
  ready: boolean
  /** Killed (timed out) and not yet exited: takes no work. */
  dying: boolean
  bootMs: number | null
  job: Job | null
  timer: NodeJS.Timeout | null
}

export class WorkerPool {
  private workers = new Map<string, Worker>()
  private queue: Job[] = []
  private seq = 0
  private closed = false
  private offsetMs = 0
  readonly bootTimes: number[] = []

  constructor(private readonly opts: PoolOptions) {}

  start(): void {
    while (this.workers.size < this.opts.min) this.spawn()
  }

  run(
    message: Omit<InvokeMessage, 'clockOffsetMs'>,
    timeoutMs: number,
    onStart: (workerId: string) => void,
  ): Promise<JobOutcome> {
    return new Promise((done) => {
      if (this.closed) return done({ kind: 'crash', message: 'local cloud is shutting down' })
      this.queue.push({ message: { ...message, clockOffsetMs: this.offsetMs }, timeoutMs, onStart, done })
      this.dispatch()
    })
  }

  setClockOffset(offsetMs: number): void {
    this.offsetMs = offsetMs
    for (const w of this.workers.values())
      if (w.ready && w.child.connected) w.child.send({ type: 'clock', offsetMs })
  }

  stats(): { workers: number; busy: number; queued: number; size: number } {
    const busy = [...this.workers.values()].filter((w) => w.job).length
    return { workers: this.workers.size, busy, queued: this.queue.length, size: this.opts.size }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0))
      job.done({ kind: 'crash', message: 'local cloud is shutting down' })
    await Promise.all([...this.workers.values()].map((w) => this.kill(w, 'SIGTERM')))
  }

  private dispatch(): void {
    while (this.queue.length) {
      const idle = [...this.workers.values()].find((w) => w.ready && !w.job)
      if (idle) {
        this.start1(idle, this.queue.shift()!)
        continue
      }
      const starting = [...this.workers.values()].filter((w) => !w.ready && !w.dying).length
      if (this.workers.size < this.opts.size && starting < this.queue.length) {
        this.spawn()
        continue
      }
      return
    }
  }

  private start1(w: Worker, job: Job): void {
    w.job = job
    job.message.clockOffsetMs = this.offsetMs
    job.onStart(w.id)
    w.timer = setTimeout(() => {
      if (w.job !== job) return
      w.ready = false
      w.dying = true
      this.finish(w, { kind: 'timeout' })
      void this.kill(w, 'SIGKILL')
    }, job.timeoutMs)
    w.child.send(job.message)
  }

  private finish(w: Worker, outcome: JobOutcome): void {
    const job = w.job
    if (!job) return
    if (w.timer) clearTimeout(w.timer)
    w.job = null
    w.timer = null
    job.done(outcome)
  }

  private spawn(): Worker {
    const id = `w${++this.seq}`
    const child = fork(this.opts.workerPath, [], {
      env: { ...process.env, ...this.opts.env(id) },
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    })
    const w: Worker = { id, child, ready: false, dying: false, bootMs: null, job: null, timer: null }
    this.workers.set(id, w)
    child.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        if (w.dying) return
        w.ready = true
        w.bootMs = msg.bootMs
        this.bootTimes.push(msg.bootMs)
        if (this.offsetMs) child.send({ type: 'clock', offsetMs: this.offsetMs })
        this.dispatch()
      } else if (msg.type === 'result' && w.job && msg.id === w.job.message.id) {
        this.finish(w, toOutcome(msg))
        this.dispatch()
      }
    })
    child.on('exit', (code, signal) => {
      this.workers.delete(id)
      this.finish(w, { kind: 'crash', message: `worker exited (${signal ?? code})` })
      if (this.closed) return
      if (this.workers.size < this.opts.min || this.queue.length) this.spawn()
      this.dispatch()
    })
    child.on('error', (err) => console.error(`[localcloud] worker ${id}: ${err.message}`))
    return w
  }

  private kill(w: Worker, signal: NodeJS.Signals): Promise<void> {
    return new Promise((done) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return done()
      w.child.once('exit', () => done())
      w.child.kill(signal)
      if (signal !== 'SIGKILL') setTimeout(() => w.child.kill('SIGKILL'), 2000).unref()
    })
  }
}

function toOutcome(msg: ResultMessage): JobOutcome {
  return msg.ok
    ? { kind: 'ok', value: msg.value, loadMs: msg.loadMs }
    : { kind: 'error', message: msg.error?.message ?? 'error', stack: msg.error?.stack, loadMs: msg.loadMs }
}

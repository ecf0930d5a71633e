/**
 * The local cloud's virtual clock: real time plus an offset. The offset is kept in DATA_DIR so a
 * restart (even after kill -9) keeps the time the tests moved to.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export class VirtualClock {
  private offset = 0
  private readonly file: string
  private listeners: Array<(offsetMs: number) => void> = []

  constructor(dataDir: string) {
    this.file = join(dataDir, 'clock.json')
    this.load()
  }

  private load(): void {
    if (!existsSync(this.file)) return
    try {
      const { offsetMs } = JSON.parse(readFileSync(this.file, 'utf8')) as { offsetMs?: unknown }
      if (typeof offsetMs === 'number' && Number.isFinite(offsetMs)) this.offset = offsetMs
    } catch {
      /* a torn file means no offset */
    }
  }

  get offsetMs(): number {
    return this.offset
  }

  nowMs(): number {
    return Date.now() + this.offset
  }

  now(): Date {
    return new Date(this.nowMs())
  }

  /** Moves the clock forward (or back) by `ms`. */
  advance(ms: number): Date {
    return this.setOffset(this.offset + ms)
  }

  /** Sets the clock to an absolute instant. */
  set(instant: Date): Date {
    return this.setOffset(instant.getTime() - Date.now())
  }

  reset(): void {
    this.offset = 0
    rmSync(this.file, { force: true })
    this.emit()
  }

  onChange(listener: (offsetMs: number) => void): void {
    this.listeners.push(listener)
  }

  private setOffset(offset: number): Date {
    this.offset = Math.round(offset)
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify({ offsetMs: this.offset }))
    renameSync(tmp, this.file)
    this.emit()
    return this.now()
  }

  private emit(): void {
    for (const l of this.listeners) l(this.offset)
  }
}

/** An append-only JSON-lines journal: every record is one line, replayed on start. Survives kill -9. */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

export class Journal<T> {
  constructor(readonly file: string) {}

  /** All records in order; a torn last line (crash mid-write) is skipped. */
  read(): T[] {
    if (!existsSync(this.file)) return []
    const out: T[] = []
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      try {
        out.push(JSON.parse(line) as T)
      } catch {
        /* torn write */
      }
    }
    return out
  }

  append(record: T): void {
    mkdirSync(dirname(this.file), { recursive: true })
    appendFileSync(this.file, JSON.stringify(record) + '\n')
  }

  wipe(): void {
    rmSync(this.file, { force: true })
  }
}

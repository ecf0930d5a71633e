/**
 * The append-only journal that makes acknowledged writes durable.
 *
 * One JSON line per committed change set, written with a single `fs.writeSync` before the service
 * answers: once the call returns the bytes are in the kernel's page cache, which survives `kill -9`
 * of the process (not a power cut: there is no fsync per write, on purpose — it costs ~ms each).
 * A batch (a transaction commit, a multi-document update) is one line, so it replays all or nothing.
 * On open the journal is replayed; a torn last line (power cut mid-write) is cut off.
 */
import fs from 'node:fs'
import path from 'node:path'
import { decodeValue, stringifyEJSON, type PlainObject } from './ejson'

export type DocId = string | number

export type JournalRecord =
  | { t: 'create'; c: string }
  | { t: 'put'; c: string; d: PlainObject }
  | { t: 'del'; c: string; i: DocId }
  | { t: 'batch'; o: JournalRecord[] }

const FILE = 'db.journal.jsonl'
const CHUNK = 8 * 1024 * 1024

export class Journal {
  private constructor(
    private fd: number,
    readonly file: string,
    private lines: number,
  ) {}

  /** Opens (creating) the journal in `dir` and feeds every stored record to `apply`. */
  static open(dir: string, apply: (record: JournalRecord) => void): Journal {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, FILE)
    const { lines, goodBytes, size } = replay(file, apply)
    // A partial last line was never acknowledged: drop it so the next append starts clean.
    if (goodBytes < size) fs.truncateSync(file, goodBytes)
    const fd = fs.openSync(file, 'a')
    return new Journal(fd, file, lines)
  }

  /** Number of lines (change sets) in the journal. */
  get lineCount(): number {
    return this.lines
  }

  /** Appends one change set; returns once the bytes are handed to the kernel. */
  append(records: JournalRecord[]): void {
    if (records.length === 0) return
    const record: JournalRecord = records.length === 1 ? records[0] : { t: 'batch', o: records }
    writeAll(this.fd, Buffer.from(stringifyEJSON(record) + '\n', 'utf8'))
    this.lines += 1
  }

  /** Replaces the journal by `records` (compaction): temp file, fsync, rename. */
  rewrite(records: Iterable<JournalRecord>): void {
    const tmp = `${this.file}.tmp`
    const fd = fs.openSync(tmp, 'w')
    let lines = 0
    let pending: string[] = []
    const flush = (): void => {
      if (pending.length) writeAll(fd, Buffer.from(pending.join(''), 'utf8'))
      pending = []
    }
    for (const record of records) {
      pending.push(stringifyEJSON(record) + '\n')
      lines += 1
      if (pending.length >= 2000) flush()
    }
    flush()
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fs.closeSync(this.fd)
    fs.renameSync(tmp, this.file)
    fsyncDir(path.dirname(this.file))
    this.fd = fs.openSync(this.file, 'a')
    this.lines = lines
  }

  /** Empties the journal durably (used by wipe). */
  truncate(): void {
    fs.ftruncateSync(this.fd, 0)
    fs.fsyncSync(this.fd)
    this.lines = 0
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd)
    this.fd = -1
  }
}

function writeAll(fd: number, buf: Buffer): void {
  let offset = 0
  while (offset < buf.length) offset += fs.writeSync(fd, buf, offset, buf.length - offset)
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  }
}

/** Reads the journal in chunks (it can exceed the maximum string length) and applies each line. */
function replay(
  file: string,
  apply: (record: JournalRecord) => void,
): { lines: number; goodBytes: number; size: number } {
  if (!fs.existsSync(file)) return { lines: 0, goodBytes: 0, size: 0 }
  const fd = fs.openSync(file, 'r')
  const size = fs.fstatSync(fd).size
  const buf = Buffer.alloc(CHUNK)
  let carry = Buffer.alloc(0)
  let position = 0
  let goodBytes = 0
  let lines = 0
  try {
    while (position < size) {
      const read = fs.readSync(fd, buf, 0, CHUNK, position)
      if (read <= 0) break
      position += read
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, read)]) : buf.subarray(0, read)
      let start = 0
      let nl = data.indexOf(10, start)
      while (nl !== -1) {
        const line = data.toString('utf8', start, nl)
        if (line.trim()) {
          apply(decodeRecord(parseLine(line, file, goodBytes)))
          lines += 1
        }
        goodBytes += nl + 1 - start
        start = nl + 1
        nl = data.indexOf(10, start)
      }
      carry = Buffer.from(data.subarray(start))
    }
  } finally {
    fs.closeSync(fd)
  }
  return { lines, goodBytes, size }
}

function parseLine(line: string, file: string, at: number): JournalRecord {
  try {
    return JSON.parse(line) as JournalRecord
  } catch {
    // A complete line that does not parse is damage, not a torn write: refuse to guess.
    throw new Error(`database journal ${file} is damaged at byte ${at}; restore it or move it away`)
  }
}

const epoch = (): Date => new Date(0)

function decodeRecord(raw: JournalRecord): JournalRecord {
  switch (raw.t) {
    case 'put':
      return { t: 'put', c: raw.c, d: decodeValue(raw.d, epoch) as PlainObject }
    case 'batch':
      return { t: 'batch', o: raw.o.map(decodeRecord) }
    default:
      return raw
  }
}

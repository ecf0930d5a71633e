/**
 * The committed state: every collection in memory (a Map keyed by `_id`, which is the `_id` index),
 * made durable by the journal. Stored documents are never mutated: a write replaces the object.
 *
 * While transactions are open the store also keeps the before-image of every committed change
 * (`history`), so a transaction can read the state as of its start (snapshot isolation) and a
 * write can tell whether the document changed after that start (a write-write conflict).
 */
import { Journal, type DocId, type JournalRecord } from './journal'
import type { PlainObject } from './ejson'

export type Doc = PlainObject & { _id: DocId }

/** One document write: `doc: null` deletes. */
export interface Write {
  coll: string
  id: DocId
  doc: Doc | null
}

interface Change {
  version: number
  before: Doc | undefined
}

export class Store {
  readonly collections = new Map<string, Map<DocId, Doc>>()
  /** Incremented by every committed change set. */
  version = 0
  private readonly history = new Map<string, Map<DocId, Change[]>>()
  private journal: Journal

  constructor(dir: string) {
    this.journal = Journal.open(dir, (record) => this.applyRecord(record))
    this.compactIfLarge()
  }

  /** Whether changes must be remembered (set by the transaction manager: some are open). */
  keepHistory = (): boolean => false

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  docs(name: string): Map<DocId, Doc> | undefined {
    return this.collections.get(name)
  }

  createCollection(name: string): void {
    this.journal.append([{ t: 'create', c: name }])
    this.collections.set(name, new Map())
  }

  /** Journals then applies a change set atomically. */
  commit(writes: Write[]): void {
    if (writes.length === 0) return
    this.journal.append(
      writes.map((w): JournalRecord =>
        w.doc ? { t: 'put', c: w.coll, d: w.doc } : { t: 'del', c: w.coll, i: w.id },
      ),
    )
    this.version += 1
    const remember = this.keepHistory()
    for (const w of writes) {
      const docs = this.collections.get(w.coll)
      if (!docs) continue
      if (remember) this.remember(w.coll, w.id, docs.get(w.id))
      if (w.doc) docs.set(w.id, w.doc)
      else docs.delete(w.id)
    }
  }

  /** Version of the last committed change of a document, if it is still in the history. */
  lastChange(coll: string, id: DocId): number {
    const changes = this.history.get(coll)?.get(id)
    return changes ? changes[changes.length - 1].version : 0
  }

  /** The document as it was when `version` was the current version. */
  docAt(coll: string, id: DocId, version: number): Doc | undefined {
    const changes = this.history.get(coll)?.get(id)
    const first = changes?.find((c) => c.version > version)
    return first ? first.before : this.collections.get(coll)?.get(id)
  }

  /** All documents of a collection as they were at `version`. */
  *docsAt(coll: string, version: number): Iterable<Doc> {
    const docs = this.collections.get(coll)
    if (!docs) return
    const changed = this.history.get(coll)
    if (!changed || changed.size === 0 || version >= this.version) {
      yield* docs.values()
      return
    }
    for (const [id, doc] of docs) {
      if (!changed.has(id)) yield doc
      else {
        const old = this.docAt(coll, id, version)
        if (old) yield old
      }
    }
    // Documents deleted since `version` are no longer in `docs`.
    for (const id of changed.keys()) {
      if (docs.has(id)) continue
      const old = this.docAt(coll, id, version)
      if (old) yield old
    }
  }

  /** Forgets history no open transaction can ask for (older than the oldest open snapshot). */
  pruneHistory(oldestOpen: number | undefined): void {
    if (oldestOpen === undefined) {
      this.history.clear()
      return
    }
    for (const [coll, byId] of this.history) {
      for (const [id, changes] of byId) {
        const kept = changes.filter((c) => c.version > oldestOpen)
        if (kept.length === 0) byId.delete(id)
        else if (kept.length !== changes.length) byId.set(id, kept)
      }
      if (byId.size === 0) this.history.delete(coll)
    }
  }

  /** Drops every collection and the journal. */
  wipe(): void {
    this.journal.truncate()
    this.collections.clear()
    this.history.clear()
    this.version += 1
  }

  close(): void {
    this.journal.close()
  }

  private remember(coll: string, id: DocId, before: Doc | undefined): void {
    let byId = this.history.get(coll)
    if (!byId) this.history.set(coll, (byId = new Map()))
    const changes = byId.get(id)
    const change = { version: this.version, before }
    if (changes) changes.push(change)
    else byId.set(id, [change])
  }

  private applyRecord(record: JournalRecord): void {
    switch (record.t) {
      case 'create':
        if (!this.collections.has(record.c)) this.collections.set(record.c, new Map())
        return
      case 'put':
        this.collections.get(record.c)?.set(record.d._id as DocId, record.d as Doc)
        return
      case 'del':
        this.collections.get(record.c)?.delete(record.i)
        return
      case 'batch':
        record.o.forEach((r) => this.applyRecord(r))
    }
  }

  /** Rewrites the journal as one line per collection and document when it is mostly garbage. */
  private compactIfLarge(): void {
    let live = this.collections.size
    for (const docs of this.collections.values()) live += docs.size
    if (this.journal.lineCount < 10_000 || this.journal.lineCount < 2 * live) return
    const collections = this.collections
    this.journal.rewrite(
      (function* records(): Iterable<JournalRecord> {
        for (const name of collections.keys()) yield { t: 'create', c: name }
        for (const [name, docs] of collections) for (const d of docs.values()) yield { t: 'put', c: name, d }
      })(),
    )
  }
}

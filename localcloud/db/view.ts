/**
 * What one request reads and writes through. A request sees a base (the committed state, or a
 * transaction's snapshot) overlaid with its pending writes; the writes are committed together
 * when the request (or the transaction) ends.
 */
import type { DocId } from './journal'
import type { Doc, Store, Write } from './store'
import { dbErrors } from './errors'

export interface ReadView {
  hasCollection(name: string): boolean
  get(coll: string, id: DocId): Doc | undefined
  scan(coll: string): Iterable<Doc>
}

/** The committed state as it is now. */
export function committedView(store: Store): ReadView {
  return {
    hasCollection: (name) => store.hasCollection(name),
    get: (coll, id) => store.docs(coll)?.get(id),
    scan: (coll) => store.docs(coll)?.values() ?? [],
  }
}

/** The committed state as it was at `version` (a transaction's snapshot). */
export function snapshotView(store: Store, version: number): ReadView {
  return {
    hasCollection: (name) => store.hasCollection(name),
    get: (coll, id) => store.docAt(coll, id, version),
    scan: (coll) => store.docsAt(coll, version),
  }
}

/** Pending writes, keyed by collection then `_id`; the last write of a document wins. */
export class WriteSet {
  private readonly byColl = new Map<string, Map<DocId, Write>>()

  get(coll: string, id: DocId): Write | undefined {
    return this.byColl.get(coll)?.get(id)
  }

  set(write: Write): void {
    let byId = this.byColl.get(write.coll)
    if (!byId) this.byColl.set(write.coll, (byId = new Map()))
    byId.set(write.id, write)
  }

  isEmpty(coll: string): boolean {
    return (this.byColl.get(coll)?.size ?? 0) === 0
  }

  inCollection(coll: string): Iterable<Write> {
    return this.byColl.get(coll)?.values() ?? []
  }

  all(): Write[] {
    const out: Write[] = []
    for (const byId of this.byColl.values()) out.push(...byId.values())
    return out
  }

  get size(): number {
    let n = 0
    for (const byId of this.byColl.values()) n += byId.size
    return n
  }
}

/**
 * A base view plus pending writes. `beforeWrite` runs before a write is recorded (a transaction
 * uses it to take the document's lock and detect conflicts).
 */
export class Overlay implements ReadView {
  constructor(
    private readonly base: ReadView,
    readonly writes: WriteSet,
    private readonly beforeWrite: (write: Write) => void = () => undefined,
  ) {}

  hasCollection(name: string): boolean {
    return this.base.hasCollection(name)
  }

  requireCollection(name: string): void {
    if (!this.base.hasCollection(name)) throw dbErrors.collectionNotExist(name)
  }

  get(coll: string, id: DocId): Doc | undefined {
    const w = this.writes.get(coll, id)
    if (w) return w.doc ?? undefined
    return this.base.get(coll, id)
  }

  *scan(coll: string): Iterable<Doc> {
    if (this.writes.isEmpty(coll)) {
      yield* this.base.scan(coll)
      return
    }
    const seen = new Set<DocId>()
    for (const doc of this.base.scan(coll)) {
      const w = this.writes.get(coll, doc._id)
      if (!w) {
        yield doc
        continue
      }
      seen.add(doc._id)
      if (w.doc) yield w.doc
    }
    for (const w of this.writes.inCollection(coll)) {
      if (w.doc && !seen.has(w.id)) yield w.doc
    }
  }

  put(coll: string, doc: Doc): void {
    const write: Write = { coll, id: doc._id, doc }
    this.beforeWrite(write)
    this.writes.set(write)
  }

  delete(coll: string, id: DocId): void {
    const write: Write = { coll, id, doc: null }
    this.beforeWrite(write)
    this.writes.set(write)
  }
}

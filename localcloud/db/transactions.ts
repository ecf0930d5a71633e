/**
 * Transactions with snapshot isolation and first-writer-wins conflicts, like the cloud's MongoDB:
 * - a transaction reads the committed state as of its first operation (MongoDB chooses a
 *   transaction's read timestamp when its first read or write runs, not at startTransaction: a
 *   document committed in between is visible to it), plus its own writes;
 * - writing a document that another open transaction has written, or that was committed after
 *   this transaction's snapshot, fails at once with DATABASE_TRANSACTION_CONFLICT and discards the
 *   transaction (MongoDB aborts a transaction on a write conflict);
 * - commit re-checks every written document against writes committed meanwhile outside any
 *   transaction, and fails with DATABASE_TRANSACTION_CONFLICT (which `runTransaction` retries);
 * - a transaction not committed within `timeoutMs` of startTransaction is discarded (CloudBase: 30 s).
 * Expiry is checked lazily, so no timer keeps the process alive.
 */
import { randomBytes } from 'node:crypto'
import { dbErrors } from './errors'
import type { DocId } from './journal'
import type { Store, Write } from './store'
import { Overlay, WriteSet, snapshotView } from './view'

interface Txn {
  id: string
  /** Store version the transaction reads; set by its first operation. */
  start: number | undefined
  startedAt: number
  writes: WriteSet
  locked: Set<string>
}

const lockKey = (coll: string, id: DocId): string => `${coll}\u0000${typeof id}\u0000${id}`

export class Transactions {
  private readonly open = new Map<string, Txn>()
  private readonly locks = new Map<string, string>()

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    store.keepHistory = () => this.open.size > 0
  }

  get openCount(): number {
    return this.open.size
  }

  start(): string {
    this.expire()
    const id = randomBytes(16).toString('hex')
    this.open.set(id, {
      id,
      start: undefined,
      startedAt: this.clock(),
      writes: new WriteSet(),
      locked: new Set(),
    })
    return id
  }

  /**
   * The view one transactional request reads and writes through: the snapshot plus the
   * transaction's writes so far. The request's own writes are claimed (locked) as they happen and
   * join the transaction with `record` once the request has succeeded.
   */
  view(id: string): Overlay {
    const txn = this.live(id)
    const soFar = new Overlay(snapshotView(this.store, this.snapshot(txn)), txn.writes)
    return new Overlay(soFar, new WriteSet(), (write) => this.claim(txn, write))
  }

  record(id: string, writes: Write[]): void {
    const txn = this.open.get(id)
    if (!txn) throw dbErrors.transactionNotExist()
    for (const w of writes) txn.writes.set(w)
  }

  commit(id: string): void {
    const txn = this.live(id)
    const writes = txn.writes.all()
    const start = this.snapshot(txn)
    for (const w of writes) {
      if (this.store.lastChange(w.coll, w.id) > start || !this.store.hasCollection(w.coll)) {
        this.discard(txn)
        this.prune()
        throw dbErrors.conflict()
      }
    }
    this.discard(txn)
    this.store.commit(writes)
    this.prune()
  }

  /** Aborting an unknown (expired, already discarded) transaction is not an error. */
  abort(id: string): void {
    const txn = this.open.get(id)
    if (txn) this.discard(txn)
    this.prune()
  }

  abortAll(): void {
    for (const txn of Array.from(this.open.values())) this.discard(txn)
    this.prune()
  }

  /** The transaction's snapshot version, taken now if this is its first operation. */
  private snapshot(txn: Txn): number {
    if (txn.start === undefined) txn.start = this.store.version
    return txn.start
  }

  private live(id: string): Txn {
    this.expire()
    const txn = this.open.get(id)
    if (!txn) throw dbErrors.transactionNotExist()
    return txn
  }

  /** Takes the document's write lock for `txn`, or fails the transaction with a conflict. */
  private claim(txn: Txn, write: Write): void {
    const key = lockKey(write.coll, write.id)
    const holder = this.locks.get(key)
    const conflicted =
      (holder !== undefined && holder !== txn.id) ||
      this.store.lastChange(write.coll, write.id) > this.snapshot(txn)
    if (conflicted) {
      this.discard(txn)
      this.prune()
      throw dbErrors.conflict()
    }
    this.locks.set(key, txn.id)
    txn.locked.add(key)
  }

  private discard(txn: Txn): void {
    for (const key of txn.locked) if (this.locks.get(key) === txn.id) this.locks.delete(key)
    this.open.delete(txn.id)
  }

  /** Discards expired transactions (called on every request, so none lingers holding history). */
  expire(): void {
    const now = this.clock()
    let expired = false
    for (const txn of Array.from(this.open.values())) {
      if (now - txn.startedAt > this.timeoutMs) {
        this.discard(txn)
        expired = true
      }
    }
    if (expired) this.prune()
  }

  private prune(): void {
    let oldest: number | undefined
    for (const { start } of this.open.values()) {
      if (start !== undefined) oldest = oldest === undefined ? start : Math.min(oldest, start)
    }
    this.store.pruneHistory(oldest)
  }
}

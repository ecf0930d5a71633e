/**
 * The local cloud's database service: answers wx-server-sdk's `database.*` requests from an
 * in-memory store made durable by an append-only journal under `dir`.
 *
 * The service is synchronous inside (one request runs to completion before the next), which is
 * what makes each request atomic; `handle` is async only to fit an HTTP handler.
 */
import { randomBytes } from 'node:crypto'
import { Store, type Doc } from './store'
import { Transactions } from './transactions'
import { Protocol } from './protocol'
import { DbError, dbErrors, toWireError } from './errors'
import { Overlay, WriteSet, committedView } from './view'
import { insertDocs } from './writes'
import { decodeValue, type PlainObject } from './ejson'

export interface DatabaseServiceOptions {
  /** The cloud's clock: `db.serverDate()` and generated `_id`s use it. Default: the system clock. */
  now?: () => Date
  /** A transaction not committed this long after startTransaction is discarded. Default 30 000 ms
   * (CloudBase: "transaction must be commit or abort in 30 seconds"). */
  transactionTimeoutMs?: number
  /** Milliseconds of a monotonic clock, for transaction expiry. Default: `performance.now()`. */
  transactionClock?: () => number
}

export class DatabaseService {
  private readonly protocol: Protocol
  private readonly txns: Transactions
  private readonly now: () => Date
  private readonly requestPrefix = randomBytes(4).toString('hex')
  private requests = 0
  private closed = false

  private constructor(
    private readonly store: Store,
    opts: DatabaseServiceOptions,
  ) {
    this.now = opts.now ?? (() => new Date())
    this.txns = new Transactions(store, opts.transactionTimeoutMs ?? 30_000, opts.transactionClock)
    this.protocol = new Protocol(store, this.txns)
  }

  /** Opens (or creates) the database kept in `dir`, replaying its journal. */
  static open(dir: string, opts: DatabaseServiceOptions = {}): DatabaseService {
    return new DatabaseService(new Store(dir), opts)
  }

  /**
   * Answers one request body of wx-server-sdk (`{ action: 'database.…', … }`) with the exact JSON
   * object to send back with HTTP 200. Never throws: failures are `{ code, message, requestId }`.
   */
  async handle(body: Record<string, unknown>): Promise<unknown> {
    return this.handleSync(body)
  }

  /** `handle` without the promise, for callers that are synchronous themselves. */
  handleSync(body: Record<string, unknown>): unknown {
    this.requests += 1
    const requestId = `${this.requestPrefix}-${this.requests.toString(16)}`
    try {
      if (this.closed) throw dbErrors.requestFailed('the database service is closed')
      if (!body || typeof body !== 'object')
        throw dbErrors.invalidParam('the request body must be a JSON object')
      this.txns.expire()
      const at = this.now()
      return this.protocol.dispatch({ body, requestId, now: () => at })
    } catch (err) {
      return toWireError(err, requestId)
    }
  }

  /** Creates a collection; false when it already existed. */
  createCollection(name: string): boolean {
    if (this.store.hasCollection(name)) return false
    this.store.createCollection(name)
    return true
  }

  listCollections(): string[] {
    return Array.from(this.store.collections.keys()).sort()
  }

  /** Number of committed documents; throws DATABASE_COLLECTION_NOT_EXIST for a missing collection. */
  countDocuments(name: string): number {
    const docs = this.store.docs(name)
    if (!docs) throw dbErrors.collectionNotExist(name)
    return docs.size
  }

  /**
   * Inserts plain documents (Dates allowed) in one durable batch, for seed code; the collection
   * must exist. Returns the `_id`s (generated when missing).
   */
  insertDocuments(name: string, docs: Array<Record<string, unknown>>): Array<string | number> {
    const view = new Overlay(committedView(this.store), new WriteSet())
    const plain = docs.map((d) => decodeValue(d, this.now) as PlainObject)
    const ids = insertDocs(view, name, plain, this.now())
    this.store.commit(view.writes.all())
    return ids
  }

  /** A committed document by `_id`, for checks in tests and tools. */
  getDocument(name: string, id: string | number): Doc | undefined {
    return this.store.docs(name)?.get(id)
  }

  /** Number of open transactions. */
  get openTransactions(): number {
    return this.txns.openCount
  }

  /** Drops every collection and document, durably; open transactions are discarded. */
  wipe(): void {
    this.txns.abortAll()
    this.store.wipe()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.txns.abortAll()
    this.store.close()
  }
}

export { DbError }

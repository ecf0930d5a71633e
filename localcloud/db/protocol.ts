/**
 * The `database.*` actions of wx-server-sdk 4.0.2 (@cloudbase/database 1.4.3): request fields in,
 * the exact response objects out. Success answers are `{ requestId, data: … }` except
 * startTransaction, whose `transactionId` sits at the top level. Listed documents are EJSON strings.
 */
import type { Store } from './store'
import type { Transactions } from './transactions'
import { Overlay, WriteSet, committedView } from './view'
import { countMatching, findPage } from './query'
import { insertDocs, modifyDocs, removeDocs } from './writes'
import { decodePipeline, runPipeline } from './aggregate'
import { dbErrors } from './errors'
import { isPlainObject, parseEJSON, stringifyEJSON, type PlainObject } from './ejson'

/** The cloud caps a page at 1000 documents; the SDK asks for 100 when no limit is given. */
export const MAX_LIMIT = 1000
export const DEFAULT_LIMIT = 100

export interface Request {
  body: Record<string, unknown>
  requestId: string
  now: () => Date
}

type Answer = Record<string, unknown>

export class Protocol {
  constructor(
    private readonly store: Store,
    private readonly txns: Transactions,
  ) {}

  dispatch(req: Request): Answer {
    const action = req.body.action
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(req)
      case 'database.getDocument':
        return this.getDocument(req)
      case 'database.calculateDocument':
        return this.calculateDocument(req)
      case 'database.insertDocument':
        return this.insertDocument(req)
      case 'database.modifyDocument':
        return this.modifyDocument(req)
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(req)
      case 'database.removeDocument':
        return this.removeDocument(req)
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(req)
      case 'database.startTransaction':
        return { requestId: req.requestId, transactionId: this.txns.start() }
      case 'database.commitTransaction':
        this.txns.commit(requireString(req.body, 'transactionId'))
        return { requestId: req.requestId }
      case 'database.abortTransaction':
        this.txns.abort(requireString(req.body, 'transactionId'))
        return { requestId: req.requestId }
      default:
        throw dbErrors.invalidParam(`unknown action ${String(action)}`)
    }
  }

  private addCollection(req: Request): Answer {
    const name = collectionName(req.body)
    if (this.store.hasCollection(name)) throw dbErrors.collectionExists(name)
    this.store.createCollection(name)
    return { requestId: req.requestId }
  }

  private getDocument(req: Request): Answer {
    const b = req.body
    const coll = collectionName(b)
    const limit = pageLimit(b.limit)
    const offset = nonNegative(b.offset)
    return this.read(b, coll, (view) => {
      const page = findPage(view, coll, {
        query: decodeObject(b.query, req.now),
        order: decodeOrder(b.order, req.now),
        offset,
        limit,
        projection: b.projection === undefined ? undefined : decodeObject(b.projection, req.now),
      })
      return { requestId: req.requestId, data: { list: page.map(stringifyEJSON), offset, limit } }
    })
  }

  private calculateDocument(req: Request): Answer {
    const coll = collectionName(req.body)
    return this.read(req.body, coll, (view) => ({
      requestId: req.requestId,
      data: { total: countMatching(view, coll, decodeObject(req.body.query, req.now)) },
    }))
  }

  private insertDocument(req: Request): Answer {
    const b = req.body
    const coll = collectionName(b)
    const raw = Array.isArray(b.data) ? b.data : [b.data]
    const docs = raw.map((d) => decodeObject(d, req.now, 'data'))
    if (docs.length === 0) throw dbErrors.invalidParam('data must not be empty')
    const ids = this.write(b, (view) => insertDocs(view, coll, docs, req.now()))
    return { requestId: req.requestId, data: { insertedIds: ids } }
  }

  private modifyDocument(req: Request): Answer {
    const b = req.body
    const coll = collectionName(b)
    const result = this.write(b, (view) =>
      modifyDocs(
        view,
        coll,
        {
          query: decodeObject(b.query, req.now),
          data: decodeObject(b.data, req.now, 'data'),
          multi: b.multi === true,
          merge: b.merge !== false,
          upsert: b.upsert === true,
        },
        req.now(),
      ),
    )
    const data: Answer = { updated: result.updated, matched: result.matched }
    if (result.upsertId !== undefined) data.upsert_id = result.upsertId
    return { requestId: req.requestId, data }
  }

  /**
   * `where(…).updateAndReturn(data)`: updates the first match, answers it as it is afterwards.
   * A findAndModify: `updated` is 1 whenever a document matched, changed or not (CloudBase).
   */
  private modifyAndReturnDoc(req: Request): Answer {
    const b = req.body
    const coll = collectionName(b)
    const result = this.write(b, (view) =>
      modifyDocs(
        view,
        coll,
        {
          query: decodeObject(b.query, req.now),
          data: decodeObject(b.data, req.now, 'data'),
          multi: false,
          merge: true,
          upsert: false,
        },
        req.now(),
      ),
    )
    const doc = result.docs[0]
    return {
      requestId: req.requestId,
      data: { updated: result.matched, doc: doc ? stringifyEJSON(doc) : null },
    }
  }

  private removeDocument(req: Request): Answer {
    const b = req.body
    const coll = collectionName(b)
    const deleted = this.write(b, (view) =>
      removeDocs(view, coll, decodeObject(b.query, req.now), b.multi === true),
    )
    return { requestId: req.requestId, data: { deleted } }
  }

  private aggregateDocuments(req: Request): Answer {
    const coll = collectionName(req.body)
    const pipeline = decodePipeline(req.body.stages, req.now)
    const list = runPipeline(committedView(this.store), coll, pipeline)
    return { requestId: req.requestId, data: { list: list.map(stringifyEJSON) } }
  }

  /** Reads through the request's transaction when it names one, else the committed state. */
  private read<T>(body: Record<string, unknown>, coll: string, fn: (view: Overlay) => T): T {
    const txnId = transactionId(body)
    const view = txnId ? this.txns.view(txnId) : new Overlay(committedView(this.store), new WriteSet())
    view.requireCollection(coll)
    return fn(view)
  }

  /** Runs a write; outside a transaction its writes commit (journal first) before the answer. */
  private write<T>(body: Record<string, unknown>, fn: (view: Overlay) => T): T {
    const txnId = transactionId(body)
    if (txnId) {
      const view = this.txns.view(txnId)
      const result = fn(view)
      this.txns.record(txnId, view.writes.all())
      return result
    }
    const view = new Overlay(committedView(this.store), new WriteSet())
    const result = fn(view)
    this.store.commit(view.writes.all())
    return result
  }
}

function transactionId(body: Record<string, unknown>): string | undefined {
  const id = body.transactionId
  return typeof id === 'string' && id.length > 0 ? id : undefined
}

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key]
  if (typeof value !== 'string' || value.length === 0) throw dbErrors.invalidParam(`${key} is required`)
  return value
}

function collectionName(body: Record<string, unknown>): string {
  return requireString(body, 'collectionName')
}

function decodeObject(raw: unknown, now: () => Date, what = 'query'): PlainObject {
  if (raw === undefined || raw === null || raw === '') return {}
  let value: unknown
  try {
    value = parseEJSON(raw, now)
  } catch {
    throw dbErrors.invalidParam(`${what} is not valid EJSON`)
  }
  if (!isPlainObject(value)) throw dbErrors.invalidParam(`${what} must be an object`)
  return value
}

/** `order` is the EJSON of `{ field: 1 | -1, … }`; older SDKs sent `[{ field, direction }]`. */
function decodeOrder(raw: unknown, now: () => Date): Record<string, 1 | -1> | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const value = parseEJSON(raw, now)
  const order: Record<string, 1 | -1> = {}
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isPlainObject(item) && typeof item.field === 'string')
        order[item.field] = item.direction === 'desc' ? -1 : 1
    }
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) order[k] = v === -1 || v === 'desc' ? -1 : 1
  } else {
    throw dbErrors.invalidParam('order must be an object')
  }
  return order
}

function pageLimit(raw: unknown): number {
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT
  return Math.min(Math.floor(n), MAX_LIMIT)
}

function nonNegative(raw: unknown): number {
  const n = Number(raw)
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
}

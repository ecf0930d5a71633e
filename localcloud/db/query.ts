/**
 * Reading with MongoDB semantics (mingo): filter, order, offset/limit, projection.
 * Lookups by `_id` (what every `doc(id)` call sends) use the collection's Map instead of a scan.
 */
import { compare, resolve } from 'mingo/util'
import type { DocId } from './journal'
import type { Doc } from './store'
import type { ReadView } from './view'
import { isDate, isPlainObject, type PlainObject } from './ejson'
import { byDistance, extractNear } from './geo/near'
import { compileQuery, project } from './mongo'

export interface FindSpec {
  query: PlainObject
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: PlainObject
}

/**
 * The `_id`s a query is restricted to, when its top-level `_id` is a plain equality or `$in` (other
 * conditions beside it, as in a guarded update `{ _id, version }`, are tested on those documents).
 */
function idsOf(query: PlainObject): DocId[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(query, '_id')) return undefined
  const cond = query._id
  if (typeof cond === 'string' || typeof cond === 'number') return [cond]
  if (isPlainObject(cond)) {
    const ops = Object.keys(cond)
    if (
      ops.length === 1 &&
      ops[0] === '$eq' &&
      (typeof cond.$eq === 'string' || typeof cond.$eq === 'number')
    )
      return [cond.$eq]
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray(cond.$in)) {
      const ids = cond.$in.filter((v): v is DocId => typeof v === 'string' || typeof v === 'number')
      if (ids.length === cond.$in.length) return Array.from(new Set(ids))
    }
  }
  return undefined
}

/**
 * Every document of `coll` matching `query`, in natural (insertion) order — or nearest first when
 * the query has a `$nearSphere` / `$near` condition (as MongoDB orders them).
 */
export function matching(view: ReadView, coll: string, query: PlainObject, max = Infinity): Doc[] {
  const { query: rest, near } = extractNear(query)
  if (near) {
    const all = filtered(view, coll, rest, Infinity)
    return byDistance(all, near)
      .slice(0, max)
      .map((hit) => hit.doc)
  }
  return filtered(view, coll, query, max)
}

function filtered(view: ReadView, coll: string, query: PlainObject, max: number): Doc[] {
  const ids = idsOf(query)
  if (ids) {
    const rest = Object.keys(query).length > 1 ? compileQuery(query) : null
    const out: Doc[] = []
    for (const id of ids) {
      const doc = view.get(coll, id)
      if (doc && (rest === null || rest.test(doc))) out.push(doc)
      if (out.length >= max) break
    }
    return out
  }
  const out: Doc[] = []
  if (Object.keys(query).length === 0) {
    for (const doc of view.scan(coll)) {
      out.push(doc)
      if (out.length >= max) break
    }
    return out
  }
  const compiled = compileQuery(query)
  for (const doc of view.scan(coll)) {
    if (compiled.test(doc)) {
      out.push(doc)
      if (out.length >= max) break
    }
  }
  return out
}

export function countMatching(view: ReadView, coll: string, query: PlainObject): number {
  return matching(view, coll, query).length
}

/** A `get()`: filter, sort, skip, limit, then project only the page. */
export function findPage(view: ReadView, coll: string, spec: FindSpec): PlainObject[] {
  const offset = Math.max(0, spec.offset ?? 0)
  const limit = Math.max(0, spec.limit ?? 100)
  const sorted = spec.order && Object.keys(spec.order).length > 0
  let page: PlainObject[]
  if (sorted) {
    page = sortDocs(matching(view, coll, spec.query), spec.order!).slice(offset, offset + limit)
  } else {
    page = matching(view, coll, spec.query, offset + limit).slice(offset)
  }
  if (spec.projection && Object.keys(spec.projection).length > 0) {
    page = project(page, spec.projection)
  }
  return page
}

/**
 * MongoDB's sort order (mingo's `compare` across types; an array sorts by its smallest element
 * ascending, its largest descending), stable, with each key resolved once per document.
 */
export function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  const fields = Object.keys(order)
  const dirs = fields.map((f) => order[f])
  const keyed = docs.map((doc) => ({ doc, keys: fields.map((f, i) => sortKey(resolve(doc, f), dirs[i])) }))
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareFast(a.keys[i], b.keys[i])
      if (c !== 0) return c * dirs[i]
    }
    return 0
  })
  return keyed.map((k) => k.doc)
}

function sortKey(value: unknown, dir: 1 | -1): unknown {
  if (!Array.isArray(value)) return value
  if (value.length === 0) return undefined
  return value.reduce((best, v) => (compareFast(v, best) * dir < 0 ? v : best))
}

function compareFast(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime())
  if (isDate(a) && isDate(b)) return Math.sign(a.getTime() - b.getTime())
  return compare(a, b)
}

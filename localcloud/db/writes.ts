/**
 * Writing with MongoDB semantics: insert, update (operators via mingo, or whole-document replace
 * for `doc().set()`), upsert, remove. Every write goes through an Overlay, never into the store.
 */
import { randomBytes } from 'node:crypto'
import { applyUpdate } from './mongo'
import { matching } from './query'
import type { Doc } from './store'
import type { Overlay } from './view'
import type { DocId } from './journal'
import { dbErrors } from './errors'
import { clonePlain, isPlainObject, stringifyEJSON, type PlainObject } from './ejson'
import { checkInsertable, checkStorable } from './fieldNames'

/** A cloud-style `_id`: 32 hex characters, the first 8 the creation time in seconds. */
export function newId(now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000) >>> 0
  return seconds.toString(16).padStart(8, '0') + randomBytes(12).toString('hex')
}

function asId(value: unknown): DocId | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

export function insertDocs(view: Overlay, coll: string, docs: PlainObject[], now: Date): DocId[] {
  view.requireCollection(coll)
  const prepared: Doc[] = docs.map((d) => {
    if (d._id !== undefined && asId(d._id) === undefined)
      throw dbErrors.invalidParam('_id must be a string or a number')
    checkInsertable(d)
    return { _id: asId(d._id) ?? newId(now), ...withoutId(d) }
  })
  const seen = new Set<DocId>()
  for (const doc of prepared) {
    if (seen.has(doc._id) || view.get(coll, doc._id)) throw dbErrors.duplicateKey(coll, doc._id)
    seen.add(doc._id)
  }
  for (const doc of prepared) view.put(coll, doc)
  return prepared.map((d) => d._id)
}

export interface ModifySpec {
  query: PlainObject
  data: PlainObject
  multi: boolean
  /** true: `data` holds update operators; false: `data` replaces the document (`doc().set()`). */
  merge: boolean
  upsert: boolean
}

export interface ModifyResult {
  matched: number
  /**
   * CloudBase's `updated`. For update operators (`update()`), MongoDB's nModified: a matched
   * document the update leaves as it was is not counted. For a replacement (`doc().set()`), every
   * matched document (CloudBase's docs: "1 if the _id exists"), even when its content is unchanged.
   */
  updated: number
  upsertId?: DocId
  /** The documents after the update, in the order they were updated. */
  docs: Doc[]
}

/** Update operators for `data`: a plain object with no `$` keys means `$set` of those fields. */
function toModifier(data: PlainObject): PlainObject {
  const keys = Object.keys(data)
  if (keys.length === 0 || keys.every((k) => k.startsWith('$'))) return data
  const modifier: PlainObject = { $set: {} }
  for (const k of keys) {
    if (k.startsWith('$')) modifier[k] = data[k]
    else (modifier.$set as PlainObject)[k] = data[k]
  }
  return modifier
}

function withoutId(doc: PlainObject): PlainObject {
  const rest: PlainObject = { ...doc }
  delete rest._id
  return rest
}

function updated(doc: Doc, spec: ModifySpec): Doc {
  if (!spec.merge) {
    const replacement = { _id: doc._id, ...withoutId(spec.data) }
    checkStorable(replacement)
    return replacement
  }
  const next = clonePlain(doc)
  applyUpdate(next, toModifier(spec.data))
  if (next._id !== doc._id) {
    throw dbErrors.requestFailed(
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    )
  }
  checkStorable(next)
  return next
}

/** Equality fields of a query, the seed of an upserted document (as MongoDB does). */
function seedFromQuery(query: PlainObject): PlainObject {
  const seed: PlainObject = {}
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$')) continue
    if (isPlainObject(v) && Object.keys(v).some((op) => op.startsWith('$'))) {
      if (Object.keys(v).length === 1 && '$eq' in v) seed[k] = v.$eq
      continue
    }
    seed[k] = v
  }
  return seed
}

export function modifyDocs(view: Overlay, coll: string, spec: ModifySpec, now: Date): ModifyResult {
  view.requireCollection(coll)
  const targets = matching(view, coll, spec.query, spec.multi ? Infinity : 1)
  if (targets.length === 0 && spec.upsert) {
    const seed = seedFromQuery(spec.query)
    const id = asId(seed._id) ?? newId(now)
    const base: Doc = { _id: id, ...withoutId(seed) }
    const doc = updated(base, spec)
    view.put(coll, doc)
    return { matched: 0, updated: 0, upsertId: id, docs: [doc] }
  }
  let changed = 0
  const docs: Doc[] = []
  for (const doc of targets) {
    const next = updated(doc, spec)
    docs.push(next)
    if (stringifyEJSON(next) === stringifyEJSON(doc)) continue
    view.put(coll, next)
    changed += 1
  }
  return { matched: targets.length, updated: spec.merge ? changed : targets.length, docs }
}

export function removeDocs(view: Overlay, coll: string, query: PlainObject, multi: boolean): number {
  view.requireCollection(coll)
  const targets = matching(view, coll, query, multi ? Infinity : 1)
  for (const doc of targets) view.delete(coll, doc._id)
  return targets.length
}

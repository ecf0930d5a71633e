/**
 * Paging (docs/architecture.md, "Cost model": a query returns at most 100 documents, so every list is paged). Lists use
 * keyset cursors — the sort value and `_id` of the last row, opaque to the client — so a page costs
 * one indexed query however deep it is.
 */
import { db } from '../platform/cloud'
import { AppError } from '../entry/envelope'

export interface Keyset {
  /** The sort field's value on the last row. */
  v: string | number | null
  id: string
}

export const encodeCursor = (k: Keyset): string => Buffer.from(JSON.stringify(k)).toString('base64url')

export function decodeCursor(cursor: string | null | undefined): Keyset | null {
  if (!cursor) return null
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Keyset
    if (typeof k.id !== 'string') throw new Error('no id')
    return k
  } catch {
    throw new AppError('INVALID_INPUT', '分页参数无效', [{ path: 'cursor', message: '分页参数无效' }])
  }
}

/** The condition "after the cursor" in `field` order, ties broken by `_id` in the same direction. */
export function afterCursor(field: string, dir: 'asc' | 'desc', k: Keyset): object {
  const _ = db().command
  const beyond = dir === 'asc' ? _.gt(k.v) : _.lt(k.v)
  const beyondId = dir === 'asc' ? _.gt(k.id) : _.lt(k.id)
  return _.or([{ [field]: beyond }, { [field]: k.v, _id: beyondId }])
}

/** `where` for a page: the base condition, and after the cursor when there is one. */
export function pageWhere(
  base: object,
  field: string,
  dir: 'asc' | 'desc',
  cursor: string | null | undefined,
): object {
  const k = decodeCursor(cursor)
  return k === null ? base : db().command.and([base, afterCursor(field, dir, k)])
}

/** Splits a fetched `pageSize + 1` rows into the page and the next cursor. */
export function toPage<T extends { _id: string }>(
  rows: T[],
  pageSize: number,
  sortValue: (row: T) => string | number | null,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= pageSize) return { rows, nextCursor: null }
  const page = rows.slice(0, pageSize)
  const last = page[page.length - 1]
  return { rows: page, nextCursor: encodeCursor({ v: sortValue(last), id: last._id }) }
}

/** Offset cursors, for boards whose order has several keys (a board is short and read by few). */
export const decodeOffset = (cursor: string | null | undefined): number => {
  if (!cursor) return 0
  const n = Number(cursor)
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new AppError('INVALID_INPUT', '分页参数无效')
  return n
}

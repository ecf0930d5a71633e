/**
 * A shared/ figure filter as a database condition (`where` / aggregate `match`), so the database
 * does the counting on its indexes. Conditions on one field are combined with `and`.
 */
import type { Condition, Filter } from '@shared/index'
import { db } from '../platform/cloud'

const command = (c: Condition): unknown => {
  const _ = db().command
  switch (c.op) {
    case 'eq':
      return _.eq(c.value)
    case 'ne':
      return _.neq(c.value)
    case 'in':
      return _.in([...c.value])
    case 'nin':
      return _.nin([...c.value])
    case 'gte':
      return _.gte(c.value)
    case 'lt':
      return _.lt(c.value)
    case 'lte':
      return _.lte(c.value)
  }
}

export function filterQuery(townId: string, ...filters: Filter[]): Record<string, unknown> {
  const byField = new Map<string, unknown[]>()
  for (const c of filters.flat()) byField.set(c.field, [...(byField.get(c.field) ?? []), command(c)])
  const where: Record<string, unknown> = { townId }
  for (const [field, cmds] of byField)
    where[field] =
      cmds.length === 1 ? cmds[0] : cmds.reduce((a, b) => (a as { and(x: unknown): unknown }).and(b))
  return where
}

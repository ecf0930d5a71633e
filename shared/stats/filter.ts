/**
 * A figure's definition as data: a list of conditions on a document's fields, all of which must
 * hold. The statistics function turns it into a database query (`where`/`$match`, so the database
 * counts on its indexes); `matchesFilter` reads it the same way for one document, so tests and the
 * docs can state what each figure counts without a database.
 */

export type Condition =
  | { field: string; op: 'eq'; value: string | number | boolean | null }
  | { field: string; op: 'ne'; value: string | number | boolean | null }
  | { field: string; op: 'in'; value: readonly (string | number)[] }
  | { field: string; op: 'nin'; value: readonly (string | number)[] }
  /** Inclusive lower bound (ISO instants and YYYY-MM-DD dates compare as strings). */
  | { field: string; op: 'gte'; value: string | number }
  /** Exclusive upper bound. */
  | { field: string; op: 'lt'; value: string | number }
  | { field: string; op: 'lte'; value: string | number }

export type Filter = readonly Condition[]

/** `a.b.c` of a plain document; undefined when any step is missing. */
export const fieldValue = (doc: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      doc,
    )

/** As the database compares: an array field matches `eq`/`in` when one of its elements does. */
const values = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v])

const holds = (doc: unknown, c: Condition): boolean => {
  const v = fieldValue(doc, c.field)
  switch (c.op) {
    case 'eq':
      return c.value === null ? v === null || v === undefined : values(v).includes(c.value)
    case 'ne':
      return c.value === null ? v !== null && v !== undefined : !values(v).includes(c.value)
    case 'in':
      return values(v).some((x) => (c.value as readonly unknown[]).includes(x))
    case 'nin':
      return !values(v).some((x) => (c.value as readonly unknown[]).includes(x))
    case 'gte':
      return typeof v === typeof c.value && (v as string | number) >= c.value
    case 'lt':
      return typeof v === typeof c.value && (v as string | number) < c.value
    case 'lte':
      return typeof v === typeof c.value && (v as string | number) <= c.value
  }
}

/**
 * @example
 * matchesFilter({ source: 'patrol' }, [{ field: 'source', op: 'eq', value: 'patrol' }]) // true
 */
export const matchesFilter = (doc: unknown, filter: Filter): boolean => filter.every((c) => holds(doc, c))

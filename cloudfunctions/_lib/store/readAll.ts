/**
 * Every document matching `where`, in pages of 100 (the most a query answers) ordered by `_id`,
 * up to `maxPages` pages: one operation per page. `fields` projects each page when given.
 */
import { db } from '../platform/cloud'

export async function readAll<T>(
  collection: string,
  where: object,
  fields: Record<string, boolean> = {},
  maxPages = 100,
): Promise<T[]> {
  const out: T[] = []
  for (let page = 0; page < maxPages; page++) {
    let query = db()
      .collection<T>(collection)
      .where(where)
      .orderBy('_id', 'asc')
      .skip(page * 100)
      .limit(100)
    if (Object.keys(fields).length > 0) query = query.field(fields)
    const { data } = await query.get()
    out.push(...data)
    if (data.length < 100) break
  }
  return out
}

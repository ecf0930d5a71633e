/**
 * Reads every document of a query in pages of 100 (the SDK's page), up to `EXPORT_MAX_ROWS`: an
 * export is the one place a function reads the rows themselves, and a period's ledger is bounded.
 */
import { db } from '../_lib/platform/cloud'
import { AppError } from '../_lib/entry/envelope'

export const EXPORT_MAX_ROWS = 5000
const PAGE = 100

export async function readPages<T>(
  collection: string,
  where: object,
  order: string,
  projection?: Record<string, boolean>,
): Promise<T[]> {
  const out: T[] = []
  for (let offset = 0; ; offset += PAGE) {
    let q = db().collection<T>(collection).where(where).orderBy(order, 'asc').orderBy('_id', 'asc')
    if (projection) q = q.field(projection)
    const { data } = await q.skip(offset).limit(PAGE).get()
    out.push(...data)
    if (out.length > EXPORT_MAX_ROWS)
      throw new AppError('INVALID_INPUT', `导出超过 ${EXPORT_MAX_ROWS} 行，请缩短时间或缩小范围`)
    if (data.length < PAGE) return out
  }
}

/** Staff names by id, 100 ids per query. */
export async function namesOf(townId: string, ids: Iterable<string>): Promise<Record<string, string>> {
  const unique = [...new Set([...ids].filter(Boolean))]
  const out: Record<string, string> = {}
  for (let i = 0; i < unique.length; i += PAGE) {
    const { data } = await db()
      .collection<{ _id: string; name: string }>('staff')
      .where({ townId, _id: db().command.in(unique.slice(i, i + PAGE)) })
      .field({ name: true })
      .get()
    for (const s of data) out[s._id] = s.name
  }
  return out
}

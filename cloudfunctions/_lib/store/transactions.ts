/**
 * One state change, one transaction. The cloud database reports a write conflict in two ways
 * (docs/architecture.md, "Toolchain notes"): an operation inside the transaction fails at once with errCode -501001 and
 * "conflict" in its message, or the commit fails with code DATABASE_TRANSACTION_CONFLICT. Both
 * mean "somebody else changed this document first": the work is run again on fresh reads (its
 * decisions depend only on what it reads, so this is safe), a bounded number of times, and then
 * answered as CONFLICT.
 */
import { db } from '../platform/cloud'
import { AppError } from '../entry/envelope'
import type { Transaction } from '../platform/sdkTypes'

interface SdkError {
  code?: unknown
  errCode?: unknown
  errMsg?: unknown
  message?: unknown
}

const text = (err: SdkError): string => `${String(err.errMsg ?? '')} ${String(err.message ?? '')}`

export const isConflict = (err: unknown): boolean => {
  if (!err || typeof err !== 'object') return false
  const e = err as SdkError
  return e.code === 'DATABASE_TRANSACTION_CONFLICT' || (e.errCode === -501001 && /conflict/i.test(text(e)))
}

/** E11000: an insert with an `_id` that exists (how idempotency keys refuse a second insert). */
export const isDuplicateKey = (err: unknown): boolean =>
  !!err && typeof err === 'object' && /E11000|duplicate key/i.test(text(err as SdkError))

/** Ends the transaction without writing and makes `inTransaction` answer `value`. */
export class Abort<T> {
  constructor(readonly value: T) {}
}

export interface TransactionOptions {
  /** Further attempts after a conflict (0: answer CONFLICT at the first one). */
  retries?: number
}

/**
 * Runs `work` in a transaction and commits it. `work` may throw an AppError (the transaction is
 * rolled back and the error answered) or return an `Abort` (rolled back, value returned).
 */
export async function inTransaction<T>(
  work: (txn: Transaction, attempt: number) => Promise<T | Abort<T>>,
  options: TransactionOptions = {},
): Promise<T> {
  const retries = options.retries ?? 2
  for (let attempt = 0; ; attempt++) {
    const txn = await db().startTransaction()
    try {
      const result = await work(txn, attempt)
      if (result instanceof Abort) {
        await rollbackQuietly(txn)
        return result.value
      }
      await txn.commit()
      return result
    } catch (err) {
      await rollbackQuietly(txn)
      if (isConflict(err)) {
        if (attempt < retries) continue
        throw new AppError('CONFLICT')
      }
      throw err
    }
  }
}

/** A conflicted transaction is already discarded by the database; rolling it back again is harmless. */
async function rollbackQuietly(txn: Transaction): Promise<void> {
  try {
    await txn.rollback()
  } catch {
    /* already ended */
  }
}

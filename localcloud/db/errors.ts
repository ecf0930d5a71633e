/**
 * The error answers of the cloud database, as wx-server-sdk receives them: HTTP 200 with
 * `{ code, message, requestId }`. The SDK maps `code` through its TCB_ERR_CODE table
 * (DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_REQUEST_FAILED → -502001,
 * INVALID_PARAM → -501007) and every other code to -501001 with the message kept.
 * `runTransaction` retries when a commit fails with exactly `DATABASE_TRANSACTION_CONFLICT`.
 */

export type DbErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'INVALID_PARAM'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DbError'
  }
}

export const dbErrors = {
  collectionNotExist: (name: string) =>
    new DbError(
      'DATABASE_COLLECTION_NOT_EXIST',
      `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
    ),
  collectionExists: (name: string) =>
    new DbError(
      'DATABASE_COLLECTION_ALREADY_EXIST',
      `[ResourceUnavailable.ResourceExist] Table exist: ${name}.`,
    ),
  duplicateKey: (name: string, id: unknown) =>
    new DbError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
    ),
  // The two transaction messages are CloudBase's own words (the "30 seconds" included, whatever
  // timeout the local service was opened with).
  conflict: () =>
    new DbError(
      'DATABASE_TRANSACTION_CONFLICT',
      '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    ),
  transactionNotExist: () =>
    new DbError(
      'DATABASE_TRANSACTION_FAIL',
      '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    ),
  invalidParam: (message: string) => new DbError('INVALID_PARAM', `[InvalidParameter] ${message}`),
  requestFailed: (message: string) => new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message}`),
}

/** Turns anything thrown while serving a request into the wire error shape. */
export function toWireError(
  err: unknown,
  requestId: string,
): { code: string; message: string; requestId: string } {
  if (err instanceof DbError) return { code: err.code, message: err.message, requestId }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'DATABASE_REQUEST_FAILED', message: `[FailedOperation] ${message}`, requestId }
}

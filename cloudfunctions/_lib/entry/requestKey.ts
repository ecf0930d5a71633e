/**
 * The key of one tap: the caller and the client's request id, hashed (the same id from another
 * person is another request). A retried write finds what the first call recorded under it.
 */
import { createHash } from 'node:crypto'

export const requestKey = (prefix: string, openid: string, clientRequestId: string): string =>
  `${prefix}_${createHash('sha1').update(`${openid}\u0000${clientRequestId}`).digest('hex').slice(0, 24)}`

/** The key when the request carries a client request id, else undefined (no retry protection asked). */
export const requestKeyOf = (
  prefix: string,
  openid: string,
  req: { clientRequestId?: string },
): string | undefined =>
  req.clientRequestId === undefined ? undefined : requestKey(prefix, openid, req.clientRequestId)

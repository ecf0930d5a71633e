/**
 * Field names MongoDB will not store (CloudBase answers DATABASE_REQUEST_FAILED): a name starting
 * with `$`, at any depth, in embedded documents and in documents inside arrays. Checked on every
 * document as it would be stored, so inserts, `set`, upserts and update operators (`$set` of a
 * `$`-named or a `$`-holding value, `$push` of such a document…) are all covered.
 */
import { dbErrors } from './errors'
import { isPlainObject } from './ejson'

function firstDollarField(value: unknown, path: string): { name: string; path: string } | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstDollarField(value[i], `${path}.${i}`)
      if (found) return found
    }
    return undefined
  }
  if (!isPlainObject(value)) return undefined
  for (const [name, inner] of Object.entries(value)) {
    const at = path ? `${path}.${name}` : name
    if (name.startsWith('$')) return { name, path: at }
    const found = firstDollarField(inner, at)
    if (found) return found
  }
  return undefined
}

/** MongoDB's insert check ("Document can't have $ prefixed field names"). */
export function checkInsertable(doc: Record<string, unknown>): void {
  const found = firstDollarField(doc, '')
  if (found) throw dbErrors.requestFailed(`Document can't have $ prefixed field names: ${found.name}`)
}

/** MongoDB's check of a document an update produced. */
export function checkStorable(doc: Record<string, unknown>): void {
  const found = firstDollarField(doc, '')
  if (found)
    throw dbErrors.requestFailed(
      `The dollar ($) prefixed field '${found.name}' in '${found.path}' is not valid for storage.`,
    )
}

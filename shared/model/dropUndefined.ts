/**
 * A copy without `undefined` fields: documents are stored and sent as JSON, where an undefined
 * field would vanish anyway, and tests compare with `toEqual` more honestly without them.
 */
export const dropUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

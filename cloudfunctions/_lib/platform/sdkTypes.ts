/**
 * The slice of wx-server-sdk's database API the functions use, typed for promise-style calls (the
 * SDK's own typings also allow callback-style results, which strict TypeScript cannot narrow).
 */

export type DocumentData = Record<string, unknown>

export interface Query<T = DocumentData> {
  where(condition: object): Query<T>
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>
  skip(n: number): Query<T>
  limit(n: number): Query<T>
  field(projection: Record<string, boolean | number>): Query<T>
  get(): Promise<{ data: T[] }>
  count(): Promise<{ total: number }>
  /** Not transactional in the SDK: `where().update()` never carries a transaction id. */
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface DocRef<T = DocumentData> {
  get(): Promise<{ data: T | null }>
  set(options: { data: object }): Promise<{ stats: { updated: number; created: number } }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface Aggregate {
  match(q: object): Aggregate
  group(g: object): Aggregate
  sort(s: object): Aggregate
  project(p: object): Aggregate
  skip(n: number): Aggregate
  limit(n: number): Aggregate
  end(): Promise<{ list: Array<Record<string, unknown>> }>
}

export interface Collection<T = DocumentData> extends Query<T> {
  doc(id: string): DocRef<T>
  add(options: { data: object | object[] }): Promise<{ _id?: string; _ids?: string[] }>
  aggregate(): Aggregate
}

export interface Transaction {
  collection<T = DocumentData>(name: string): Collection<T>
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

/** Where a write goes: a transaction, or the database itself (a write that commits at once). */
export type Writer = Pick<Transaction, 'collection'>

export interface Command {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  in(v: unknown[]): unknown
  nin(v: unknown[]): unknown
  or(conds: object[]): object
  and(conds: object[]): object
  inc(n: number): unknown
  push(v: unknown): unknown
  pull(v: unknown): unknown
  addToSet(v: unknown): unknown
  remove(): unknown
  exists(b: boolean): unknown
  set(v: unknown): unknown
  aggregate: {
    sum(v: unknown): unknown
  }
}

export interface Database {
  command: Command
  collection<T = DocumentData>(name: string): Collection<T>
  startTransaction(): Promise<Transaction>
}

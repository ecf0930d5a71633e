/**
 * An in-process `POST /tcb` server over a DatabaseService on a random port, and a real
 * wx-server-sdk pointed at it. For tests of the database service alone (no worker processes).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseService, createTcbHttpHandler, type DatabaseServiceOptions } from '../../localcloud/db'

export interface TcbServer {
  db: DatabaseService
  dir: string
  serviceUrl: string
  close(): Promise<void>
}

export function tempDir(prefix = 'yiwang-db-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export async function startTcbServer(
  opts: DatabaseServiceOptions & { dir?: string } = {},
): Promise<TcbServer> {
  const ownDir = opts.dir === undefined
  const dir = opts.dir ?? tempDir()
  const db = DatabaseService.open(dir, opts)
  const server = http.createServer(createTcbHttpHandler(db))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    db,
    dir,
    serviceUrl: `http://127.0.0.1:${port}/tcb`,
    async close() {
      // The SDK keeps connections alive; close them so no socket outlives the test.
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      db.close()
      if (ownDir) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The real wx-server-sdk, initialised against `serviceUrl` with dummy credentials. */
export function initCloud(serviceUrl: string): typeof import('wx-server-sdk') {
  // Skips the SDK's probe of http://metadata.tencentyun.com before every request.
  process.env.TENCENTCLOUD = 'true'
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: 'local', serviceUrl, secretId: 'local', secretKey: 'local' } as Parameters<
    typeof cloud.init
  >[0])
  return cloud
}

/** A stored document as the SDK hands it back. */
export interface SdkDocument {
  _id: string | number
  [field: string]: unknown
}

/**
 * The slice of wx-server-sdk's database API the tests use, typed for promise-style calls (the
 * SDK's own typings also allow callback-style results, which strict TS cannot narrow).
 */
export interface SdkQuery {
  where(condition: object): SdkQuery
  orderBy(field: string, order: 'asc' | 'desc'): SdkQuery
  skip(n: number): SdkQuery
  limit(n: number): SdkQuery
  field(projection: object): SdkQuery
  get(): Promise<{ data: SdkDocument[] }>
  count(): Promise<{ total: number }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface SdkDocRef {
  field(projection: object): SdkDocRef
  get(): Promise<{ data: SdkDocument }>
  set(options: {
    data: object
  }): Promise<{ _id: string | number; stats: { updated: number; created: number } }>
  update(options: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface SdkAggregate {
  match(q: object): SdkAggregate
  group(g: object): SdkAggregate
  sort(s: object): SdkAggregate
  project(p: object): SdkAggregate
  lookup(l: object): SdkAggregate
  unwind(u: string | object): SdkAggregate
  skip(n: number): SdkAggregate
  limit(n: number): SdkAggregate
  count(field: string): SdkAggregate
  end(): Promise<{ list: Array<Record<string, unknown>> }>
}

export interface SdkCollection extends SdkQuery {
  doc(id: string | number): SdkDocRef
  add(options: { data: object }): Promise<{ _id: string | number }>
  aggregate(): SdkAggregate
}

export interface SdkTransaction {
  collection(name: string): SdkCollection
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

type RealDb = ReturnType<(typeof import('wx-server-sdk'))['database']>

export interface SdkDb {
  command: RealDb['command']
  serverDate(options?: { offset?: number }): unknown
  RegExp(options: { regexp: string; options?: string }): unknown
  collection(name: string): SdkCollection
  createCollection(name: string): Promise<unknown>
  runTransaction<T>(callback: (transaction: SdkTransaction) => Promise<T>, retries?: number): Promise<T>
  startTransaction(): Promise<SdkTransaction>
}

export function sdkDatabase(
  cloud: typeof import('wx-server-sdk'),
  config: Record<string, unknown> = {},
): SdkDb {
  return cloud.database(config as Parameters<typeof cloud.database>[0]) as unknown as SdkDb
}

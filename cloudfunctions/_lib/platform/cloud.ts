/**
 * The one wx-server-sdk instance of a function bundle, initialised once per warm instance for the
 * environment the function runs in. Everything else reaches the platform through here.
 */
import cloud from 'wx-server-sdk'
import type { Database } from './sdkTypes'

let initialised = false
let database: Database | null = null

const init = (): void => {
  if (initialised) return
  // The typings reject the symbol under strict TS (docs/architecture.md, "Toolchain notes").
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  initialised = true
}

/** The database, with `doc(id).get()` answering `null` for a missing document instead of throwing. */
export const db = (): Database => {
  init()
  database ??= cloud.database({ throwOnNotFound: false } as unknown as Parameters<
    typeof cloud.database
  >[0]) as unknown as Database
  return database
}

interface NodeSdkQuery {
  updateAndReturn(data: object): Promise<{ doc?: unknown; code?: string; message?: string }>
}

/**
 * `collection.where(query).updateAndReturn(data)`: updates the first document that matches and
 * answers it as it is afterwards (null when none matched), in one operation (a findAndModify).
 * The method belongs to @cloudbase/node-sdk's database (since 2.3.0), which wx-server-sdk wraps as
 * `_db` without passing the method on; the request is the same wire call
 * (`database.modifyAndReturnDoc`) on the same connection.
 */
export async function updateAndReturn<T>(collection: string, query: object, data: object): Promise<T | null> {
  const inner = (
    db() as unknown as { _db?: { collection(name: string): { where(q: object): NodeSdkQuery } } }
  )._db
  if (typeof inner?.collection !== 'function')
    throw new Error(
      'wx-server-sdk no longer carries its @cloudbase/node-sdk database: updateAndReturn is unavailable',
    )
  const res = await inner.collection(collection).where(query).updateAndReturn(data)
  if (res.code)
    throw Object.assign(new Error(res.message ?? res.code), { errCode: res.code, errMsg: res.message })
  return (res.doc as T | undefined) ?? null
}

export interface WxContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  SOURCE?: string
  ENV?: string
}

/** Who is calling, as the platform says (never the event). */
export const wxContext = (): WxContext => {
  init()
  return cloud.getWXContext() as WxContext
}

/** `cloud.openapi`, looked up at call time (the local cloud replaces it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const openapi = (): any => {
  init()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (cloud as any).openapi
}

/** Cloud storage (`uploadFile`, `downloadFile`, `getTempFileURL`) of the function's environment. */
export const storage = (): Pick<typeof cloud, 'uploadFile' | 'downloadFile' | 'getTempFileURL'> => {
  init()
  return cloud
}

/** A file written to cloud storage, then handed out by a temporary URL (exports, a resident's data). */
export const fileStore = () => {
  init()
  return {
    upload: (cloudPath: string, content: Buffer) =>
      cloud.uploadFile({ cloudPath, fileContent: content }) as Promise<{ fileID: string }>,
    tempUrl: async (fileID: string): Promise<string> => {
      const res = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
        fileList: { tempFileURL?: string }[]
      }
      return res.fileList[0]?.tempFileURL ?? ''
    },
  }
}

/**
 * The `storage.*` actions of the wx-server-sdk wire protocol (as @cloudbase/node-sdk 3.17 sends
 * them): getTempFileURL → batchGetDownloadUrl, deleteFile → batchDeleteFile, uploadFile →
 * getUploadMetadata + a PUT to the returned URL, downloadFile → batchGetDownloadUrl + a GET.
 */
import { randomBytes } from 'node:crypto'
import type { FileStore } from './store'

const UPLOAD_TTL_MS = 10 * 60_000

function requestId(): string {
  return randomBytes(8).toString('hex')
}

export class StorageWire {
  /** Pending SDK uploads: token → cloudPath. */
  private uploads = new Map<string, { path: string; expires: number }>()

  constructor(
    private readonly store: FileStore,
    private readonly baseUrl: () => string,
  ) {}

  handle(body: Record<string, unknown>): Record<string, unknown> {
    switch (body.action) {
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(body.file_list)
      case 'storage.batchDeleteFile':
        return this.deleteFiles(body.fileid_list)
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(body.path)
      default:
        return {
          code: 'INVALID_PARAM',
          message: `本地云不支持 ${String(body.action)}`,
          requestId: requestId(),
        }
    }
  }

  /** The cloudPath a PUT to `/__storage/cos/<token>` writes, once. */
  takeUpload(token: string): string | null {
    const entry = this.uploads.get(token)
    this.uploads.delete(token)
    return entry && entry.expires > Date.now() ? entry.path : null
  }

  private downloadUrls(list: unknown): Record<string, unknown> {
    if (!Array.isArray(list))
      return { code: 'INVALID_PARAM', message: 'file_list 必须是数组', requestId: requestId() }
    const download_list = list.map((item: { fileid?: unknown; max_age?: unknown }) => {
      const fileID = String(item?.fileid ?? '')
      const path = this.store.pathOf(fileID)
      const hit = path ? this.store.get(path) : null
      if (!hit)
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      const { meta } = hit
      return {
        fileID,
        tempFileURL: this.store.urlFor(meta.path),
        code: 'SUCCESS',
        maxAge: typeof item.max_age === 'number' ? item.max_age : 86400,
        openid: meta.openid,
        size: meta.size,
        contentType: meta.contentType,
      }
    })
    return { requestId: requestId(), data: { download_list } }
  }

  private deleteFiles(list: unknown): Record<string, unknown> {
    if (!Array.isArray(list))
      return { code: 'INVALID_PARAM', message: 'fileid_list 必须是数组', requestId: requestId() }
    const delete_list = list.map((fileID: unknown) => {
      const path = this.store.pathOf(String(fileID))
      const ok = path !== null && this.store.delete(path)
      return ok
        ? { fileID, code: 'SUCCESS' }
        : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
    })
    return { requestId: requestId(), data: { delete_list } }
  }

  private uploadMetadata(path: unknown): Record<string, unknown> {
    if (typeof path !== 'string' || !path)
      return { code: 'INVALID_PARAM', message: 'path 不能为空', requestId: requestId() }
    const now = Date.now()
    for (const [t, e] of this.uploads) if (e.expires <= now) this.uploads.delete(t)
    const token = randomBytes(12).toString('hex')
    const cloudPath = path.replace(/^\/+/, '')
    this.uploads.set(token, { path: cloudPath, expires: now + UPLOAD_TTL_MS })
    const fileId = this.store.fileIdFor(cloudPath)
    return {
      requestId: requestId(),
      data: {
        url: `${this.baseUrl()}/__storage/cos/${token}`,
        token,
        authorization: `local ${token}`,
        fileId,
        cosFileId: token,
        download_url: this.store.urlFor(cloudPath),
      },
    }
  }
}

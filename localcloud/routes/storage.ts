/**
 * Storage over HTTP: `GET|HEAD /storage/<path>` serves a file (with its uploader as
 * `x-cos-meta-openid`), `POST /__storage/upload?path=` stores a mini-program user's image or voice
 * note, `PUT /__storage/cos/<token>` receives an upload the SDK (`cloud.uploadFile`) announced.
 */
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { App } from '../app'
import { header, HttpError, MB, readBody, sendJson } from '../http/util'
import { checkCloudPath } from '../storage/store'

export const USER_UPLOAD_LIMIT = 10 * MB
const SDK_UPLOAD_LIMIT = 50 * MB
/** Photos and voice notes; the grid office's roster spreadsheet (.xlsx) for `roster.importStaff`. */
const USER_TYPES =
  /^((image|audio)\/[a-z0-9.+-]+|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)$/i

export function serveStored(app: App, req: IncomingMessage, res: ServerResponse, rawPath: string): void {
  let path: string
  try {
    path = checkCloudPath(decodeURIComponent(rawPath))
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', '路径不合法')
  }
  const hit = app.store.get(path)
  if (!hit) throw new HttpError(404, 'NOT_FOUND', '文件不存在')
  const { meta, file } = hit
  res.writeHead(200, {
    'Content-Type': meta.contentType,
    'Content-Length': meta.size,
    'Cache-Control': 'private, max-age=600',
    ...(meta.openid ? { 'x-cos-meta-openid': meta.openid } : {}),
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
}

export async function handleUserUpload(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'INVALID_INPUT', 'POST only')
  const openid = header(req, 'x-wx-openid')
  if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '缺少用户身份（X-WX-OPENID），请先登录')
  const path = checkCloudPath(url.searchParams.get('path') ?? '')
  const contentType = header(req, 'content-type').split(';')[0].trim()
  if (!USER_TYPES.test(contentType)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传图片、录音或 .xlsx 表格文件')
  }
  const bytes = await readBody(req, USER_UPLOAD_LIMIT)
  if (!bytes.length) throw new HttpError(400, 'INVALID_INPUT', '文件内容为空')
  const meta = app.store.put(path, bytes, { openid, contentType })
  sendJson(res, 200, { fileID: meta.fileID })
}

export async function handleSdkUpload(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  token: string,
): Promise<void> {
  if (req.method !== 'PUT') throw new HttpError(405, 'INVALID_INPUT', 'PUT only')
  const path = app.storageWire.takeUpload(token)
  if (!path) throw new HttpError(403, 'FORBIDDEN', 'upload token unknown or expired')
  const bytes = await readBody(req, SDK_UPLOAD_LIMIT)
  app.store.put(path, bytes, { openid: null })
  res.writeHead(200, { 'Content-Length': 0 })
  res.end()
}

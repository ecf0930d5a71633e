/**
 * The ONE module that talks to the cloud. Pages call these functions and never the platform.
 *
 * - weapp: Taro.cloud (callFunction / uploadFile) and Taro.requestSubscribeMessage.
 * - h5:    HTTP to the local cloud (./http), identity = the dev identity switcher's openid.
 *
 * Every branch is guarded by `process.env.TARO_ENV`, which the build replaces by a constant, so the
 * other platform's code (and the h5-only dev module) is compiled out.
 * Every function resolves to the envelope `{ ok: true, data } | { ok: false, error }`; none throws.
 */
import Taro from '@tarojs/taro'
import { devSubscribe, networkError, postFunction, toEnvelope, uploadBlob, type CallResult } from './http'

export type { CallError, CallErrorCode, CallResult } from './http'

type DevIdentity = typeof import('../dev/identity')

/** h5 only: transport options for the current dev identity (same-origin local cloud). */
function h5Options(): { baseUrl: string; openid: string } {
  let openid = ''
  // The require sits inside an h5-only branch: webpack drops the branch, and so the dev module,
  // from the weapp build (tests/browser/smoke.test.ts checks the marker is absent).
  if (process.env.TARO_ENV === 'h5') {
    const identity: DevIdentity = require('../dev/identity')
    openid = identity.getDevOpenid()
  }
  return { baseUrl: '', openid }
}

let cloudReady = false

/** weapp only: `Taro.cloud.init` once (app.tsx calls it at launch; callers here call it lazily too). */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  if (!Taro.cloud) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

/** Call cloud function `name` with `data` (`{ action, ...payload }`). */
export async function callFunction<T>(name: string, data: Record<string, unknown>): Promise<CallResult<T>> {
  if (process.env.TARO_ENV === 'h5') {
    return postFunction<T>(name, data, h5Options())
  }
  if (process.env.TARO_ENV === 'weapp') {
    initCloud()
    try {
      const res = await Taro.cloud.callFunction({ name, data })
      return toEnvelope<T>(res.result)
    } catch {
      return networkError()
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: '当前平台不支持' } }
}

/** What an upload is called in its messages. */
type UploadKind = { read: string; failed: string }
const IMAGE: UploadKind = { read: '图片读取失败，请重新选择', failed: '图片上传失败，请重试' }
const AUDIO: UploadKind = { read: '录音读取失败，请重新录音', failed: '录音上传失败，请重试' }

async function uploadFile(
  file: string | Blob,
  cloudPath: string,
  kind: UploadKind,
): Promise<CallResult<string>> {
  if (process.env.TARO_ENV === 'h5') {
    let blob: Blob
    try {
      blob = typeof file === 'string' ? await (await fetch(file)).blob() : file
    } catch {
      return { ok: false, error: { code: 'INVALID_INPUT', message: kind.read } }
    }
    return uploadBlob(cloudPath, blob, h5Options())
  }
  if (process.env.TARO_ENV === 'weapp') {
    if (typeof file !== 'string') return { ok: false, error: { code: 'INVALID_INPUT', message: kind.read } }
    initCloud()
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file })
      if (res.fileID) return { ok: true, data: res.fileID }
      return { ok: false, error: { code: 'INTERNAL', message: kind.failed } }
    } catch {
      return networkError()
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: '当前平台不支持' } }
}

/**
 * Upload one image. `file` is a local temp path (weapp; h5: a blob: URL from chooseImage) or a
 * File/Blob (h5). Resolves to the cloud fileID.
 */
export function uploadImage(file: string | Blob, cloudPath: string): Promise<CallResult<string>> {
  return uploadFile(file, cloudPath, IMAGE)
}

/**
 * Upload one voice note (same path rule as photos: `uploads/<openid>/…`). `file` is the recorder's
 * temp path (weapp: aac/mp3) or the MediaRecorder's Blob (h5: webm/ogg, sent with its audio/* type).
 */
export function uploadAudio(file: string | Blob, cloudPath: string): Promise<CallResult<string>> {
  return uploadFile(file, cloudPath, AUDIO)
}

/**
 * Ask the user for subscribe-message permission (must run from a tap; max 3 templates per call in
 * WeChat). Resolves to the template ids the user accepted; the caller reports them to the server.
 * h5: the local openapi records the grant as if the user had tapped "允许".
 */
export async function requestSubscribe(templateIds: string[]): Promise<CallResult<string[]>> {
  if (templateIds.length === 0) return { ok: true, data: [] }
  if (process.env.TARO_ENV === 'h5') {
    return devSubscribe(templateIds, h5Options())
  }
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = (await Taro.requestSubscribeMessage({
        tmplIds: templateIds,
      } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
      return { ok: true, data: templateIds.filter((id) => res[id] === 'accept') }
    } catch {
      // The user closed the dialog, or subscribe messages are switched off: nothing accepted.
      return { ok: true, data: [] }
    }
  }
  return { ok: true, data: [] }
}

/**
 * Spreadsheets for the grid office (导入花名册): pick an .xlsx to upload, and open a spreadsheet the
 * function made (the template, the invite codes). weapp: `chooseMessageFile` (a file from a chat)
 * and `downloadFile` + `openDocument`; h5: a file input and the browser's own download. Each branch
 * is guarded by `process.env.TARO_ENV`.
 */
import Taro from '@tarojs/taro'
import { randomId } from '../lib/ids'
import { initCloud, type CallResult } from './cloud'

type Http = typeof import('./http')
type DevIdentity = typeof import('../dev/identity')

/**
 * Uploads to `cloudPath`. The h5 transport and dev identity are required inside the h5 branch
 * only, of a plain (not async) function so the build can drop the branch: the weapp build carries
 * neither (tests/browser/smoke.test.ts checks).
 */
function uploadSheet(file: string | Blob, cloudPath: string): Promise<CallResult<string>> {
  if (process.env.TARO_ENV === 'h5') {
    const http: Http = require('./http')
    const identity: DevIdentity = require('../dev/identity')
    if (typeof file === 'string')
      return Promise.resolve({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '表格读取失败，请重新选择' },
      })
    return http.uploadBlob(cloudPath, file, { baseUrl: '', openid: identity.getDevOpenid() })
  }
  if (process.env.TARO_ENV === 'weapp') return weappUpload(file as string, cloudPath)
  return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: '当前平台不支持' } })
}

async function weappUpload(filePath: string, cloudPath: string): Promise<CallResult<string>> {
  initCloud()
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
    if (res.fileID) return { ok: true, data: res.fileID }
    return { ok: false, error: { code: 'INTERNAL', message: '表格上传失败，请重试' } }
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '网络异常，请检查网络后重试' } }
  }
}

/** Lets the user pick one .xlsx; null when they cancel. */
export function chooseSheet(): Promise<string | Blob | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      input.style.display = 'none'
      input.setAttribute('data-testid', 'sheet-input')
      input.onchange = () => {
        const file = input.files?.[0] ?? null
        input.remove()
        resolve(file)
      }
      document.body.appendChild(input)
      input.click()
    })
  }
  if (process.env.TARO_ENV === 'weapp') {
    return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).then(
      (r) => r.tempFiles[0]?.path ?? null,
      () => null,
    )
  }
  return Promise.resolve(null)
}

/** Uploads the picked file as the caller's own (`uploads/<openid>/…xlsx`). */
export const uploadRosterSheet = (file: string | Blob, openid: string): Promise<CallResult<string>> =>
  uploadSheet(file, `uploads/${openid}/${Date.now().toString(36)}${randomId(8)}.xlsx`)

/** Opens (weapp) or downloads (h5) a spreadsheet (or a PDF: `fileType`) by its temporary link. */
export async function openSheet(url: string, name: string, fileType: 'xlsx' | 'pdf' = 'xlsx'): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = url
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.downloadFile({ url })
    await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true })
  }
}

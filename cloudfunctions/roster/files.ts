/**
 * Spreadsheets in cloud storage: the office uploads its filled-in roster to `uploads/<openid>/…`
 * (like a photo); the function writes the template and the invite list under `roster/<townId>/`
 * and answers a temporary download link.
 */
import { AppError } from '../_lib/entry/envelope'
import { storage } from '../_lib/platform/cloud'

const FILE_ID = /^cloud:\/\/([^/.\s]+)\.[^/\s]+\/(.+)$/

/** The caller's own upload in this environment, an .xlsx (anything else is refused). */
export function requireOwnSheet(fileID: string, openid: string, env: string): void {
  const m = FILE_ID.exec(fileID)
  const parts = m ? m[2].split('/') : []
  const own =
    m !== null &&
    (env === '' || m[1] === env) &&
    parts.length === 3 &&
    parts[0] === 'uploads' &&
    parts[1] === openid &&
    /^[A-Za-z0-9_-]{1,64}\.xlsx$/i.test(parts[2])
  if (!own)
    throw new AppError('INVALID_INPUT', '表格必须是您本人刚上传的 .xlsx 文件', [
      { path: 'fileID', message: '表格文件无效' },
    ])
}

export async function download(fileID: string): Promise<Buffer> {
  try {
    const res = (await storage().downloadFile({ fileID })) as { fileContent: Buffer }
    return res.fileContent
  } catch {
    throw new AppError('NOT_FOUND', '没有找到上传的表格，请重新上传')
  }
}

/** Stores a made file and answers its fileID and a download link (valid for a day). */
export async function publish(cloudPath: string, content: Buffer): Promise<{ fileID: string; url: string }> {
  const uploaded = (await storage().uploadFile({ cloudPath, fileContent: content })) as { fileID: string }
  const res = (await storage().getTempFileURL({
    fileList: [{ fileID: uploaded.fileID, maxAge: 86_400 }],
  })) as {
    fileList?: { tempFileURL?: string }[]
  }
  const fileID = uploaded.fileID
  const url = res.fileList?.[0]?.tempFileURL ?? ''
  return { fileID, url }
}

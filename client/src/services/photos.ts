/**
 * Choosing and uploading photos. weapp: Taro.chooseImage → temp paths; h5: a File from an
 * <input type="file"> (components/PhotoPicker). Uploads go to `uploads/<openid>/<random>.<ext>`.
 * Showing: weapp's <Image> reads cloud:// fileIDs itself; h5 reads the local cloud's /storage/.
 */
import Taro from '@tarojs/taro'
import { imageExtension, uploadPath } from '../lib/ids'
import { uploadImage, type CallResult } from './cloud'

export interface LocalPhoto {
  /** weapp: temp file path; h5: the File. */
  file: string | Blob
  /** A URL the page can show before the upload finishes. */
  preview: string
  ext: string
}

/** weapp only: the system picker (camera or album). */
export async function chooseWithSystem(count: number): Promise<LocalPhoto[]> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths.map((p) => ({ file: p, preview: p, ext: imageExtension(p) }))
  } catch {
    return [] // cancelled
  }
}

/** h5 only: files picked in an <input type="file">. */
export function fromFiles(files: ArrayLike<File>): LocalPhoto[] {
  return Array.from(files).map((f) => ({
    file: f,
    preview: URL.createObjectURL(f),
    ext: imageExtension(f.type || f.name),
  }))
}

export function uploadPhoto(openid: string, photo: LocalPhoto): Promise<CallResult<string>> {
  return uploadImage(photo.file, uploadPath(openid, photo.ext))
}

/** A URL an <Image> can load for a stored fileID (`cloud://<env>.<bucket>/<path>`). */
export function photoUrl(fileID: string): string {
  if (process.env.TARO_ENV === 'h5') {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
    return m ? `/storage/${m[1].split('/').map(encodeURIComponent).join('/')}` : fileID
  }
  return fileID
}

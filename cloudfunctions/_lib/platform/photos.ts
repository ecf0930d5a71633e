/**
 * Photos and voice notes are files this user uploaded to this environment (docs/architecture.md, "Roles and scope"). The client
 * uploads to `uploads/<openid>/<name>.<ext>`; a fileID is `cloud://<env>.<bucket>/<path>`. Anything
 * else — another user's upload, another environment's file, a path that climbs out — is refused.
 */
import { AppError } from '../entry/envelope'

const FILE_ID = /^cloud:\/\/([^/.\s]+)\.[^/\s]+\/(.+)$/
/** By extension: weapp's recorder writes aac/mp3 (m4a on some phones), the h5 MediaRecorder webm/ogg. */
const NAMES = {
  image: /^[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|webp|heic|gif)$/i,
  audio: /^[A-Za-z0-9_-]{1,64}\.(mp3|aac|m4a|webm|ogg)$/i,
} as const

export function isOwnUpload(
  fileId: string,
  openid: string,
  env: string,
  kind: keyof typeof NAMES = 'image',
): boolean {
  const m = FILE_ID.exec(fileId)
  if (!m) return false
  const [, fileEnv, path] = m
  if (env !== '' && fileEnv !== env) return false
  const parts = path.split('/')
  return parts.length === 3 && parts[0] === 'uploads' && parts[1] === openid && NAMES[kind].test(parts[2])
}

/** A voice note (docs/architecture.md, "Elder-friendly screens") follows the photos' rule, with an audio file. */
export function requireOwnVoice(
  voice: { fileID: string } | null | undefined,
  openid: string,
  env: string,
): void {
  if (voice == null || isOwnUpload(voice.fileID, openid, env, 'audio')) return
  throw new AppError('INVALID_INPUT', '语音必须是您本人刚录制上传的文件', [
    { path: 'voice', message: '语音无效' },
  ])
}

export function requireOwnUploads(fileIds: readonly string[], openid: string, env: string): void {
  const bad = fileIds.find((f) => !isOwnUpload(f, openid, env))
  if (bad !== undefined)
    throw new AppError('INVALID_INPUT', '图片必须是您本人刚上传的文件', [
      { path: 'photos', message: '图片无效' },
    ])
}

/** Random ids made on the client: idempotency keys for submits, and upload file names. */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

export function randomId(length = 16): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return out
}

/** A `clientRequestId` (`[A-Za-z0-9_-]{8,64}`): one per form, so a double tap submits once. */
export const newClientRequestId = (): string => `r${Date.now().toString(36)}${randomId(10)}`

/** The image extension from a MIME type or a file path; `jpg` when nothing says. */
export function imageExtension(typeOrPath: string | undefined): string {
  const s = (typeOrPath ?? '').toLowerCase()
  const m = /image\/(png|jpe?g|gif|webp)/.exec(s) ?? /\.(png|jpe?g|gif|webp)(?:$|\?)/.exec(s)
  if (!m) return 'jpg'
  return m[1] === 'jpeg' ? 'jpg' : m[1]
}

/** `uploads/<openid>/<random>.<ext>`: the prefix lets the function check who uploaded a photo. */
export const uploadPath = (openid: string, ext: string): string =>
  `uploads/${openid}/${Date.now().toString(36)}${randomId(8)}.${ext}`

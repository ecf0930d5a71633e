/**
 * `wxacode.getUnlimited` of the local openapi: WeChat draws a 小程序码 that opens `page` with
 * `scene` in its options; the local cloud draws a plain QR code (the `qrcode` package) of the
 * address the h5 build opens the same page at, with the same `scene` in it — so a phone camera or
 * a test can scan it and land where a WeChat user would. Checks the scene as WeChat does (at most
 * 32 visible characters of its allowed set: 40169 otherwise) and the page (41030 when malformed).
 */
import QRCode from 'qrcode'
import { wxError, type WxAnswer } from './subscribe'

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/
const PAGE = /^[A-Za-z0-9_/-]+$/

export async function getUnlimited(data: Record<string, unknown>, baseUrl: string): Promise<WxAnswer> {
  const scene = typeof data.scene === 'string' ? data.scene : ''
  if (!SCENE.test(scene)) return wxError(40169, 'invalid length for scene, or the data is not json string')
  const page = typeof data.page === 'string' && data.page !== '' ? data.page : 'pages/index/index'
  if (!PAGE.test(page) || page.startsWith('/')) return wxError(41030, 'invalid page rid')
  const width = Math.min(1280, Math.max(280, Number(data.width) || 430))
  const address = `${baseUrl}/#/${page}?scene=${encodeURIComponent(scene)}`
  const png = await QRCode.toBuffer(address, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
  return { errcode: 0, errmsg: 'ok', content_type: 'image/png', buffer: { $base64: png.toString('base64') } }
}

/** Local storage: uploads from the h5 client, the SDK's storage calls from a function, serving bytes. */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { makeFunctionsDir, startLocalCloud, type LocalCloud } from '../helpers/localcloud'

const CODE = `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => {
  const { OPENID } = cloud.getWXContext()
  if (event.action === 'inspect') {
    const { fileList } = await cloud.getTempFileURL({ fileList: event.fileIDs })
    const owners = await Promise.all(fileList.map(async (f) =>
      f.status === 0 ? (await fetch(f.tempFileURL, { method: 'HEAD' })).headers.get('x-cos-meta-openid') : null))
    return { fileList, owners, mine: owners.map((o) => o === OPENID) }
  }
  if (event.action === 'roundtrip') {
    const up = await cloud.uploadFile({ cloudPath: 'exports/report.txt', fileContent: Buffer.from(event.text) })
    const down = await cloud.downloadFile({ fileID: up.fileID })
    const del = await cloud.deleteFile({ fileList: [up.fileID] })
    const after = await cloud.getTempFileURL({ fileList: [up.fileID] })
    return { fileID: up.fileID, text: down.fileContent.toString(), del: del.fileList, after: after.fileList }
  }
}`

let lc: LocalCloud
let fnDir: string
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(50_000)])

const upload = (path: string, body: Buffer, headers: Record<string, string>) =>
  lc.request(`/__storage/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  })

beforeAll(async () => {
  fnDir = makeFunctionsDir({ files: { code: CODE } })
  lc = await startLocalCloud({ env: { FUNCTIONS_DIR: fnDir, TIMER_TICK_MS: '0' } })
})

afterAll(async () => {
  await lc?.stop()
  rmSync(fnDir, { recursive: true, force: true })
})

test('an uploaded photo is served byte for byte, and a function sees its URL and uploader', async () => {
  const up = await upload('uploads/oAlice/photo 1.jpg', jpeg, {
    'x-wx-openid': 'oAlice',
    'content-type': 'image/jpeg',
  })
  expect(up.status).toBe(200)
  expect(up.body).toEqual({ fileID: 'cloud://local.yiwang-local/uploads/oAlice/photo 1.jpg' })

  const served = await fetch(`${lc.url}/storage/uploads/oAlice/photo%201.jpg`)
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/jpeg')
  expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true)

  const missing = 'cloud://local.yiwang-local/uploads/oAlice/none.jpg'
  const r = await lc.call('files', { action: 'inspect', fileIDs: [up.body.fileID, missing] }, 'oAlice')
  expect(r.status).toBe(200)
  expect(r.body.fileList[0]).toMatchObject({
    fileID: up.body.fileID,
    status: 0,
    tempFileURL: `${lc.url}/storage/uploads/oAlice/photo%201.jpg`,
  })
  expect(r.body.fileList[1]).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' })
  expect(r.body.owners).toEqual(['oAlice', null])
  expect(r.body.mine).toEqual([true, false])
  // someone else asking sees it is not theirs
  expect(
    (await lc.call('files', { action: 'inspect', fileIDs: [up.body.fileID] }, 'oBob')).body.mine,
  ).toEqual([false])
})

test('uploads need an identity, an image or audio type, a sane path and ≤ 10 MB', async () => {
  const ok = { 'x-wx-openid': 'oAlice', 'content-type': 'image/png' }
  expect((await upload('uploads/a.png', jpeg, { 'content-type': 'image/png' })).status).toBe(401)
  expect((await upload('uploads/a.txt', jpeg, { ...ok, 'content-type': 'text/plain' })).status).toBe(415)
  expect((await upload('../escape.png', jpeg, ok)).status).toBe(400)
  expect((await upload('uploads/big.png', Buffer.alloc(10 * 1024 * 1024 + 1), ok)).status).toBe(413)
  expect((await upload('uploads/voice.mp3', jpeg, { ...ok, 'content-type': 'audio/mpeg' })).status).toBe(200)
  expect((await lc.request('/storage/uploads%2F..%2F..%2Fetc%2Fpasswd')).status).toBeGreaterThanOrEqual(400)
})

test("a user cannot overwrite another user's file", async () => {
  await upload('shared/x.png', jpeg, { 'x-wx-openid': 'oAlice', 'content-type': 'image/png' })
  const r = await upload('shared/x.png', jpeg, { 'x-wx-openid': 'oBob', 'content-type': 'image/png' })
  expect(r.status).toBe(403)
  expect(r.body.error.code).toBe('FORBIDDEN')
})

test('cloud.uploadFile / downloadFile / deleteFile work from a function', async () => {
  const r = await lc.call('files', { action: 'roundtrip', text: '一网 report' }, 'oAdmin')
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    fileID: 'cloud://local.yiwang-local/exports/report.txt',
    text: '一网 report',
    del: [{ fileID: 'cloud://local.yiwang-local/exports/report.txt', status: 0, errMsg: 'ok' }],
    after: [{ status: -503003 }],
  })
})

/**
 * A grid's 小程序码 on a real local cloud: the office asks for the code of 石桥村三组; the local
 * openapi draws it (as WeChat would draw a 小程序码) with the grid as `scene`; scanning it gives the
 * address of the home page with that scene, and a newcomer opening it gets the grid as their home.
 */
import Jimp from 'jimp'

/** qrcode-reader ships no types; the part used here. */
interface QrReader {
  callback: (err: unknown, value: { result: string }) => void
  decode(bitmap: unknown): void
}
const QrCode = require('qrcode-reader') as new () => QrReader
import { expectOk, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

async function scan(png: Buffer): Promise<string> {
  const image = await Jimp.read(png)
  return new Promise((resolve, reject) => {
    const qr = new QrCode()
    qr.callback = (err, value) => (err ? reject(err) : resolve(value.result))
    qr.decode(image.bitmap)
  })
}

describe('a grid code', () => {
  it('round-trips the grid through the scene: office → code → scan → the newcomer’s home grid', async () => {
    const code = expectOk(await town.call('roster', { action: 'gridCode', gridId: 'g03' }, 'demo-admin'))
    expect(code).toEqual({
      gridId: 'g03',
      gridName: '石桥村三组',
      scene: 'g03',
      fileID: expect.stringMatching(/\/roster\/town-qingshan\/codes\/g03\.png$/),
      url: expect.any(String),
    })
    const res = await fetch(code.url)
    expect(res.headers.get('content-type')).toBe('image/png')
    const address = await scan(Buffer.from(await res.arrayBuffer()))
    expect(address).toBe(`${town.cloud.url}/#/pages/index/index?scene=g03`)
    const scene = new URL(address.replace('#/', '')).searchParams.get('scene') as string
    expectOk(await town.call('residents', { action: 'setHomeGrid', gridId: scene }, 'scanned-newcomer'))
    const me = expectOk(await town.call('roster', { action: 'me' }, 'scanned-newcomer'))
    expect(me.resident).toEqual({ homeGridId: 'g03', homeVillageId: 'v01' })
  })

  it('is the office’s to make, for its own town’s grids', async () => {
    const worker = await town.call('roster', { action: 'gridCode', gridId: 'g03' }, 'demo-worker-3')
    expect(worker.ok ? null : worker.error.code).toBe('FORBIDDEN')
    const missing = await town.call('roster', { action: 'gridCode', gridId: 'g-nowhere' }, 'demo-admin')
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')
  })
})

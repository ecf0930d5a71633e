/**
 * A grid's 小程序码 on a real local cloud: the office asks for the code of 石桥村三组; the local
 * openapi draws it (as WeChat would draw a 小程序码) with the grid as `scene`; scanning it gives the
 * address of the home page with that scene, and a newcomer opening it gets the grid as their home.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Jimp from 'jimp'
import jsQR from 'jsqr'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'

import { REPO } from '../helpers/localcloud'
import { expectOk, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

/**
 * Reads the code as a phone's scanner would. jsQR, not qrcode-reader: the latter failed to find the
 * alignment patterns of ~5 % of valid codes (the address holds the random port, so it was flaky).
 */
async function scan(png: Buffer): Promise<string> {
  const { bitmap } = await Jimp.read(png)
  const found = jsQR(new Uint8ClampedArray(bitmap.data), bitmap.width, bitmap.height)
  if (!found) throw new Error('no QR code found in the image')
  return found.data
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

describe('a village’s posters', () => {
  it('are one A4 PDF, a page per grid, with the CJK font embedded as a subset', async () => {
    const made = expectOk(
      await town.call('roster', { action: 'villagePosters', villageId: 'v01' }, 'demo-admin'),
    )
    expect(made).toEqual({
      villageName: '石桥村',
      pages: 6,
      fileID: expect.stringMatching(/\/roster\/town-qingshan\/posters\/v01\.pdf$/),
      url: expect.any(String),
    })
    const bytes = Buffer.from(await (await fetch(made.url)).arrayBuffer())
    mkdirSync(join(REPO, 'artifacts'), { recursive: true })
    writeFileSync(join(REPO, 'artifacts', 'posters-v01.pdf'), bytes) // to look at
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPageCount()).toBe(6)
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
    expect(pdf.getTitle()).toBe('石桥村 有事找五员')
    const descriptors = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter(
        (o): o is PDFDict =>
          o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'),
      )
    // The font program is in the file (not a reference to a font the printer may lack).
    expect(descriptors.some((d) => d.has(PDFName.of('FontFile3')) || d.has(PDFName.of('FontFile2')))).toBe(
      true,
    )
    expect(bytes.length).toBeLessThan(1_500_000) // a subset, not the ~20 MB font
  })

  it('render: a PDF reader accepts the embedded font and draws the first poster', () => {
    const pdf = join(REPO, 'artifacts', 'posters-v01.pdf')
    // poppler's pdftoppm (CI installs poppler-utils) — the reader a print shop's machine would be
    const r = spawnSync(
      'pdftoppm',
      ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, join(REPO, 'artifacts', 'posters-v01')],
      {
        encoding: 'utf8',
      },
    )
    if (r.error && !process.env.CI)
      return console.warn('pdftoppm not installed: poster rendering not checked')
    expect(r.status).toBe(0)
    // an invalid font program is reported and replaced by a system font: on paper, boxes
    expect(r.stderr).not.toMatch(/font/i)
    expect(existsSync(join(REPO, 'artifacts', 'posters-v01-1.png'))).toBe(true)
  })

  it('are the office’s to make', async () => {
    const r = await town.call(
      'roster',
      { action: 'villagePosters', villageId: 'v01' },
      'demo-village-guide-1',
    )
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
  })
})

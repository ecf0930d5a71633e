/**
 * Smoke test of the client foundation: the h5 build, served by the real local cloud, calling a real
 * built function, with the identity chosen by the dev switcher — and the weapp build free of it.
 *
 * Needs build/h5 and build/weapp (built here if missing) and Chromium (tests/helpers/browser.ts).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, PHONE, pngSize, screenshot, type Browser } from '../helpers/browser'
import { REPO, startLocalCloud, type LocalCloud } from '../helpers/localcloud'
import { devSubscribe, postFunction, uploadBlob } from '../../client/src/services/http'

jest.setTimeout(180_000)

/** client/src/dev/identity.ts DEV_IDENTITY_MARKER */
const DEV_MARKER = 'yiwang-dev-identity-switcher'
const H5 = join(REPO, 'build', 'h5')
const WEAPP = join(REPO, 'build', 'weapp')

function ensureClientBuilt(target: 'weapp' | 'h5', probe: string) {
  if (existsSync(probe)) return
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-client.mjs'), target], {
    cwd: REPO,
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`build-client ${target} failed:\n${r.stdout}\n${r.stderr}`)
}

function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = join(entry.parentPath ?? entry.path, entry.name)
    if (readFileSync(file).includes(needle)) hits.push(file.slice(dir.length + 1))
  }
  return hits
}

/** The fonts Chromium actually used to draw the text of the first element matching `selector`. */
async function platformFonts(
  page: Page,
  selector: string,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    if (!nodeId) throw new Error(`no element matches ${selector}`)
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    return fonts
  } finally {
    await cdp.detach()
  }
}

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox()
  if (!b) throw new Error(`${selector} is not visible`)
  return b
}

describe('client builds', () => {
  beforeAll(() => {
    ensureClientBuilt('weapp', join(WEAPP, 'app.json'))
    ensureClientBuilt('h5', join(H5, 'index.html'))
  })

  test('the dev identity switcher is in the h5 build and compiled out of the weapp build', () => {
    expect(filesContaining(H5, DEV_MARKER).length).toBeGreaterThan(0) // the probe can find it
    expect(filesContaining(WEAPP, DEV_MARKER)).toEqual([])
    // The h5 HTTP transport is compiled out of weapp too, which calls Taro.cloud instead.
    expect(filesContaining(WEAPP, '/api/functions')).toEqual([])
    expect(filesContaining(WEAPP, '/__dev/')).toEqual([]) // the dev clock of countdowns, too
    expect(filesContaining(WEAPP, 'cloud.callFunction').length).toBeGreaterThan(0)
    // …while the weapp build does carry the real cloud path and the elder-friendly page-meta.
    const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8'))
    expect(app.subPackages.map((p: { root: string }) => p.root)).toContain('packages/staff')
    expect(readFileSync(join(WEAPP, 'pages', 'index', 'index.wxml'), 'utf8')).toMatch(
      /<page-meta[^>]*page-font-size=/,
    )
    expect(readFileSync(join(WEAPP, 'base.wxml'), 'utf8')).toContain('aria-label=')
  })
})

describe('h5 build on the local cloud', () => {
  let cloud: LocalCloud
  let browser: Browser

  beforeAll(async () => {
    ensureClientBuilt('h5', join(H5, 'index.html'))
    cloud = await startLocalCloud()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await cloud?.stop()
  })

  test('home page: title, main action, and the identity from getWXContext()', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${cloud.url}/?openid=demo-resident-1`)

    await page
      .getByRole('main')
      .locator('.title', { hasText: /^一网$/ })
      .waitFor()
    await page.getByRole('main').getByText('我要上报', { exact: true }).waitFor()
    // h5 build → POST /api/functions/system (X-WX-OPENID) → worker → wx-server-sdk getWXContext()
    await page.getByText('当前身份：demo-resident-1').waitFor({ timeout: 15_000 })
    await page.getByText('身份: 群众').waitFor() // the dev switcher shows who we are

    const shot = await screenshot(page, 'smoke-home-resident')
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG')

    // Chinese is drawn with a CJK font (not boxes): ask Chromium which fonts it used for the title.
    const fonts = await platformFonts(page, '.title')
    const cjk = fonts.filter((f) => /CJK|Han Sans|Hei|Song|WenQuanYi|Droid Sans Fallback/i.test(f.familyName))
    expect(cjk.map((f) => f.familyName)).not.toEqual([])
    expect(cjk.reduce((n, f) => n + f.glyphCount, 0)).toBe(2) // 一 and 网

    // Elder-friendly sizes (docs/architecture.md, "Elder-friendly screens"): body ≥ 18px, main action ≈ 60px, other targets ≥ 44px.
    const bodySize = await page
      .locator('.subtitle')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(bodySize).toBeGreaterThanOrEqual(18)
    expect((await box(page, '.btn-main')).height).toBeGreaterThanOrEqual(56)
    for (const link of await page.locator('.btn-link').all()) {
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    }
    await expect(page.locator('[aria-label^="我要上报"]').count()).resolves.toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  test('the identity comes from ?openid= and the switcher (stored in localStorage)', async () => {
    const page = await browser.newPage()
    await page.goto(`${cloud.url}/?openid=demo-worker-1`)
    await page.getByText('当前身份：demo-worker-1').waitFor({ timeout: 15_000 })

    // Switch with the floating control: the app reloads without ?openid= and keeps the choice.
    await page.getByText('身份: 网格员').click()
    await page.getByRole('button', { name: /切换为网格办 demo-admin/ }).click()
    await page.getByText('当前身份：demo-admin').waitFor({ timeout: 15_000 })
    expect(new URL(page.url()).searchParams.get('openid')).toBeNull()
    await expect(page.evaluate(() => localStorage.getItem('yiwang.dev.openid'))).resolves.toBe('demo-admin')
    await screenshot(page, 'smoke-home-admin-after-switch')
    await page.close()
  })

  test('navigation: main package pages and the staff subpackage render', async () => {
    const page = await browser.newPage()
    await page.goto(`${cloud.url}/?openid=demo-resident-1`)
    await page.getByText('我要上报', { exact: true }).click()
    await page.locator('.title', { hasText: '我要上报' }).waitFor()
    expect(page.url()).toContain('#/pages/report/index')

    await page.goto(`${cloud.url}/#/packages/staff/pages/inbox/index`)
    await page.locator('.title', { hasText: '任务收件箱' }).waitFor()
    // A screenshot is the screen at the device scale, whatever the page's length (390×844 at 2).
    const scale = PHONE.deviceScaleFactor ?? 1
    const screen = { width: PHONE.viewport!.width * scale, height: PHONE.viewport!.height * scale }
    expect(pngSize(await screenshot(page, 'smoke-staff-inbox'))).toEqual(screen)
    await page.close()
  })

  test("the h5 transport speaks the local cloud's contracts (function, upload, subscribe)", async () => {
    const opts = { baseUrl: cloud.url, openid: 'demo-resident-1' }
    await expect(postFunction('system', { action: 'whoami' }, opts)).resolves.toMatchObject({
      ok: true,
      data: { openid: 'demo-resident-1' },
    })

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    const path = 'uploads/demo-resident-1/smoke.png'
    const up = await uploadBlob(path, new Blob([png], { type: 'image/png' }), opts)
    expect(up).toMatchObject({ ok: true, data: expect.stringMatching(/^cloud:\/\/.+smoke\.png$/) })
    const stored = await cloud.request<string>(`/storage/${path}`)
    expect(stored.status).toBe(200)
    expect(stored.headers.get('x-cos-meta-openid')).toBe('demo-resident-1')

    const sub = await devSubscribe(['TPL_TICKET_ACCEPTED'], opts)
    expect(sub).toEqual({ ok: true, data: ['TPL_TICKET_ACCEPTED'] })
    const credits = await cloud.request('/__dev/subscribe?openid=demo-resident-1')
    expect(credits.body.credits.TPL_TICKET_ACCEPTED).toBe(1)
  })
})

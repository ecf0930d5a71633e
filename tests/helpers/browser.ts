/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (no browser download), and
 * screenshots kept under artifacts/screenshots/ (git-ignored; CI keeps artifacts/).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const REPO = resolve(__dirname, '..', '..')
export const SCREENSHOT_DIR = join(REPO, 'artifacts', 'screenshots')
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Flags that keep Chromium quiet and offline in a container (docs/architecture.md, "Toolchain notes"). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/**
 * A fake microphone (a beep) that is granted without asking: for the voice-note story and its
 * screenshots only, so the other stories run as a user who has not been asked anything.
 */
export const FAKE_MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']

export interface LaunchOptions {
  fakeMedia?: boolean
}

/** A phone-sized page in Chinese, like the mini-program's users see. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

export interface Browser {
  context: BrowserContext
  /** A new page in the (single, persistent) context. */
  newPage(): Promise<Page>
  /** Close Chromium and remove its fresh user-data-dir. */
  close(): Promise<void>
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH)
}

/** Launch headless Chromium with a fresh user-data-dir (nothing carries over between runs). */
export async function launchBrowser(
  options: BrowserContextOptions = PHONE,
  launch: LaunchOptions = {},
): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    )
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'yiwang-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: launch.fakeMedia ? [...CHROMIUM_ARGS, ...FAKE_MEDIA_ARGS] : CHROMIUM_ARGS,
    ...options,
  })
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined)
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Save what the screen shows as artifacts/screenshots/<name>.png and return its path: the viewport
 * only, at the context's device scale (PHONE: 390×844 at 2 → 780×1688), so every picture has the
 * same size. Not `fullPage`: the h5 page scrolls inside Taro's container, not the document, so a
 * full-page capture only grew odd sizes and cut content off. Scroll what matters into view first.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`)
  await page.screenshot({ path: file, fullPage: false, scale: 'device', animations: 'disabled' })
  return file
}

/** A PNG file's size in pixels (from its IHDR chunk). */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file)
  if (b.subarray(1, 4).toString() !== 'PNG') throw new Error(`${file} is not a PNG`)
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

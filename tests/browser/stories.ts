/**
 * Shared steps of the story tests: the h5 build on a seeded local cloud, pages opened as a given
 * demo identity (`?openid=`, docs/demo-town.md), photos picked through the file input, and waits
 * on text rather than on time.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import { launchBrowser, PHONE, screenshot, type Browser, type LaunchOptions } from '../helpers/browser'
import { REPO, startLocalCloud, type LocalCloud } from '../helpers/localcloud'

export const H5 = join(REPO, 'build', 'h5')

export function ensureH5Built(): void {
  if (existsSync(join(H5, 'index.html'))) return
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-client.mjs'), 'h5'], {
    cwd: REPO,
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`build-client h5 failed:\n${r.stdout}\n${r.stderr}`)
}

export interface Stage {
  cloud: LocalCloud
  browser: Browser
  close(): Promise<void>
}

/** A fresh local cloud with the demo town, and a browser. Only clock-driven timers (TIMER_TICK_MS 0). */
export async function openStage(
  launch: LaunchOptions = {},
  context: BrowserContextOptions = PHONE,
): Promise<Stage> {
  ensureH5Built()
  const cloud = await startLocalCloud({ env: { SEED: 'always', TIMER_TICK_MS: '0' }, readyTimeoutMs: 60_000 })
  const browser = await launchBrowser(context, launch)
  return {
    cloud,
    browser,
    async close() {
      await browser.close()
      await cloud.stop()
    },
  }
}

const ERRORS = new WeakMap<Page, string[]>()

/** Open `route` (e.g. `/pages/report/index`) as `openid`, in a new page that fails on page errors. */
export async function openAs(stage: Stage, openid: string, route = '/pages/index/index'): Promise<Page> {
  const page = await stage.browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  ERRORS.set(page, errors)
  await page.goto(`${stage.cloud.url}/?openid=${encodeURIComponent(openid)}#${route}`)
  return page
}

/**
 * Move `page` to `route` as `openid`. Always name the identity: pages of one browser share
 * localStorage, where the dev switcher keeps the last `?openid=`.
 */
export async function goAs(page: Page, stage: Stage, openid: string, route: string): Promise<void> {
  await page.goto(`${stage.cloud.url}/?openid=${encodeURIComponent(openid)}#${route}`)
}

export const pageErrors = (page: Page): string[] => ERRORS.get(page) ?? []

/** A small real PNG to pick as a photo. */
export function photoFile(name = 'photo.png'): string {
  const dir = join(REPO, 'artifacts', 'fixtures')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, name)
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  writeFileSync(file, png)
  return file
}

/** Pick a photo in the PhotoPicker inside `scope` and wait until it says 已上传. */
export async function addPhoto(scope: Page | Locator, name?: string): Promise<void> {
  await scope.locator('[data-testid="photo-input"]').first().setInputFiles(photoFile(name))
  await scope.getByText('已上传').first().waitFor({ timeout: 15_000 })
}

/** Type into the Taro Textarea/Input with this data-testid. */
export async function fill(page: Page, testId: string, text: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] textarea, [data-testid="${testId}"] input`).first().fill(text)
}

export const shot = (page: Page, story: string, step: string) => screenshot(page, `${story}-${step}`)

/** An in-app message list for `openid` (the `messages` function, as that user). */
export async function inbox(
  stage: Stage,
  openid: string,
): Promise<
  Array<{
    templateKey: string
    ticketId: string | null
    lines: { label: string; value: string }[]
    title: string
  }>
> {
  const r = await stage.cloud.call('messages', { action: 'list', pageSize: 50 }, openid)
  if (!r.body?.ok) throw new Error(`messages.list for ${openid}: ${JSON.stringify(r.body)}`)
  return r.body.data.items
}

export interface DeliveredMessage {
  touser: string
  templateId: string
  data: Record<string, { value: string }>
}

/**
 * The WeChat subscribe messages delivered to `openid` with `templateId` that mention `text`.
 * Sends may be left to the outbox: when none is there yet, run the sweeper (which drains it) once.
 */
export async function subscribeMessages(
  stage: Stage,
  openid: string,
  templateId: string,
  text: string,
): Promise<DeliveredMessage[]> {
  const find = async () => {
    const r = await stage.cloud.dev.messages(openid)
    const all: DeliveredMessage[] = r.body.messages ?? []
    return all.filter((m) => m.templateId === templateId && JSON.stringify(m.data).includes(text))
  }
  const first = await find()
  if (first.length) return first
  await stage.cloud.dev.runTimer('sweeper')
  return find()
}

let requestSeq = 0

/** Submit a ticket through the function as `openid` (for stories that start from an open ticket). */
export async function submitTicket(
  stage: Stage,
  openid: string,
  description: string,
  categoryCode = 'environment',
): Promise<{ ticketId: string; number: string }> {
  const r = await stage.cloud.call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: `story${Date.now()}x${++requestSeq}`,
      categoryCode,
      description,
      photos: [],
    },
    openid,
  )
  if (!r.body?.ok) throw new Error(`submit failed: ${JSON.stringify(r.body)}`)
  return r.body.data
}

/** Call a function as `openid` and return its data; throws with the refusal when it is not ok. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the function answers
export async function act<T = any>(
  stage: Stage,
  openid: string,
  name: string,
  data: Record<string, unknown>,
): Promise<T> {
  const r = await stage.cloud.call(name, data, openid)
  if (!r.body?.ok) throw new Error(`${name}.${String(data.action)} as ${openid}: ${JSON.stringify(r.body)}`)
  return r.body.data as T
}

/**
 * Wait until a visible status tag says `status` (e.g. 办理中). Visible only: the h5 router keeps the
 * pages below the current one in the DOM, hidden.
 */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator('.tag:visible', { hasText: status }).first().waitFor({ timeout: 20_000 })
}

/** The ticket id in the page's address (`…?id=<id>`). */
export const idInUrl = (page: Page): string =>
  new URLSearchParams(page.url().split('?').pop()).get('id') as string

#!/usr/bin/env node
/**
 * Screenshots for docs/user-guide.md: starts the built local cloud with the demo town (SEED=always,
 * a temporary DATA_DIR, a free port), drives Debian's Chromium with playwright-core at a phone
 * viewport (390×844, scale 1) and writes docs/images/*.png (viewport-sized, small: they are committed).
 *
 *   node scripts/build-functions.mjs && node scripts/build-client.mjs h5   # if build/ is missing
 *   node scripts/user-guide-screenshots.mjs [only-this-name …]
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium. The dev identity switcher is hidden in the pictures.
 */
/* global document, window -- page scripts run in the browser */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SERVER = join(REPO, 'build', 'localcloud', 'server.cjs')
const H5 = join(REPO, 'build', 'h5', 'index.html')
const OUT = join(REPO, 'docs', 'images')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ONLY = new Set(process.argv.slice(2))

for (const [file, how] of [
  [SERVER, 'node scripts/build-functions.mjs'],
  [H5, 'node scripts/build-client.mjs h5'],
  [CHROMIUM, 'apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)'],
]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run ${how}`)
    process.exit(1)
  }
}

// ---- the local cloud ----------------------------------------------------------------------------

const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-guide-'))
const server = spawn(process.execPath, [SERVER], {
  cwd: REPO,
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SEED: 'always', TIMER_TICK_MS: '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
})
let log = ''
const url = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error(`local cloud not ready:\n${log}`)), 90_000)
  server.stdout.on('data', (c) => {
    log += c
    const m = /LOCALCLOUD_READY (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
    if (m) {
      clearTimeout(timer)
      ok(m[1])
    }
  })
  server.stderr.on('data', (c) => (log += c))
  server.once('exit', (code) => fail(new Error(`local cloud exited (${code}):\n${log}`)))
})

async function call(name, data, openid) {
  const res = await fetch(`${url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(data),
  })
  const body = await res.json()
  if (!body?.ok) throw new Error(`${name}.${data.action} as ${openid}: ${JSON.stringify(body)}`)
  return body.data
}
let seq = 0
const submit = (openid, description, categoryCode = 'environment', extra = {}) =>
  call(
    'tickets',
    {
      action: 'submit',
      clientRequestId: `guide${Date.now()}x${++seq}`,
      categoryCode,
      description,
      photos: [],
      ...extra,
    },
    openid,
  )

// ---- the browser --------------------------------------------------------------------------------

const userDataDir = mkdtempSync(join(tmpdir(), 'yiwang-guide-chromium-'))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  // A fake microphone, granted without asking, for the voice-note picture.
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ],
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
})
// The dev-only identity switcher is not part of the real mini-program: keep it out of the pictures.
await context.addInitScript(() => {
  const hide = () => {
    const s = document.createElement('style')
    s.textContent = '.dev-id{display:none!important}'
    document.head.appendChild(s)
  }
  if (document.head) hide()
  else document.addEventListener('DOMContentLoaded', hide)
})

const page = await context.newPage()
page.setDefaultTimeout(20_000)
const errors = []
page.on('pageerror', (e) => errors.push(e.message))

/** A fresh app (new document) as `openid` at `route`. */
async function open(openid, route = '/pages/index/index') {
  await page.goto('about:blank')
  await page.goto(`${url}/?openid=${encodeURIComponent(openid)}#${route}`)
}
const visible = (selector, opts) => page.locator(`${selector}:visible`, opts).first()
const fill = (testId, text) =>
  page
    .locator(
      `[data-testid="${testId}"] textarea:visible, [data-testid="${testId}"] input:visible, textarea[data-testid="${testId}"]:visible, input[data-testid="${testId}"]:visible`,
    )
    .first()
    .fill(text)

const shots = []
/** Scroll `target` (a locator) to the top of the screen, or the page to the top, and save the screen. */
async function shot(name, target) {
  if (ONLY.size && !ONLY.has(name)) return
  if (target) {
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.evaluate(() => window.scrollBy(0, -12))
  } else {
    await page.evaluate(() => window.scrollTo(0, 0))
  }
  await page.waitForTimeout(150) // let the scroll settle (a picture, not a test)
  const file = join(OUT, `${name}.png`)
  await page.screenshot({ path: file, type: 'png' })
  shots.push([name, statSync(file).size])
}

mkdirSync(OUT, { recursive: true })
try {
  // ---- 群众 -------------------------------------------------------------------------------------
  // A resident who has not chosen a grid yet: home offers 选择我家所在的网格.
  await open('guide-new-resident', '/pages/mine/index')
  await page.getByTestId('mine-newcomer').waitFor()
  await shot('resident-mine-new')
  await open('guide-new-resident')
  await page.getByText('当前身份：guide-new-resident').waitFor()
  await page.getByRole('button', { name: /第一次使用，请选择您家所在的网格/ }).waitFor()
  await page.getByRole('button', { name: /第一次使用，请选择您家所在的网格/ }).click()
  await page.getByRole('button', { name: '选择石桥村' }).click()
  await page.getByRole('button', { name: '选择石桥村一组' }).waitFor()
  await shot('resident-grid')

  // Home of a resident with history (unread messages).
  await open('demo-resident-1')
  await page
    .getByText(/条未读/)
    .first()
    .waitFor()
  await shot('resident-home')

  // 我要上报.
  await page.getByTestId('go-report').click()
  await visible('.title', { hasText: '我要上报' }).waitFor()
  await page.getByRole('radio', { name: /^环境卫生/ }).click()
  await fill('description', '村口垃圾桶满了好几天没人清运，气味很大')
  await shot('resident-report-category')
  await shot('resident-report-words', page.getByText('2. 说几句话，拍张照'))
  await fill('place-words', '村口大樟树下的垃圾桶')
  await page.getByTestId('contact-phone').waitFor()
  await shot('resident-report-who-where', page.getByText('3. 在哪里？'))
  await page.getByTestId('submit-report').click()
  await page.getByTestId('report-done').waitFor()
  await shot('resident-report-done')

  // 说一段话代替打字: record two seconds (Chromium's fake microphone), stop; not submitted.
  await open('demo-resident-1', '/pages/report/index')
  await visible('.title', { hasText: '我要上报' }).waitFor()
  await page.getByRole('radio', { name: /^环境卫生/ }).click()
  await page.getByTestId('voice-record').click()
  await page
    .getByTestId('voice-state')
    .getByText(/正在录音 2 秒/)
    .waitFor()
  await page.getByTestId('voice-stop').click()
  await page
    .getByTestId('voice-state')
    .getByText(/已上传/)
    .waitFor()
  await shot('resident-report-voice', page.getByText('2. 说几句话，拍张照'))

  // 我的上报 and a ticket's progress.
  await open('demo-resident-1', '/pages/mine/index')
  await visible('[data-testid^="ticket-"]').waitFor()
  await shot('resident-mine')

  // A resolved ticket: 评价 and 重办.
  const lamp = await submit('demo-resident-1', '学校门口的路灯不亮，孩子晚自习回家很黑')
  await call('tasks', { action: 'signFor', ticketId: lamp.ticketId }, 'demo-worker-1')
  await call(
    'tasks',
    { action: 'addProgress', ticketId: lamp.ticketId, note: '已联系电工，明天上午来修' },
    'demo-worker-1',
  )
  await call(
    'tasks',
    { action: 'resolve', ticketId: lamp.ticketId, result: '已更换灯泡，路灯恢复照明', photos: [] },
    'demo-worker-1',
  )
  await open('demo-resident-1', `/pages/ticket/index?id=${lamp.ticketId}`)
  await page.getByText('问题解决了吗？请评价').waitFor()
  await shot('resident-ticket')
  await page.getByTestId('open-reopen').click()
  await fill('reopen-reason', '路灯只亮了一天，又不亮了')
  await shot('resident-reopen', page.getByText('还没解决？请说明原因'))
  // Rated instead: the thank-you, and the quiet link that stays.
  await open('demo-resident-1', `/pages/ticket/index?id=${lamp.ticketId}`)
  await page.getByRole('radio', { name: /^4星/ }).click()
  await page.getByTestId('confirm-rating').click()
  await page.getByTestId('rating-thanks').waitFor()
  await shot('resident-thanks', page.getByTestId('rating-thanks'))
  await shot('resident-progress', page.getByText('办理进度', { exact: true }))

  // 待补充: the worker asked a question.
  const drain = await submit('demo-resident-1', '有户人家门口的下水道盖板破了，很危险')
  await call('tasks', { action: 'signFor', ticketId: drain.ticketId }, 'demo-worker-1')
  await call(
    'tasks',
    { action: 'requestInfo', ticketId: drain.ticketId, question: '请问是哪一户门口？方便拍张照片吗' },
    'demo-worker-1',
  )
  await open('demo-resident-1', `/pages/ticket/index?id=${drain.ticketId}`)
  await page.getByText('网格员请您补充').waitFor()
  await fill('supplement-note', '是村口小卖部旁边第三户，门前有棵桂花树')
  await shot('resident-supplement', page.getByText('网格员请您补充'))

  // 消息中心.
  await open('demo-resident-1', '/pages/messages/index')
  await visible('.title', { hasText: '消息中心' }).waitFor()
  await visible('[data-testid="message"]').waitFor()
  await shot('resident-messages')

  // A report kept on the phone (left unsent): home offers to send it with one tap.
  await open('demo-resident-2', '/pages/report/index')
  await visible('.title', { hasText: '我要上报' }).waitFor()
  await page.getByRole('radio', { name: /^环境卫生/ }).click()
  await fill('description', '二组晒谷场旁边的垃圾堆了好几天，没人清运')
  await open('demo-resident-2')
  await page.getByTestId('draft-notice').waitFor()
  await shot('resident-draft')
  await page.getByTestId('send-draft').click()
  await page.getByTestId('draft-sent').waitFor()

  // ---- 网格信息员：代报 ---------------------------------------------------------------------------
  await open('demo-informant-1', '/packages/staff/pages/proxy/index')
  await visible('.title', { hasText: '代群众上报' }).waitFor()
  await page.getByRole('radio', { name: /^群众诉求/ }).click()
  await fill('description', '王奶奶家门口的排水沟堵了，下雨就积水进屋')
  await fill('proxy-name', '王秀英')
  await fill('proxy-phone', '13712345678')
  await page.getByTestId('proxy-grid-g02').click()
  await page.getByTestId('proxy-grid-g01').click()
  await shot('informant-proxy-grid', page.getByText('乡亲住在哪个组？'))
  await shot('informant-proxy', page.getByText('4. 替谁反映？'))
  await page.getByTestId('submit-report').click()
  await page.getByTestId('report-done').waitFor()
  const proxyNumber = (await page.getByTestId('done-number').innerText()).trim()
  const proxyRow = visible('[data-testid^="ticket-"]', { hasText: proxyNumber })
  await proxyRow.waitFor() // 我上报的, under the success card, lists it at once
  const proxyId = (await proxyRow.getAttribute('data-testid')).slice('ticket-'.length)
  // Resolved: the informant, its reporter, opens the 办结 message and rates it (or asks for a redo).
  await call('tasks', { action: 'signFor', ticketId: proxyId }, 'demo-worker-1')
  await call(
    'tasks',
    { action: 'resolve', ticketId: proxyId, result: '已清通排水沟，下雨不再积水', photos: [] },
    'demo-worker-1',
  )
  await open('demo-informant-1', '/pages/messages/index')
  await page
    .locator('[data-testid="message"]:visible', { hasText: '已办结，请您评价' })
    .filter({ hasText: '已清通排水沟' })
    .first()
    .click()
  await page.getByText('问题解决了吗？请评价').waitFor()
  await page.getByRole('radio', { name: /^5星/ }).click()
  await shot('informant-rate', page.getByText('问题解决了吗？请评价'))

  // ---- 网格员 -----------------------------------------------------------------------------------
  await open('demo-worker-1')
  await page.getByTestId('go-inbox').waitFor()
  await shot('worker-home')
  await open('demo-worker-1', '/packages/staff/pages/inbox/index')
  await visible('[data-testid^="ticket-"]').waitFor()
  await shot('worker-inbox')

  const fresh = await submit('demo-resident-1', '二组水渠边的闸门关不上了，田里进水', 'request', {
    contact: { name: '张大伯', phone: '13900001234' },
    location: { latitude: 28.2247, longitude: 112.9442, name: '石桥村水渠闸门', address: '青山镇石桥村一组' },
  })
  await open('demo-worker-1', `/packages/staff/pages/ticket/index?id=${fresh.ticketId}`)
  await page.getByTestId('action-signFor').waitFor()
  await shot('worker-task')
  await page.getByTestId('action-signFor').click()
  await page.getByTestId('action-done').getByText('已签收').waitFor()
  await page.getByTestId('action-resolve').click()
  await fill('field-result', '已联系水利员修好闸门，田里积水已排出')
  await shot('worker-resolve', visible('[aria-label="办理操作"]'))
  await page.getByTestId('action-transfer').click()
  await page.getByRole('button', { name: '选择石桥村' }).click()
  await page.getByRole('button', { name: '选择石桥村二组' }).click()
  await fill('field-reason', '这段水渠归二组管理，转二组办理')
  await shot('worker-transfer', visible('[aria-label="转办表单"]'))
  await page.getByTestId('confirm-transfer').click()
  await page.getByTestId('action-done').getByText('已转办').waitFor()
  await page
    .getByText(/转给石桥村二组/)
    .first()
    .waitFor()
  await shot('worker-transferred', page.getByTestId('action-done'))

  await open('demo-worker-1', '/packages/staff/pages/patrol/index')
  await visible('.title', { hasText: '巡查记录' }).waitFor()
  await fill('patrol-note', '沿河堤巡查一圈，大部分护栏完好')
  await page.getByRole('switch', { name: /^发现问题，需要办理/ }).click()
  await page.getByRole('radio', { name: /^安全隐患/ }).click()
  await fill('patrol-issue', '河堤下游一段护栏缺失，靠近小学上学路')
  await fill('place-words', '河堤下游小学路口')
  await shot('worker-patrol')

  // ---- 指导员 / 督导员 ---------------------------------------------------------------------------
  await open('demo-village-guide-1')
  await page.getByTestId('go-overdue').waitFor()
  await open('demo-supervisor-1', '/packages/staff/pages/overdue/index')
  await visible('[data-testid^="ticket-"]').waitFor()
  await shot('guide-overdue')
  await open('demo-village-guide-1', '/packages/staff/pages/returned/index')
  const returned = visible('[data-testid^="ticket-"]')
  await returned.waitFor()
  await returned.click()
  await page.getByTestId('action-redispatch').click()
  await page.getByRole('button', { name: '选择石桥村' }).click()
  await page.getByRole('button', { name: '选择石桥村二组' }).click()
  await page.getByText('已选：石桥村 二组').waitFor()
  await shot('guide-redispatch', page.getByTestId('action-redispatch'))

  const loan = await submit('demo-resident-1', '邻居借了我三万块钱一直不还', 'dispute')
  await open('demo-village-guide-1', `/packages/staff/pages/ticket/index?id=${loan.ticketId}`)
  await page.getByTestId('action-reject').click()
  await fill('field-reason', '属于私人借款纠纷，请通过人民调解或法院解决')
  await shot('guide-reject', page.locator('.action-buttons:visible').first())

  // ---- 工作人员绑定 ------------------------------------------------------------------------------
  await open('guide-new-staff', '/pages/bind/index')
  await visible('.title', { hasText: '工作人员绑定' }).waitFor()
  await fill('invite-code', 'DEMOBIND1')
  await shot('staff-bind')

  // ---- 工作人员：开启微信提醒 ----------------------------------------------------------------------
  await open('demo-worker-2', '/packages/staff/pages/inbox/index')
  await page.getByTestId('alert-credits').waitFor()
  await page.getByTestId('enable-alerts').click()
  await page.getByText('✓ 已开启微信提醒').waitFor()
  await page.getByTestId('alerts-explain').click()
  await page.getByTestId('alerts-explainer').waitFor()
  await shot('staff-alerts')

  // ---- 镇网格办：花名册、新增工作人员、邀请码 ---------------------------------------------------------
  await open('demo-admin', '/packages/staff/pages/roster/index')
  await visible('[data-testid^="person-"]').waitFor()
  await fill('staff-search', '王')
  await page.getByRole('button', { name: '查找' }).click()
  await page.getByTestId('search-prefix').waitFor()
  await visible('[data-testid^="person-"]', { hasText: '王' }).waitFor()
  await shot('admin-roster')
  await page.getByTestId('go-add-staff').click()
  await visible('.title', { hasText: '新增工作人员' }).waitFor()
  await fill('staff-name', '王小红')
  await fill('staff-phone', '13911116666')
  await page.getByRole('radio', { name: '网格信息员' }).click()
  await page.getByRole('button', { name: '选择石桥村' }).click()
  await page.getByRole('button', { name: '选择石桥村五组' }).click()
  await page.getByTestId('picked-grid').waitFor()
  await shot('admin-add-staff', page.getByText('2. 角色'))
  await page.getByTestId('create-staff').click()
  await page.getByTestId('issued-code').waitFor()
  await shot('admin-invite-code')
} finally {
  await context.close().catch(() => undefined)
  rmSync(userDataDir, { recursive: true, force: true })
  server.kill('SIGTERM')
  await new Promise((done) => (server.exitCode !== null ? done() : server.once('exit', done)))
  rmSync(dataDir, { recursive: true, force: true })
}

for (const [name, size] of shots) {
  console.log(`${size > 80_000 ? '!' : ' '} docs/images/${name}.png  ${(size / 1024).toFixed(0)} KB`)
}
if (errors.length) {
  console.error(`page errors:\n${errors.join('\n')}`)
  process.exitCode = 1
}

/**
 * The WeChat build never shows a resident their raw identity: the "当前身份：<openid>" line is for the
 * browser (dev) build only. The weapp build is grepped for the text, also in the \u-escaped form a
 * minifier may write Chinese in, while the h5 build is checked to still carry it (the probe works).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from '../helpers/browser'

const WEAPP = join(REPO, 'build', 'weapp')
const H5 = join(REPO, 'build', 'h5')

function ensureBuilt(target: 'weapp' | 'h5', probe: string) {
  if (existsSync(probe)) return
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-client.mjs'), target], {
    cwd: REPO,
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`build-client ${target} failed:\n${r.stdout}\n${r.stderr}`)
}

const escaped = (text: string): string =>
  Array.from(text)
    .map((c) => (c.charCodeAt(0) > 0x7f ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('')

function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = join(entry.parentPath ?? entry.path, entry.name)
    const text = readFileSync(file, 'utf8')
    if (needles.some((n) => text.includes(n) || text.toLowerCase().includes(n.toLowerCase())))
      hits.push(file.slice(dir.length + 1))
  }
  return hits
}

const IDENTITY = '当前身份'

beforeAll(() => {
  ensureBuilt('weapp', join(WEAPP, 'app.json'))
  ensureBuilt('h5', join(H5, 'index.html'))
}, 300_000)

test('the identity line is in the browser build and not in the WeChat build', () => {
  expect(filesContaining(H5, [IDENTITY, escaped(IDENTITY)]).length).toBeGreaterThan(0)
  expect(filesContaining(WEAPP, [IDENTITY, escaped(IDENTITY)])).toEqual([])
})

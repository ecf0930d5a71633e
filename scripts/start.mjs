// npm start: builds what is missing or stale (functions + local cloud bundles; the h5 build if it is
// missing and scripts/build-client.mjs exists), starts the local cloud (seeding an empty DATA_DIR)
// and prints where to open it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const node = process.execPath

function newest(dir) {
  if (!existsSync(dir)) return 0
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

function functionsStale() {
  const outputs = [join(root, 'build/localcloud/server.cjs'), join(root, 'build/localcloud/worker.cjs')]
  const fnSrc = join(root, 'cloudfunctions')
  if (existsSync(fnSrc)) {
    for (const n of readdirSync(fnSrc)) {
      if (!n.startsWith('_') && existsSync(join(fnSrc, n, 'index.ts')))
        outputs.push(join(root, 'build/cloudfunctions', n, 'index.js'))
    }
  }
  if (outputs.some((f) => !existsSync(f))) return true
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs))
  return ['cloudfunctions', 'shared', 'localcloud'].some((d) => newest(join(root, d)) > built)
}

function run(title, args) {
  console.log(`\n▶ ${title}: node ${args.join(' ')}`)
  return spawnSync(node, args, { cwd: root, stdio: 'inherit' }).status === 0
}

if (
  functionsStale() &&
  !run('构建云函数与本地云 / building functions and the local cloud', ['scripts/build-functions.mjs'])
) {
  process.exit(1)
}

if (!existsSync(join(root, 'build/h5/index.html'))) {
  if (existsSync(join(root, 'scripts/build-client.mjs'))) {
    if (!run('构建网页版 / building the h5 client', ['scripts/build-client.mjs', 'h5'])) {
      console.warn('⚠ h5 构建失败，本地云仍会启动 / the h5 build failed; starting the local cloud anyway')
    }
  } else {
    console.warn(
      '⚠ 还没有 scripts/build-client.mjs，跳过网页版构建 / no client build script yet; skipping the h5 build',
    )
  }
}

const child = spawn(node, [join(root, 'build/localcloud/server.cjs')], {
  cwd: root,
  env: { ...process.env, SEED: process.env.SEED ?? 'auto' },
  stdio: ['ignore', 'pipe', 'inherit'],
})

let buffered = ''
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  if (buffered === null) return
  buffered += chunk.toString()
  const m = /LOCALCLOUD_READY (http:\/\/\S+)/.exec(buffered)
  if (m) {
    buffered = null
    console.log(`\n  一网 · 本地云已启动，请在浏览器打开：${m[1]}`)
    console.log(`  Yiwang local cloud is running — open ${m[1]}`)
    console.log(
      `  数据目录 / data: ${process.env.DATA_DIR || join(root, 'data')}   按 Ctrl+C 停止 / Ctrl+C to stop\n`,
    )
  }
})

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

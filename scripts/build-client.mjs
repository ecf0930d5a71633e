#!/usr/bin/env node
// Build the client for one target: `node scripts/build-client.mjs <weapp|h5>`.
//
// Runs the Taro CLI (root node_modules) with cwd client/ and NODE_ENV=production, into build/<target>/.
// Taro exits 0 even when its config check fails and nothing is built, so this script deletes the old
// output first and then checks the new one exists (weapp: app.json + app.js; h5: index.html).
// For weapp it also writes build/weapp/project.config.json (miniprogramRoot './') so the build folder
// is a self-contained mini-program project (miniprogram-ci's offline checks need one).
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const clientDir = path.join(repoRoot, 'client')
const taroBin = path.join(repoRoot, 'node_modules', '@tarojs', 'cli', 'bin', 'taro')

export const TARGETS = {
  weapp: {
    out: path.join(repoRoot, 'build', 'weapp'),
    required: ['app.json', 'app.js', 'app.wxss', 'base.wxml'],
  },
  h5: { out: path.join(repoRoot, 'build', 'h5'), required: ['index.html'] },
}

/** The dev identity switcher's marker (client/src/dev/identity.ts): must never reach the weapp build. */
export const DEV_MARKER = 'yiwang-dev-identity-switcher'

/** Files under `dir` (relative paths) whose content contains `needle`. */
export function filesContaining(dir, needle) {
  const hits = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath ?? entry.path, entry.name)
    if (readFileSync(file).includes(needle)) hits.push(path.relative(dir, file))
  }
  return hits
}

/** Write build/weapp/project.config.json from the root project.config.json (appid etc.), if any. */
export function writeWeappProjectConfig(outDir = TARGETS.weapp.out) {
  let base = {}
  const rootConfig = path.join(repoRoot, 'project.config.json')
  if (existsSync(rootConfig)) {
    try {
      base = JSON.parse(readFileSync(rootConfig, 'utf8'))
    } catch {
      base = {}
    }
  }
  const { cloudfunctionRoot: _cf, miniprogramRoot: _mp, srcMiniprogramRoot: _src, ...rest } = base
  const config = {
    ...rest,
    appid: process.env.TARO_APP_ID || rest.appid || 'touristappid',
    projectname: rest.projectname || 'yiwang',
    compileType: 'miniprogram',
    miniprogramRoot: './',
    setting: {
      es6: false,
      postcss: false,
      minified: true,
      minifyWXML: true,
      minifyWXSS: true,
      ...(rest.setting || {}),
    },
  }
  writeFileSync(path.join(outDir, 'project.config.json'), JSON.stringify(config, null, 2) + '\n')
  return config
}

// Taro's progress bar repaints with ANSI escapes; in a log that is thousands of lines of noise.
const isProgressNoise = (line) => line.includes('\u001b[2K') || line.includes('█') || /^\s*$/.test(line)

export function buildClient(target, { quiet = false } = {}) {
  const spec = TARGETS[target]
  if (!spec) throw new Error(`unknown target "${target}" (weapp | h5)`)
  rmSync(spec.out, { recursive: true, force: true })
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [taroBin, 'build', '--type', target], {
      cwd: clientDir,
      env: {
        ...process.env,
        NODE_ENV: process.env.NODE_ENV || 'production',
        TARO_ENV: target,
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const log = []
    const onData = (stream) => (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (isProgressNoise(line)) continue
        log.push(line)
        if (!quiet) stream.write(line + '\n')
      }
    }
    child.stdout.on('data', onData(process.stdout))
    child.stderr.on('data', onData(process.stderr))
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000
      const missing = spec.required.filter((f) => !existsSync(path.join(spec.out, f)))
      let leaks = []
      if (target === 'weapp' && missing.length === 0) {
        writeWeappProjectConfig(spec.out)
        leaks = filesContaining(spec.out, DEV_MARKER)
      }
      resolve({ target, code, seconds, missing, leaks, out: spec.out, log })
    })
  })
}

async function main() {
  const target = process.argv[2]
  if (!TARGETS[target]) {
    console.error('usage: node scripts/build-client.mjs <weapp|h5>')
    process.exit(2)
  }
  const r = await buildClient(target)
  const rel = path.relative(repoRoot, r.out)
  if (r.leaks.length > 0) {
    console.error(`\n✗ the dev identity switcher leaked into the weapp build: ${r.leaks.join(', ')}`)
    process.exit(1)
  }
  if (r.code !== 0 || r.missing.length > 0) {
    console.error(
      `\n✗ ${target} build failed after ${r.seconds.toFixed(1)} s: taro exit ${r.code}` +
        (r.missing.length ? `, missing ${r.missing.map((f) => `${rel}/${f}`).join(', ')}` : '') +
        (r.code === 0 ? '\n  (Taro exits 0 when its config check fails: see the messages above.)' : ''),
    )
    process.exit(1)
  }
  console.log(`\n✓ ${target} built into ${rel}/ in ${r.seconds.toFixed(1)} s`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}

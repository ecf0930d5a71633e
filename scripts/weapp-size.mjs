#!/usr/bin/env node
// Size of the weapp build (`npm run size`, after `npm run build:weapp`).
//
// Prints the main package (every file under build/weapp outside the subpackage roots) and each
// subpackage, in KB, then runs miniprogram-ci's offline `checkCodeQuality` on the build folder
// (ci.WebProject: no appid, key or network needed) and validates app.json / project.config.json
// with `ci.schemaValidate`, and prints the verdict.
// Exit 1 when the main package is over WeChat's hard 2 MB limit or a quality check fails.
//
//   node scripts/weapp-size.mjs           human-readable report
//   node scripts/weapp-size.mjs --json    one JSON object on stdout (for scripts/bench.mjs)
//   import { measureWeapp } from './weapp-size.mjs'   (same object, no printing, no exit)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const WEAPP_DIR = path.join(repoRoot, 'build', 'weapp')
export const MAIN_LIMIT_BYTES = 2 * 1024 * 1024
/** Files of the developer-tools project, not of the uploaded code package. */
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json'])

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10

function listFiles(dir) {
  const out = []
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const abs = path.join(entry.parentPath ?? entry.path, entry.name)
    out.push({ rel: path.relative(dir, abs).split(path.sep).join('/'), bytes: statSync(abs).size })
  }
  return out
}

/** Run miniprogram-ci's offline checkCodeQuality; its own console chatter goes to stderr. */
async function checkQuality(dir) {
  const require = createRequire(import.meta.url)
  const log = console.log
  console.log = (...args) => console.error(...args)
  try {
    const ci = require('miniprogram-ci')
    const project = new ci.WebProject({ projectPath: dir })
    const items = (await ci.checkCodeQuality(project)).map((i) => ({
      name: i.name,
      success: i.success !== false,
      text: i.text,
    }))
    // app.json and project.config.json against WeChat's own JSON schemas.
    for (const [kind, file] of [
      ['app', 'app.json'],
      ['projectconfig', 'project.config.json'],
    ]) {
      const r = ci.schemaValidate(kind, JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
      const errors = (r.error || []).map((e) => `${e.errorProperty}: ${e.errorType}`)
      items.push({
        name: `SCHEMA_${file}`,
        success: errors.length === 0,
        text: [...errors, r.warning].filter(Boolean).join('; ') || 'valid',
      })
    }
    return { ok: items.every((i) => i.success), items }
  } catch (e) {
    return { ok: false, error: String(e?.message || e), items: [] }
  } finally {
    console.log = log
  }
}

/**
 * Measure build/weapp. Returns
 * `{ dir, mainBytes, mainKB, limitKB, overLimit, subpackages: [{ root, bytes, kb }], totalKB, quality }`.
 */
export async function measureWeapp({ dir = WEAPP_DIR, quality = true } = {}) {
  const appJsonPath = path.join(dir, 'app.json')
  if (!existsSync(appJsonPath))
    throw new Error(`${path.relative(repoRoot, appJsonPath)} not found: run \`npm run build:weapp\` first`)
  if (quality && !existsSync(path.join(dir, 'project.config.json'))) {
    // Normally written by scripts/build-client.mjs; the quality check needs it.
    const { writeWeappProjectConfig } = await import('./build-client.mjs')
    writeWeappProjectConfig(dir)
  }
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8'))
  const roots = [...(app.subPackages || []), ...(app.subpackages || [])].map(
    (p) => p.root.replace(/^\/+|\/+$/g, '') + '/',
  )
  const subpackages = roots.map((root) => ({ root, bytes: 0, kb: 0 }))
  let mainBytes = 0
  for (const f of listFiles(dir)) {
    if (NOT_PACKAGED.has(f.rel)) continue
    const sub = subpackages.find((s) => f.rel.startsWith(s.root))
    if (sub) sub.bytes += f.bytes
    else mainBytes += f.bytes
  }
  for (const s of subpackages) s.kb = kb(s.bytes)
  const totalBytes = mainBytes + subpackages.reduce((n, s) => n + s.bytes, 0)
  return {
    dir: path.relative(repoRoot, dir),
    mainBytes,
    mainKB: kb(mainBytes),
    limitKB: MAIN_LIMIT_BYTES / 1024,
    overLimit: mainBytes > MAIN_LIMIT_BYTES,
    subpackages,
    totalKB: kb(totalBytes),
    quality: quality ? await checkQuality(dir) : null,
  }
}

async function main() {
  const json = process.argv.includes('--json')
  const r = await measureWeapp()
  const failed = r.overLimit || (r.quality && !r.quality.ok)
  if (json) {
    process.stdout.write(JSON.stringify(r) + '\n')
  } else {
    console.log(`weapp build: ${r.dir}/`)
    console.log(
      `  main package   ${String(r.mainKB).padStart(8)} KB   (limit ${r.limitKB} KB)${r.overLimit ? '   ✗ OVER LIMIT' : ''}`,
    )
    for (const s of r.subpackages) console.log(`  ${s.root.padEnd(14)} ${String(s.kb).padStart(8)} KB`)
    console.log(`  total          ${String(r.totalKB).padStart(8)} KB`)
    if (r.quality) {
      console.log(`miniprogram-ci checkCodeQuality: ${r.quality.ok ? 'PASS' : 'FAIL'}`)
      if (r.quality.error) console.log(`  error: ${r.quality.error}`)
      // Each item's text names the problem it looks for; `success` says the problem is absent.
      for (const i of r.quality.items)
        console.log(`  ${i.success ? '✓' : '✗'} ${i.name}${i.success ? '' : ` — ${i.text}`}`)
    }
  }
  process.exit(failed ? 1 : 0)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`✗ ${e.message || e}`)
    process.exit(1)
  })
}

// Builds every cloud function (cloudfunctions/<name>/index.ts, folders not starting with "_") into
// build/cloudfunctions/<name>/ — index.js (esbuild bundle, wx-server-sdk external), package.json
// (wx-server-sdk as the only dependency), config.json — and the local cloud into build/localcloud/
// (server.cjs, worker.cjs). Exits 1 if any output is missing.
import { build } from 'esbuild'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const srcDir = join(root, 'cloudfunctions')
const outDir = join(root, 'build', 'cloudfunctions')
const lcOut = join(root, 'build', 'localcloud')
const SDK_VERSION = '4.0.2'
const started = Date.now()
const problems = []

const kb = (file) => `${(statSync(file).size / 1024).toFixed(1)} KB`

/** WeChat's config.json rules the console would refuse: one timer trigger, a named 7-field cron. */
function checkConfig(name, config) {
  const triggers = config.triggers ?? []
  if (!Array.isArray(triggers)) return problems.push(`${name}/config.json: triggers must be an array`)
  if (triggers.length > 1) problems.push(`${name}/config.json: WeChat allows one trigger per function`)
  for (const t of triggers) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t?.name ?? ''))
      problems.push(`${name}/config.json: bad trigger name "${t?.name}"`)
    if (t?.type !== 'timer') problems.push(`${name}/config.json: trigger type must be "timer"`)
    if (typeof t?.config !== 'string' || t.config.trim().split(/\s+/).length !== 7) {
      problems.push(`${name}/config.json: trigger config must be a 7-field cron (秒 分 时 日 月 星期 年)`)
    }
  }
  const apis = config.permissions?.openapi ?? []
  if (!Array.isArray(apis) || apis.some((a) => typeof a !== 'string'))
    problems.push(`${name}/config.json: permissions.openapi must be a list of api names`)
}

const functions = existsSync(srcDir)
  ? readdirSync(srcDir).filter(
      (n) => !n.startsWith('_') && !n.startsWith('.') && existsSync(join(srcDir, n, 'index.ts')),
    )
  : []

// drop outputs whose source folder is gone
if (existsSync(outDir)) {
  for (const n of readdirSync(outDir))
    if (!functions.includes(n)) rmSync(join(outDir, n), { recursive: true, force: true })
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
}

const functionBuilds = functions.map(async (name) => {
  const dir = join(outDir, name)
  mkdirSync(dir, { recursive: true })
  await build({
    ...common,
    entryPoints: [join(srcDir, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    external: ['wx-server-sdk'],
    alias: { '@shared': join(root, 'shared') },
    tsconfig: join(root, 'tsconfig.json'),
    // Small bundles start fast (docs/architecture.md, "Cost model"); names are kept so stacks in the logs stay readable.
    minify: true,
    keepNames: true,
    sourcemap: false,
  })
  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': SDK_VERSION },
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  const configSrc = join(srcDir, name, 'config.json')
  if (existsSync(configSrc)) {
    let config
    try {
      config = JSON.parse(readFileSync(configSrc, 'utf8'))
    } catch (err) {
      problems.push(`${name}/config.json: ${err.message}`)
    }
    if (config) checkConfig(name, config)
    copyFileSync(configSrc, join(dir, 'config.json'))
  } else {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ permissions: { openapi: [] } }, null, 2) + '\n')
  }
})

mkdirSync(lcOut, { recursive: true })
const localcloudBuilds = [
  ['server.ts', 'server.cjs'],
  ['host/worker.ts', 'worker.cjs'],
].map(([src, out]) =>
  build({
    ...common,
    target: 'node20',
    entryPoints: [join(root, 'localcloud', src)],
    outfile: join(lcOut, out),
    packages: 'external',
  }),
)

const results = await Promise.allSettled([...functionBuilds, ...localcloudBuilds])
for (const r of results) if (r.status === 'rejected') problems.push(r.reason?.message ?? String(r.reason))

const expected = [
  ...functions.flatMap((n) => ['index.js', 'package.json', 'config.json'].map((f) => join(outDir, n, f))),
  join(lcOut, 'server.cjs'),
  join(lcOut, 'worker.cjs'),
]
for (const f of expected) if (!existsSync(f)) problems.push(`missing output ${relative(root, f)}`)

for (const n of functions) {
  const f = join(outDir, n, 'index.js')
  if (existsSync(f)) console.log(`  cloudfunctions/${n}/index.js  ${kb(f)}`)
}
for (const f of ['server.cjs', 'worker.cjs'])
  if (existsSync(join(lcOut, f))) console.log(`  localcloud/${f}  ${kb(join(lcOut, f))}`)

if (problems.length) {
  console.error(`✗ build-functions failed:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`✓ built ${functions.length} function(s) and the local cloud in ${Date.now() - started} ms`)

// `npm run bench`: database operations per action, the deadline sweep at 10k and 100k open tickets,
// and the weapp main package size. Bundles scripts/bench/run.ts with esbuild and runs it.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Inside the repo, so the bundle resolves the repo's node_modules.
const outfile = join(root, 'build', 'bench', 'bench.cjs')
await build({
  entryPoints: [join(root, 'scripts/bench/run.ts')],
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, packages: 'external',
  alias: { '@shared': join(root, 'shared') }, logLevel: 'error',
  define: { __REPO__: JSON.stringify(root) },
})
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
process.exit(r.status ?? 1)

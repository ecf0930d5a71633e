/** Settings of the local cloud process, read once from the environment. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export interface Config {
  /** 0 picks a free port. */
  port: number
  repoRoot: string
  dataDir: string
  /** Built functions: `<dir>/<name>/index.js` (+ config.json). */
  functionsDir: string
  h5Dir: string
  /** Overrides every function's config.json `timeout` when set. */
  timeoutOverrideMs: number | null
  poolSize: number
  poolMin: number
  /** Real-time timer tick; 0 turns the background tick off (clock advances still fire timers). */
  timerTickMs: number
  seed: 'never' | 'auto' | 'always'
  envId: string
  appId: string
  bucket: string
}

/** The repository root: the nearest folder upwards whose package.json is this project's. */
export function findRepoRoot(start: string): string {
  let dir = resolve(start)
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'yiwang') return dir
      } catch {
        /* not ours */
      }
    }
    const up = dirname(dir)
    if (up === dir) return resolve(start, '..', '..')
    dir = up
  }
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`)
  return n
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, here: string = __dirname): Config {
  const repoRoot = env.REPO_ROOT ? resolve(env.REPO_ROOT) : findRepoRoot(here)
  const seed = env.SEED ?? 'never'
  if (seed !== 'never' && seed !== 'auto' && seed !== 'always')
    throw new Error(`SEED must be never|auto|always`)
  const poolSize = Math.max(1, int(env.POOL_SIZE, 8, 'POOL_SIZE'))
  return {
    port: int(env.PORT, 8787, 'PORT'),
    repoRoot,
    dataDir: resolve(env.DATA_DIR || join(repoRoot, 'data')),
    functionsDir: resolve(env.FUNCTIONS_DIR || join(repoRoot, 'build', 'cloudfunctions')),
    h5Dir: resolve(env.H5_DIR || join(repoRoot, 'build', 'h5')),
    timeoutOverrideMs: env.FUNCTION_TIMEOUT_MS
      ? int(env.FUNCTION_TIMEOUT_MS, 20000, 'FUNCTION_TIMEOUT_MS')
      : null,
    poolSize,
    poolMin: Math.min(poolSize, int(env.POOL_MIN, 1, 'POOL_MIN')),
    timerTickMs: int(env.TIMER_TICK_MS, 1000, 'TIMER_TICK_MS'),
    seed,
    envId: env.LOCALCLOUD_ENV || 'local',
    appId: env.LOCALCLOUD_APPID || 'touristappid',
    bucket: env.LOCALCLOUD_BUCKET || 'yiwang-local',
  }
}

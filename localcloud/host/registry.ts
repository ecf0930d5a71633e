/** The built functions the local cloud can run: `<FUNCTIONS_DIR>/<name>/index.js` + config.json. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface TriggerConfig {
  name: string
  type: string
  config: string
}

export interface FunctionConfig {
  /** Seconds, as in the WeChat console. */
  timeout?: number
  triggers?: TriggerConfig[]
  permissions?: { openapi?: string[] }
}

export interface FunctionInfo {
  name: string
  bundlePath: string
  config: FunctionConfig
  timeoutMs: number
}

export const DEFAULT_TIMEOUT_MS = 20_000
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

export class FunctionRegistry {
  private cache = new Map<string, { mtimeMs: number; config: FunctionConfig }>()

  constructor(
    readonly dir: string,
    private readonly timeoutOverrideMs: number | null,
  ) {}

  static isValidName(name: string): boolean {
    return NAME.test(name)
  }

  get(name: string): FunctionInfo | null {
    if (!FunctionRegistry.isValidName(name)) return null
    const bundlePath = join(this.dir, name, 'index.js')
    if (!existsSync(bundlePath)) return null
    const config = this.readConfig(join(this.dir, name, 'config.json'))
    const seconds = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : null
    const timeoutMs = this.timeoutOverrideMs ?? (seconds ? seconds * 1000 : DEFAULT_TIMEOUT_MS)
    return { name, bundlePath, config, timeoutMs }
  }

  list(): FunctionInfo[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir)
      .sort()
      .map((name) => this.get(name))
      .filter((f): f is FunctionInfo => f !== null)
  }

  private readConfig(file: string): FunctionConfig {
    if (!existsSync(file)) return {}
    const mtimeMs = statSync(file).mtimeMs
    const hit = this.cache.get(file)
    if (hit && hit.mtimeMs === mtimeMs) return hit.config
    let config: FunctionConfig = {}
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
      if (parsed && typeof parsed === 'object') config = parsed as FunctionConfig
    } catch (err) {
      console.error(`[localcloud] ${file}: invalid JSON (${(err as Error).message})`)
    }
    this.cache.set(file, { mtimeMs, config })
    return config
  }
}

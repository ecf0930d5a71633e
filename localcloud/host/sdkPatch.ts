/**
 * Worker-side wiring of the real wx-server-sdk: every bundle gets the one SDK instance this worker
 * patched (whatever folder the bundle sits in), a bundle may require nothing else but Node built-ins
 * (as on WeChat Cloud, where wx-server-sdk is the only installed dependency), and `cloud.openapi` is
 * the local openapi.
 */
import Module, { builtinModules } from 'node:module'
import { resolve, sep } from 'node:path'

interface ResolvableModule {
  _resolveFilename(
    request: string,
    parent: { filename?: string | null } | undefined,
    ...rest: unknown[]
  ): string
}

const builtins = new Set(builtinModules)

export function isBuiltin(request: string): boolean {
  return request.startsWith('node:') || builtins.has(request) || builtins.has(request.split('/')[0])
}

/** Makes `require('wx-server-sdk')` from any bundle resolve to `sdkPath`; refuses other packages. */
export function installResolver(sdkPath: string, functionsDir: string): void {
  const M = Module as unknown as ResolvableModule
  const original = M._resolveFilename.bind(Module)
  const root = resolve(functionsDir) + sep
  M._resolveFilename = (request, parent, ...rest) => {
    if (request === 'wx-server-sdk') return sdkPath
    const fromBundle = !!parent?.filename && parent.filename.startsWith(root)
    const bare = !request.startsWith('.') && !request.startsWith('/')
    if (fromBundle && bare && !isBuiltin(request)) {
      const err = new Error(
        `Cannot find module '${request}' (a function bundle may only require wx-server-sdk and Node built-ins; bundle it with esbuild)`,
      ) as Error & { code: string }
      err.code = 'MODULE_NOT_FOUND'
      throw err
    }
    return original(request, parent, ...rest)
  }
}

/** Replaces `cloud.openapi` on the SDK's export object (init() does not touch it). */
export function installOpenApi(sdk: Record<string, unknown>, openapi: unknown): void {
  Object.defineProperty(sdk, 'openapi', {
    value: openapi,
    writable: true,
    configurable: true,
    enumerable: true,
  })
}

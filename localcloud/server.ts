/**
 * The local cloud: one HTTP server on 127.0.0.1:$PORT standing in for WeChat Cloud — the SDK wire
 * protocol (/tcb), function calls (/api/functions), storage, the local openapi, dev controls and the
 * h5 build. Prints `LOCALCLOUD_READY http://127.0.0.1:<port>` once it answers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { App } from './app'
import { loadConfig } from './config'
import { HttpError, sendError } from './http/util'
import { handleDev } from './routes/dev'
import { handleFunctionCall } from './routes/functions'
import { handleOpenApi } from './routes/openapi'
import { serveStatic } from './routes/static'
import { handleSdkUpload, handleUserUpload, serveStored } from './routes/storage'
import { handleTcb } from './routes/tcb'
import { WECOM_PREFIX, handleDevWebhooks, handleWecom } from './routes/webhooks'

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, x-wx-openid, x-wx-appid, x-wx-unionid',
  'Access-Control-Expose-Headers': 'X-DB-Ops, X-Invocation-Id',
}

async function route(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname
  if (path.startsWith('/api/') || path.startsWith('/__storage/upload')) {
    for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v)
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
  }
  let m: RegExpExecArray | null
  if (path === '/tcb' || path.startsWith('/tcb/')) return handleTcb(app, req, res, path.slice(4))
  if ((m = /^\/api\/functions\/([^/]+)\/?$/.exec(path)))
    return handleFunctionCall(app, req, res, decodeURIComponent(m[1]))
  if (path === '/__dev/webhooks' || path === '/__dev/webhooks/faults')
    return handleDevWebhooks(app, req, res, url)
  if (path.startsWith(`${WECOM_PREFIX}/`)) return handleWecom(app, req, res, url)
  if (path.startsWith('/__dev/')) return handleDev(app, req, res, url)
  if ((m = /^\/__openapi\/([^/]+)$/.exec(path))) return handleOpenApi(app, req, res, decodeURIComponent(m[1]))
  if (path === '/__storage/upload') return handleUserUpload(app, req, res, url)
  if ((m = /^\/__storage\/cos\/([a-f0-9]+)$/.exec(path))) return handleSdkUpload(app, req, res, m[1])
  if (path.startsWith('/storage/') && (req.method === 'GET' || req.method === 'HEAD')) {
    return serveStored(app, req, res, path.slice('/storage/'.length))
  }
  if (path.startsWith('/api/') || path.startsWith('/__')) throw new HttpError(404, 'NOT_FOUND', '接口不存在')
  serveStatic(app, req, res, path)
}

function fail(res: ServerResponse, err: unknown, req: IncomingMessage): void {
  if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message)
  console.error(`[localcloud] ${req.method} ${req.url} failed:`, err)
  sendError(res, 500, 'INTERNAL', '本地云内部错误')
}

async function main(): Promise<void> {
  const config = loadConfig()
  const fresh = App.isFresh(config.dataDir)
  const app = new App(config)
  const server = createServer((req, res) => {
    route(app, req, res).catch((err) => fail(res, err, req))
  })
  server.keepAliveTimeout = 5000
  server.on('clientError', (_err, socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  app.start(port)

  if (config.seed === 'always' || (config.seed === 'auto' && fresh)) await app.seed()

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`[localcloud] ${signal}: stopping`)
    server.close()
    server.closeAllConnections()
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('unhandledRejection', (reason) => console.error('[localcloud] unhandled rejection:', reason))
  process.on('uncaughtException', (err) => console.error('[localcloud] uncaught exception:', err))

  console.log(`LOCALCLOUD_READY ${app.baseUrl}`)
}

main().catch((err) => {
  console.error('[localcloud] failed to start:', err)
  process.exit(1)
})

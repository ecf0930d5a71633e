/** GET of anything else: the h5 build (index.html for unknown page paths), or a hint to build it. */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { App } from '../app'
import { HttpError } from '../http/util'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>一网 · 本地云</title></head>
<body style="font-family:sans-serif;font-size:20px;padding:2em;line-height:1.6">
<h1>一网 · 本地云已启动</h1>
<p>还没有网页版（h5）构建。请先运行：</p><pre>npm run build:h5</pre><p>然后刷新本页。</p>
<p>The h5 build is missing: run <code>npm run build:h5</code>, then reload.</p></body></html>`

export function serveStatic(app: App, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(404, 'NOT_FOUND', '接口不存在')
  const root = app.config.h5Dir
  const index = join(root, 'index.html')
  if (!existsSync(index)) return send(req, res, 200, Buffer.from(NOT_BUILT), TYPES['.html'])
  let rel: string
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  } catch {
    throw new HttpError(400, 'INVALID_INPUT', '路径不合法')
  }
  const file = join(root, rel)
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, 'NOT_FOUND', '文件不存在')
  if (rel && existsSync(file) && statSync(file).isFile()) return stream(req, res, file)
  if (extname(rel)) throw new HttpError(404, 'NOT_FOUND', '文件不存在')
  stream(req, res, index)
}

function stream(req: IncomingMessage, res: ServerResponse, file: string): void {
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  const cache = file.endsWith('.html') ? 'no-cache' : 'public, max-age=300'
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, 'Cache-Control': cache })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, type: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}

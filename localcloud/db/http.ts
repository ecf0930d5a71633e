/**
 * A minimal `POST /tcb` handler over a DatabaseService, for tests and tools. The local cloud's
 * real server routes `database.*` bodies to `DatabaseService.handle` itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DatabaseService } from './service'

export function createTcbHttpHandler(
  db: DatabaseService,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void answer(db, req, Buffer.concat(chunks).toString('utf8')).then(([status, payload]) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(payload))
      })
    })
  }
}

async function answer(db: DatabaseService, req: IncomingMessage, text: string): Promise<[number, unknown]> {
  if (req.method !== 'POST' || !(req.url ?? '').startsWith('/tcb'))
    return [404, { code: 'NOT_FOUND', message: 'not found' }]
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return [200, { code: 'INVALID_PARAM', message: '[InvalidParameter] the request body is not JSON' }]
  }
  const action = (body as { action?: unknown } | null)?.action
  if (typeof action !== 'string' || !action.startsWith('database.')) {
    return [
      200,
      { code: 'INVALID_PARAM', message: `[InvalidParameter] unsupported action ${String(action)}` },
    ]
  }
  return [200, await db.handle(body as Record<string, unknown>)]
}

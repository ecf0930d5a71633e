/**
 * The HTTPS POST to a 企业微信 group robot (`/cgi-bin/webhook/send?key=…`). The base address is
 * `https://qyapi.weixin.qq.com` unless WECOM_WEBHOOK_BASE says otherwise: the local cloud points it
 * at its own sink, which keeps what was posted (`GET /__dev/webhooks`).
 *
 * The key is a secret: it goes into the request's address and nowhere else — not into an error, a
 * log line or a stored reason (what WeChat answers is scrubbed of it too).
 */
import * as http from 'node:http'
import * as https from 'node:https'

export const WECOM_BASE = 'https://qyapi.weixin.qq.com'
const TIMEOUT_MS = 5000

export type RobotBody =
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'text'; text: { content: string; mentioned_mobile_list?: string[] } }

/** `errcode` 0 is success; -1 stands for no answer at all (network, timeout, not JSON). */
export interface RobotAnswer {
  errcode: number
  errmsg: string
}

const scrub = (text: string, key: string): string => text.split(key).join('***').slice(0, 200)

export function postToRobot(key: string, body: RobotBody): Promise<RobotAnswer> {
  const base = process.env.WECOM_WEBHOOK_BASE || WECOM_BASE
  const url = new URL(`${base.replace(/\/$/, '')}/cgi-bin/webhook/send`)
  url.searchParams.set('key', key)
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  const lib = url.protocol === 'http:' ? http : https
  return new Promise((resolve) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<RobotAnswer>
            resolve({ errcode: Number(json.errcode ?? -1), errmsg: scrub(String(json.errmsg ?? ''), key) })
          } catch {
            resolve({ errcode: -1, errmsg: `HTTP ${res.statusCode ?? 0}, answer is not JSON` })
          }
        })
        res.on('error', () => resolve({ errcode: -1, errmsg: 'answer interrupted' }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    // The error's text may hold the address (and so the key): only its code is kept.
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ errcode: -1, errmsg: `no answer (${err.code ?? 'error'})` }),
    )
    req.end(payload)
  })
}

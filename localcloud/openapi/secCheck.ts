/**
 * security.msgSecCheck with a local word list. Version 2 answers `{ result: { suggest, label },
 * detail, trace_id }` (suggest: pass | review | risky); version 1 fails with 87014 on risky text.
 */
import { randomBytes } from 'node:crypto'
import { wxError, type WxAnswer } from './subscribe'

export interface WordList {
  risky: Array<{ word: string; label: number }>
  review: Array<{ word: string; label: number }>
}

const MAX_CONTENT = 2500
const PASS_LABEL = 100

export function msgSecCheck(words: WordList, body: Record<string, unknown>): WxAnswer {
  const content = body.content
  if (typeof content !== 'string' || !content) return wxError(47001, 'data format error: content is empty')
  if ([...content].length > MAX_CONTENT) return wxError(47001, 'data format error: content too long')
  const text = [content, body.title, body.nickname, body.signature]
    .filter((s) => typeof s === 'string')
    .join('\n')
  const risky = words.risky.find((w) => text.includes(w.word))
  const review = risky ? undefined : words.review.find((w) => text.includes(w.word))
  const hit = risky ?? review
  const suggest = risky ? 'risky' : review ? 'review' : 'pass'
  const label = hit ? hit.label : PASS_LABEL

  if (Number(body.version ?? 1) !== 2) {
    return risky ? wxError(87014, 'risky content') : { errcode: 0, errmsg: 'ok' }
  }
  if (typeof body.openid !== 'string' || !body.openid) return wxError(40003, 'invalid openid')
  const scene = Number(body.scene)
  if (![1, 2, 3, 4].includes(scene)) return wxError(40097, 'invalid args: scene')

  const detail: Array<Record<string, unknown>> = [
    { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
  ]
  if (hit)
    detail.push({
      strategy: 'keyword',
      errcode: 0,
      suggest,
      label,
      level: risky ? 90 : 50,
      keyword: hit.word,
    })
  return {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail,
    trace_id: randomBytes(8).toString('hex'),
  }
}

/**
 * Text checks with `security.msgSecCheck` v2 (docs/architecture.md, "Roles and scope"): `risky` is refused with a clear
 * message (CONTENT_RISKY); `review` is accepted and flagged for a guide to look at. If the check
 * itself fails (a platform fault), the text is accepted and flagged: a resident's report of a
 * hazard must not be lost to an outage, and a person will see it.
 */
import { openapi } from './cloud'
import { AppError } from '../entry/envelope'

export type Verdict = 'pass' | 'review'

/** WeChat's scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. A report is closest to a forum post. */
const SCENE_REPORT = 3

export async function checkText(
  openid: string,
  ...texts: Array<string | undefined | null>
): Promise<Verdict> {
  const content = texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('\n')
  if (content === '') return 'pass'
  let suggest: string | undefined
  try {
    const res = await openapi().security.msgSecCheck({ content, version: 2, scene: SCENE_REPORT, openid })
    suggest = (res as { result?: { suggest?: string } }).result?.suggest
  } catch (err) {
    console.warn('[contentSecurity] msgSecCheck failed; accepting and flagging:', (err as Error).message)
    return 'review'
  }
  if (suggest === 'risky') throw new AppError('CONTENT_RISKY', '内容可能含有违规信息，请修改后再提交')
  return suggest === 'review' ? 'review' : 'pass'
}

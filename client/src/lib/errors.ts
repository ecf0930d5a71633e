/**
 * One sentence for a refusal, shown inline (not only a toast). INVALID_INPUT names the fields;
 * CONFLICT tells the user to refresh.
 */
import type { CallError } from '../services/http'

interface Issue {
  path?: unknown
  message?: unknown
}

/** `details` of INVALID_INPUT: `[{ path, message }]`; keep only the field messages. */
function fieldMessages(details: unknown): string[] {
  if (!Array.isArray(details)) return []
  return details
    .map((d: Issue) => (typeof d?.message === 'string' ? d.message : ''))
    .filter((m, i, all) => m && all.indexOf(m) === i)
}

export const CONFLICT_TEXT = '已被他人更新，请刷新后再操作'

export function errorText(error: CallError): string {
  switch (error.code) {
    case 'INVALID_INPUT': {
      const fields = fieldMessages(error.details)
      return fields.length ? fields.join('；') : error.message
    }
    case 'CONFLICT':
      return CONFLICT_TEXT
    default:
      return error.message || '操作失败，请稍后再试'
  }
}

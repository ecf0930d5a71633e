/**
 * Drafts on the phone (Taro storage: WeChat's local storage, the browser's localStorage), one per
 * form: `report` (the resident's report; 代报 keeps none — it is about somebody else),
 * `supplement:<ticketId>`, `patrol`. See lib/drafts.ts for what a draft holds.
 */
import Taro from '@tarojs/taro'
import { worthKeeping, type Draft, type NoteDraft, type ReportDraft } from '../lib/drafts'

const PREFIX = 'yiwang-draft:'

function read<T extends Draft>(key: string, kind: T['kind']): T | null {
  try {
    const raw = Taro.getStorageSync(PREFIX + key) as unknown
    const d = (typeof raw === 'string' && raw ? JSON.parse(raw) : raw) as T | null
    return d && typeof d === 'object' && d.kind === kind ? d : null
  } catch {
    return null
  }
}

export function keepDraft(key: string, draft: Draft): void {
  try {
    if (worthKeeping(draft)) Taro.setStorageSync(PREFIX + key, JSON.stringify(draft))
    else Taro.removeStorageSync(PREFIX + key)
  } catch {
    // storage full or unavailable: the form still works, only the draft is not kept
  }
}

export function dropDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // nothing to do
  }
}

export const reportDraft = (): ReportDraft | null => read<ReportDraft>('report', 'report')
export const noteDraft = (key: string, kind: NoteDraft['kind']): NoteDraft | null =>
  read<NoteDraft>(key, kind)

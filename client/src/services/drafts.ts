/**
 * Drafts on the phone (Taro storage: WeChat's local storage, the browser's localStorage), one per
 * form and person (the browser build switches identities on one device): `report` (the resident's
 * report; 代报 keeps none — it is about somebody else), `supplement:<ticketId>`, `patrol`, and
 * `record:<form>` for the field-work records (屋场会, 宣传活动, 宣讲/党课, 微服务). See
 * lib/drafts.ts for what a draft holds.
 */
import Taro from '@tarojs/taro'
import { worthKeeping, type Draft, type NoteDraft, type RecordDraft, type ReportDraft } from '../lib/drafts'

const PREFIX = 'yiwang-draft:'

const storageKey = (owner: string, key: string) => `${PREFIX}${owner}:${key}`

function read<T extends Draft>(owner: string, key: string, kind: T['kind']): T | null {
  try {
    const raw = Taro.getStorageSync(storageKey(owner, key)) as unknown
    const d = (typeof raw === 'string' && raw ? JSON.parse(raw) : raw) as T | null
    return d && typeof d === 'object' && d.kind === kind ? d : null
  } catch {
    return null
  }
}

export function keepDraft(owner: string, key: string, draft: Draft): void {
  try {
    if (worthKeeping(draft)) Taro.setStorageSync(storageKey(owner, key), JSON.stringify(draft))
    else Taro.removeStorageSync(storageKey(owner, key))
  } catch {
    // storage full or unavailable: the form still works, only the draft is not kept
  }
}

export function dropDraft(owner: string, key: string): void {
  try {
    Taro.removeStorageSync(storageKey(owner, key))
  } catch {
    // nothing to do
  }
}

export const reportDraft = (owner: string): ReportDraft | null => read<ReportDraft>(owner, 'report', 'report')
export const noteDraft = (owner: string, key: string, kind: NoteDraft['kind']): NoteDraft | null =>
  read<NoteDraft>(owner, key, kind)
export const recordDraft = (owner: string, form: string): RecordDraft | null =>
  read<RecordDraft>(owner, `record:${form}`, 'record')
export const keepRecordDraft = (owner: string, form: string, draft: RecordDraft): void =>
  keepDraft(owner, `record:${form}`, draft)
export const dropRecordDraft = (owner: string, form: string): void => dropDraft(owner, `record:${form}`)

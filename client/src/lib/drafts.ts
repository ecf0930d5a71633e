/**
 * Drafts kept on the phone: what a form held when it was left, when the app closed or when sending
 * failed. A report draft carries its client request id, so sending it again (from the home page,
 * once the network is back) can never make a second ticket. Pure (no Taro): the storage is in
 * services/drafts.ts.
 */
import type { Location, SubmitInput } from '../services/api'

/** A photo as the form holds it: uploaded (a fileID), or only on the phone so far (a local path). */
export interface DraftPhoto {
  fileID?: string
  /** weapp: a local file path, uploaded when the form opens again. */
  path?: string
}

export interface ReportDraft {
  kind: 'report'
  savedAt: number
  clientRequestId: string
  categoryCode: string
  description: string
  photos: DraftPhoto[]
  voice: { fileID: string; durationSec: number } | null
  location: Location | null
  anonymous: boolean
  gridId?: string
  contact?: { name?: string; phone?: string }
}

export interface NoteDraft {
  kind: 'supplement' | 'patrol'
  savedAt: number
  clientRequestId?: string
  text: Record<string, string>
  photos: DraftPhoto[]
  flags?: Record<string, boolean>
  categoryCode?: string
}

/**
 * A field-work record form (屋场会, 宣传活动, 宣讲/党课, 微服务): its fields as text, its grids and its
 * request id (the records function answers a repeated id with the first record: at most one is made).
 * `text` is what the person typed; `preset` holds fields the form fills in itself (the date, the host),
 * kept with the draft but not reason enough on their own to keep one.
 */
export interface RecordDraft {
  kind: 'record'
  savedAt: number
  clientRequestId: string
  text: Record<string, string>
  preset?: Record<string, string>
  gridIds: string[]
}

export type Draft = ReportDraft | NoteDraft | RecordDraft

export const DESCRIPTION_MIN = 5

/** Whether a form holds anything worth keeping. */
export const worthKeeping = (d: Draft): boolean =>
  d.kind === 'report'
    ? d.description.trim() !== '' || d.photos.length > 0 || d.voice !== null || d.categoryCode !== ''
    : d.kind === 'record'
      ? Object.values(d.text).some((t) => t.trim() !== '')
      : Object.values(d.text).some((t) => t.trim() !== '') || d.photos.length > 0

/** A report draft that can be sent as it is: a category, and words or a voice note, all photos uploaded. */
export const readyToSend = (d: ReportDraft): boolean =>
  d.categoryCode !== '' &&
  (d.voice !== null || d.description.trim().length >= DESCRIPTION_MIN) &&
  d.photos.every((p) => p.fileID !== undefined)

/** The submit request a report draft stands for (its own request id: at most one ticket). */
export const submitInputOf = (d: ReportDraft): SubmitInput => ({
  clientRequestId: d.clientRequestId,
  categoryCode: d.categoryCode,
  description: d.description.trim(),
  photos: d.photos.flatMap((p) => (p.fileID ? [p.fileID] : [])),
  ...(d.voice ? { voice: d.voice } : {}),
  location: d.location,
  anonymous: d.anonymous,
  ...(d.gridId ? { gridId: d.gridId } : {}),
  ...(!d.anonymous && d.contact && (d.contact.name || d.contact.phone) ? { contact: d.contact } : {}),
})

/** What the home page says about a kept report. */
export const draftNotice = (d: ReportDraft): string =>
  readyToSend(d) ? '有 1 条未发送的上报' : '有 1 条没写完的上报'

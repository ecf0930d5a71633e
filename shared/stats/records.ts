import type { MicroServiceKind, SessionKind } from './themes'

/**
 * Field-work records (collections `meetings`, `campaigns`, `microServices`, `sessions`). Each one
 * has a date (the Beijing day it happened, `YYYY-MM-DD`), where, who logged it and when (the audit
 * trail); its `_id` is derived from the caller and the client's request id, so a retry finds the
 * first write instead of making a second.
 */
interface FieldRecord {
  _id: string
  townId: string
  date: string
  /** Staff id of whoever logged it, and when (UTC ISO). */
  createdBy: string
  createdAt: string
}

/** 屋场会: a meeting of a grid's households; a concern raised there can become a ticket. */
export interface MeetingRecord extends FieldRecord {
  villageId: string
  gridId: string
  place: string
  host: string
  attendance: number
  attendees: string[]
  topics: string[]
  /** Tickets made from concerns raised at the meeting (source `meeting`). */
  tickets: Array<{ ticketId: string; number: string }>
}

/** 宣传活动: a campaign on one theme, possibly across several grids. */
export interface CampaignRecord extends FieldRecord {
  theme: string
  villageIds: string[]
  gridIds: string[]
  materials: number
  note: string
}

/** 微服务: a small service for one resident (代办, 帮办, 跑腿 …). */
export interface MicroServiceRecord extends FieldRecord {
  villageId: string
  gridId: string
  kind: MicroServiceKind
  forWhom: string
  note: string
}

/** 理论宣讲 / 屋场党课. */
export interface SessionRecord extends FieldRecord {
  kind: SessionKind
  villageId: string
  gridId: string | null
  place: string
  speaker: string
  attendance: number
  topic: string
}

export const RECORD_COLLECTIONS = {
  meetings: 'meetings',
  campaigns: 'campaigns',
  microServices: 'microServices',
  sessions: 'sessions',
} as const

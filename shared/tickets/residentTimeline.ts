import type { TimelineEntry } from '../model/ticket'

/**
 * The ticket's history as the reporter reads it: plain words ("网格员已签收", "正在办理：…",
 * "需要您补充：…") instead of the system's ("系统：派单（待分派 → 待签收）"). Staff keep the full
 * timeline; this is the resident-facing wording only.
 */
export interface ResidentStep {
  /** One short line: what happened. */
  text: string
  /** The words that came with it (the worker's progress, question or result; the reporter's own). */
  detail?: string
}

type Entry = Pick<TimelineEntry, 'command' | 'actor' | 'note' | 'from' | 'to' | 'photos'>

const byReporter = (e: Entry): boolean => e.actor.kind === 'reporter'
const withNote = (text: string, e: Entry): ResidentStep =>
  e.note !== undefined && e.note !== '' ? { text, detail: e.note } : { text }

/** `评分 4：修得快` → `4星，修得快` (the confirm command's note). */
const ratingWords = (note: string | undefined): string | undefined =>
  note?.replace(/^评分 (\d)(：?)/, (_all, n: string, colon: string) => `${n}星${colon ? '，' : ''}`)

const WORDING: Record<string, (e: Entry) => ResidentStep | null> = {
  submit: () => ({ text: '已提交' }),
  route: () => ({ text: '已受理，交给网格员办理' }),
  signFor: () => ({ text: '网格员已签收' }),
  addProgress: (e) => withNote('正在办理', e),
  requestInfo: (e) => withNote('需要您补充', e),
  resume: (e) => (byReporter(e) ? withNote('您已补充', e) : withNote('继续办理', e)),
  resolve: (e) => withNote('已办结', e),
  confirm: (e) => {
    const words = ratingWords(e.note)
    return words === undefined ? { text: '您已评价' } : { text: '您已评价', detail: words }
  },
  reopen: (e) => withNote('您要求重办', e),
  // Who passed it on and why is the staff's business; the reporter needs to know it is in hand.
  returnTicket: () => ({ text: '正在重新安排办理人' }),
  redispatch: () => ({ text: '已重新安排网格员办理' }),
  transfer: () => ({ text: '已转交其他网格办理' }),
  reject: (e) => withNote('不予受理', e),
  markDuplicate: (e) => withNote('与已有的上报重复，合并办理', e),
  escalate: () => ({ text: '已督促加快办理' }),
  remind: () => ({ text: '已督促加快办理' }),
  autoClose: () => ({ text: '已办结（您没有评价，系统自动办结）' }),
}

/**
 * @example
 * residentStep({ command: 'signFor', actor: { kind: 'staff', staffId: 's1' }, from: 'pendingSignFor', to: 'inProgress' })
 * // { text: '网格员已签收' }
 */
export const residentStep = (entry: Entry): ResidentStep =>
  WORDING[entry.command]?.(entry) ?? withNote('办理进展', entry)

/**
 * The reporter's timeline, newest first, with repeats of a wordless step folded into one (three
 * ladder reminders read as one "已督促加快办理").
 */
export const residentTimeline = <E extends Entry & { at: string }>(
  entries: readonly E[],
): (ResidentStep & { at: string; photos?: string[] })[] => {
  const out: (ResidentStep & { at: string; photos?: string[] })[] = []
  for (const e of [...entries].reverse()) {
    const photos = e.photos !== undefined && e.photos.length > 0 ? { photos: e.photos } : {}
    const step = { ...residentStep(e), at: e.at, ...photos }
    const prev = out[out.length - 1]
    const wordless = (s: ResidentStep & { photos?: string[] }) =>
      s.detail === undefined && s.photos === undefined
    if (prev !== undefined && wordless(prev) && wordless(step) && prev.text === step.text) continue
    out.push(step)
  }
  return out
}

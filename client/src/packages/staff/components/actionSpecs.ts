/**
 * The staff actions on a ticket, as data: which fields each needs and which call it makes.
 * The panel shows only those the server lists in `allowedCommands` for this viewer.
 */
import { LIMITS } from '@shared/schemas/limits'
import { supervision, tasks, type TicketView } from '../../../services/api'
import type { CallResult } from '../../../services/cloud'

export interface FieldSpec {
  key: string
  label: string
  min: number
  max: number
  optional?: boolean
}

export interface Values {
  text: Record<string, string>
  photos: string[]
  gridId: string
  /** A person picked for 改派 ('' : the routing chooses). */
  assigneeId?: string
}

export interface ActionSpec {
  label: string
  done: string
  fields?: FieldSpec[]
  photos?: string
  grid?: string
  /** The grid may be the ticket's own (改派 to another person there). */
  sameGrid?: boolean
  /** After the grid, offer its people (改派). */
  people?: boolean
  danger?: boolean
  run: (
    ref: { ticketId: string; expectedVersion: number },
    v: Values,
    /** One per opened form (for the commands that take it): sending again after a lost answer applies once. */
    clientRequestId: string,
  ) => Promise<CallResult<{ ticket: TicketView }>>
}

const reason = (label: string): FieldSpec => ({
  key: 'reason',
  label,
  min: LIMITS.reasonMin,
  max: LIMITS.reasonMax,
})
const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)

/** In the order the buttons appear: the usual next step first. */
export const ACTIONS: Record<string, ActionSpec> = {
  signFor: { label: '签收', done: '已签收', run: (r) => tasks.signFor(r) },
  resolve: {
    label: '办结',
    done: '已办结，等待群众评价',
    fields: [{ key: 'result', label: '办理结果', min: LIMITS.noteMin, max: LIMITS.noteMax }],
    photos: '办结照片（现场证明）',
    run: (r, v) => tasks.resolve({ ...r, result: v.text.result.trim(), photos: v.photos }),
  },
  addProgress: {
    label: '添加进展',
    done: '进展已记录',
    fields: [{ key: 'note', label: '进展情况', min: LIMITS.noteMin, max: LIMITS.noteMax }],
    photos: '进展照片',
    run: (r, v, clientRequestId) =>
      tasks.addProgress({ ...r, clientRequestId, note: v.text.note.trim(), photos: v.photos }),
  },
  requestInfo: {
    label: '请群众补充',
    done: '已请群众补充，计时暂停',
    fields: [{ key: 'question', label: '需要群众补充什么', min: LIMITS.reasonMin, max: LIMITS.reasonMax }],
    run: (r, v) => tasks.requestInfo({ ...r, question: v.text.question.trim() }),
  },
  resume: {
    label: '继续办理',
    done: '已继续办理',
    fields: [{ key: 'note', label: '说明', min: LIMITS.noteMin, max: LIMITS.noteMax }],
    run: (r, v) => tasks.resume({ ...r, note: v.text.note.trim() }),
  },
  redispatch: {
    label: '重新派单',
    done: '已重新派单',
    grid: '派给哪个网格',
    fields: [
      { key: 'note', label: '派单说明（可不填）', min: LIMITS.noteMin, max: LIMITS.noteMax, optional: true },
    ],
    run: (r, v) => supervision.redispatch({ ...r, toGridId: v.gridId, note: opt(v.text.note) }),
  },
  reassign: {
    label: '改派',
    done: '已改派，新的办理人会收到提醒',
    grid: '改派给哪个网格',
    sameGrid: true,
    people: true,
    fields: [reason('改派原因')],
    run: (r, v) =>
      supervision.reassign({
        ...r,
        toGridId: v.gridId,
        assigneeId: v.assigneeId || undefined,
        reason: v.text.reason.trim(),
      }),
  },
  transfer: {
    label: '转办',
    done: '已转办',
    grid: '转给哪个网格',
    fields: [reason('转办原因')],
    run: (r, v) => tasks.transfer({ ...r, toGridId: v.gridId, reason: v.text.reason.trim() }),
  },
  remind: {
    label: '催办',
    done: '已催办',
    fields: [
      { key: 'note', label: '催办说明（可不填）', min: LIMITS.noteMin, max: LIMITS.noteMax, optional: true },
    ],
    run: (r, v, clientRequestId) =>
      supervision.remind({ ticketId: r.ticketId, clientRequestId, note: opt(v.text.note) }),
  },
  returnTicket: {
    label: '退单',
    done: '已退单，等待重新派单',
    danger: true,
    fields: [reason('退单原因')],
    run: (r, v) => tasks.returnTicket({ ...r, reason: v.text.reason.trim() }),
  },
  markDuplicate: {
    label: '标记重复',
    done: '已标记为重复件',
    danger: true,
    fields: [
      { key: 'duplicateOf', label: '原工单编号（如 20260901-0012）或 ID', min: 1, max: 64 },
      reason('说明'),
    ],
    run: (r, v) =>
      supervision.markDuplicate({
        ...r,
        duplicateOf: v.text.duplicateOf.trim(),
        reason: v.text.reason.trim(),
      }),
  },
  reject: {
    label: '不予受理',
    done: '已不予受理',
    danger: true,
    fields: [reason('不予受理的理由')],
    run: (r, v) => supervision.reject({ ...r, reason: v.text.reason.trim() }),
  },
}

/** The first field that is too short, as a sentence; '' when all are fine. */
export function checkValues(spec: ActionSpec, v: Values): string {
  if (spec.grid && !v.gridId) return `请选择${spec.grid.replace(/^.*给/, '')}`
  for (const f of spec.fields ?? []) {
    const len = (v.text[f.key] ?? '').trim().length
    if (f.optional && len === 0) continue
    if (len < f.min) return `请填写${f.label.replace(/（可不填）$/, '')}（至少 ${f.min} 个字）`
  }
  return ''
}

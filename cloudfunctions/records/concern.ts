/**
 * A concern raised at a 屋场会 becomes a ticket in one step: the same submission flow as a report
 * (numbered, routed, answered, source `meeting`), and the meeting lists the ticket, written in the
 * same transaction. The resident who raised it is named on the ticket; without a name the meeting is
 * the reporter (the staff member who recorded it).
 */
import type { MeetingRecord, RecordsRequest } from '@shared/index'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { loadGrid } from '../_lib/flows/routing'
import { submitConcern } from '../_lib/flows/submission'
import { db } from '../_lib/platform/cloud'
import { C } from '../_lib/store/collections'
import { writer } from './write'

type RaiseConcern = Extract<RecordsRequest, { action: 'raiseConcern' }>

export async function raiseConcern(req: RaiseConcern, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { data: meeting } = await db().collection<MeetingRecord>(C.meetings).doc(req.meetingId).get()
  if (!meeting || meeting.townId !== caller.staff?.townId) throw new AppError('NOT_FOUND', '没有这次屋场会')
  await writer(ctx, { gridIds: [meeting.gridId] })
  const grid = await loadGrid(meeting.townId, meeting.gridId)
  const { ticket, created } = await submitConcern(
    caller.actor,
    ctx.openid,
    ctx.env,
    grid,
    {
      clientRequestId: req.clientRequestId,
      categoryCode: req.categoryCode,
      description: req.description,
      photos: [],
      anonymous: false,
      source: 'meeting',
      onBehalfOf: req.residentName ? { name: req.residentName } : null,
    },
    ctx.now,
    async (txn, t) => {
      await txn
        .collection(C.meetings)
        .doc(meeting._id)
        .update({ data: { tickets: db().command.push({ ticketId: t._id, number: t.number }) } })
    },
  )
  return { ticketId: ticket._id, ticketNumber: ticket.number, created }
}

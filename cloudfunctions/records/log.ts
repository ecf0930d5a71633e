/** The four field-work logs: 屋场会, 宣传活动, 微服务, 理论宣讲 / 屋场党课. */
import { shanghaiDate, type RecordsRequest } from '@shared/index'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'
import { C } from '../_lib/store/collections'
import { campaignThemes } from '../_lib/stats/themes'
import { addOnce, writer } from './write'

type Req<A extends RecordsRequest['action']> = Extract<RecordsRequest, { action: A }>

/** A record may not be dated in the future (Beijing today is the last day). */
function notFuture(date: string, ctx: ActionContext): string {
  if (date > shanghaiDate(ctx.now)) throw new AppError('INVALID_INPUT', '日期不能晚于今天')
  return date
}

export async function logMeeting(req: Req<'logMeeting'>, ctx: ActionContext) {
  const w = await writer(ctx, { gridIds: [req.gridId] })
  const date = notFuture(req.date, ctx)
  return addOnce(
    ctx,
    C.meetings,
    'm',
    req.clientRequestId,
    [req.place, req.host, ...req.attendees, ...req.topics],
    () => ({
      townId: w.townId,
      villageId: w.villageOf(req.gridId),
      gridId: req.gridId,
      date,
      place: req.place,
      host: req.host,
      attendance: Math.max(req.attendance, req.attendees.length),
      attendees: req.attendees,
      topics: req.topics,
      tickets: [],
      createdBy: w.staffId,
    }),
  )
}

export async function logCampaign(req: Req<'logCampaign'>, ctx: ActionContext) {
  const gridIds = [...new Set(req.gridIds)]
  const w = await writer(ctx, { gridIds })
  const themes = await campaignThemes(w.townId)
  if (!themes.some((t) => t.code === req.theme)) throw new AppError('INVALID_INPUT', '请选择本镇的宣传主题')
  const date = notFuture(req.date, ctx)
  return addOnce(ctx, C.campaigns, 'c', req.clientRequestId, [req.note], () => ({
    townId: w.townId,
    theme: req.theme,
    date,
    villageIds: [...new Set(gridIds.map(w.villageOf))],
    gridIds,
    materials: req.materials,
    note: req.note,
    createdBy: w.staffId,
  }))
}

export async function logMicroService(req: Req<'logMicroService'>, ctx: ActionContext) {
  const w = await writer(ctx, { gridIds: [req.gridId] })
  const date = notFuture(req.date ?? shanghaiDate(ctx.now), ctx)
  return addOnce(ctx, C.microServices, 's', req.clientRequestId, [req.forWhom, req.note], () => ({
    townId: w.townId,
    villageId: w.villageOf(req.gridId),
    gridId: req.gridId,
    date,
    kind: req.kind,
    forWhom: req.forWhom,
    note: req.note,
    createdBy: w.staffId,
  }))
}

export async function logSession(req: Req<'logSession'>, ctx: ActionContext) {
  const w = await writer(
    ctx,
    req.gridId === undefined ? { villageIds: [req.villageId] } : { gridIds: [req.gridId] },
  )
  if (req.gridId !== undefined && w.villageOf(req.gridId) !== req.villageId)
    throw new AppError('INVALID_INPUT', '网格不在所选的村')
  const date = notFuture(req.date, ctx)
  return addOnce(ctx, C.sessions, 'k', req.clientRequestId, [req.place, req.speaker, req.topic], () => ({
    townId: w.townId,
    kind: req.kind,
    date,
    villageId: req.villageId,
    gridId: req.gridId ?? null,
    place: req.place,
    speaker: req.speaker,
    attendance: req.attendance,
    topic: req.topic,
    createdBy: w.staffId,
  }))
}

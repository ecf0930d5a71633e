import { toIso } from '../calendar/shanghaiTime'
import { computeDeadlines } from '../deadlines/computeDeadlines'
import { timeLimitFor } from '../deadlines/timeLimitRules'
import { DEFAULT_CATEGORIES, findCategory } from '../model/category'
import { dropUndefined } from '../model/dropUndefined'
import { hasRole, type Role } from '../model/roles'
import { VOICE_ONLY_DESCRIPTION, type Reporter, type Ticket, type TicketDeadlines } from '../model/ticket'
import { can, covers } from '../permissions/can'
import { check, descriptionBesideVoice, descriptionText, photoList, voiceNote } from './checkInput'
import type { CommandOf } from './commands'
import { refuse, type HandlerOutcome, type TransitionContext } from './context'
import { acceptedNotice, taskNotice } from './notices'

const SOURCE_ROLE: Record<Ticket['source'], Role> = {
  resident: 'resident',
  informant: 'informant',
  patrol: 'gridWorker',
  meeting: 'gridWorker',
}

/**
 * A new concern, in `submitted`. The reporter's identity comes from the actor (the caller's
 * openid), never from the command; the source says in which capacity they report.
 */
export const submitTicket = (command: CommandOf<'submit'>, ctx: TransitionContext): HandlerOutcome => {
  const { actor } = ctx
  if (actor.kind !== 'person' || actor.openid === undefined) return refuse('FORBIDDEN', '请在微信中提交')
  if (actor.scope.townId !== command.townId) return refuse('FORBIDDEN', '只能在本镇提交问题')
  const grid = {
    kind: 'grid',
    townId: command.townId,
    villageId: command.villageId,
    gridId: command.gridId,
  } as const
  if (command.source === 'patrol' && !can(actor, 'logPatrol', grid)) {
    return refuse('FORBIDDEN', '只有本网格的网格员可以登记巡查问题')
  }
  if (command.source === 'meeting' && !covers(actor, grid)) {
    return refuse('FORBIDDEN', '只能为您负责的网格登记屋场会反映的问题')
  }
  // A meeting's concern names the resident who raised it (onBehalfOf) without being a 代报.
  const onBehalf =
    command.source === 'informant' || (command.source !== 'meeting' && (command.onBehalfOf ?? null) !== null)
  if (onBehalf && !can(actor, 'reportOnBehalf', grid)) return refuse('FORBIDDEN', '只有网格信息员可以代报')
  const category = findCategory(ctx.categories ?? DEFAULT_CATEGORIES, command.categoryCode)
  if (category === undefined || !category.active) return refuse('INVALID_INPUT', '请选择有效的问题类别')
  const isStaff = actor.staffId !== undefined && !hasRole(actor, 'resident')
  if (command.priority !== undefined && command.priority !== category.defaultPriority && !isStaff) {
    return refuse('FORBIDDEN', '只有工作人员可以调整紧急程度')
  }
  const voice = command.voice == null ? null : check(voiceNote, command.voice)
  if (voice !== null && !voice.ok) return voice
  // Beside a voice note the words are optional (docs/architecture.md, "Elder-friendly screens"); the lists still need a line to show.
  const description = check(voice === null ? descriptionText : descriptionBesideVoice, command.description)
  if (!description.ok) return description
  const photos = check(photoList, command.photos)
  if (!photos.ok) return photos

  const now = toIso(ctx.now)
  const reporter: Reporter = dropUndefined({
    openid: actor.openid,
    staffId: actor.staffId,
    role:
      command.source === 'meeting'
        ? (actor.roles.find((r) => r !== 'resident') ?? SOURCE_ROLE.meeting)
        : SOURCE_ROLE[command.source],
    name: command.contact?.name,
    phone: command.contact?.phone,
  })
  const ticket: Ticket = {
    _id: command.ticketId,
    townId: command.townId,
    number: command.number,
    villageId: command.villageId,
    gridId: command.gridId,
    categoryCode: category.code,
    priority: command.priority ?? category.defaultPriority,
    description: description.value === '' ? VOICE_ONLY_DESCRIPTION : description.value,
    photos: photos.value,
    voice: voice === null ? null : voice.value,
    location: command.location ?? null,
    anonymous: command.anonymous,
    source: command.source,
    reporter,
    onBehalfOf: command.onBehalfOf ?? null,
    status: 'submitted',
    assigneeId: null,
    deadlines: null,
    pausedAt: null,
    escalation: { level: 0, fired: [] },
    nextDueAt: null,
    signedForAt: null,
    resolution: null,
    rating: null,
    rejection: null,
    closedAt: null,
    reopenCount: 0,
    flagged: command.flagged ?? false,
    version: 0,
    timeline: [],
    createdAt: now,
    updatedAt: now,
  }
  return { ok: true, changes: ticket, effects: [] }
}

const VIA_NOTE: Record<CommandOf<'route'>['via'], string> = {
  categoryOwner: '派给该类问题的专项负责人',
  gridWorker: '派给本网格工作员',
  villageGuide: '网格暂无工作员，派给村级指导员',
  townOffice: '网格和村暂无可接单的人，派给镇网格办',
  manual: '人工派单',
}

/** The ticket's deadlines, started now if it has none yet (its first dispatch, by routing or by a guide). */
export const deadlinesAtDispatch = (ticket: Ticket, ctx: TransitionContext): TicketDeadlines =>
  ticket.deadlines ??
  computeDeadlines(
    ctx.calendar,
    ctx.now,
    timeLimitFor(ctx.rules, ticket.categoryCode, ticket.priority),
    ctx.rules.ladder,
  )

/** Dispatch: the assignee is set and the clock starts (docs/architecture.md, "Deadlines and escalation": at dispatch, not at sign-for). */
export const routeTicket = (
  ticket: Ticket,
  command: CommandOf<'route'>,
  ctx: TransitionContext,
): HandlerOutcome => {
  if (command.assigneeId.length === 0) return refuse('INVALID_INPUT', '缺少办理人')
  const deadlines = deadlinesAtDispatch(ticket, ctx)
  const routed: Ticket = { ...ticket, assigneeId: command.assigneeId, deadlines }
  return {
    ok: true,
    changes: { assigneeId: command.assigneeId, deadlines },
    note: VIA_NOTE[command.via],
    effects: [
      acceptedNotice(routed, ctx, deadlines.resolve.dueAt),
      taskNotice(
        routed,
        ctx,
        { kind: 'staff', staffId: command.assigneeId },
        ticket.description,
        deadlines.signFor.dueAt,
      ),
    ],
  }
}

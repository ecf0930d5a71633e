/**
 * `records.list`: a page of one kind of record, newest first, in the caller's statistics scope (or
 * a village, grid or person inside it) and an optional period — the patrol log per grid and person
 * included. Offset pages of at most 50; one query plus one for the names of who logged them.
 */
import {
  MICRO_SERVICE_NAMES,
  SESSION_NAMES,
  periodBounds,
  scopeConditions,
  type Filter,
  type MeetingRecord,
  type RecordsRequest,
} from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { db } from '../_lib/platform/cloud'
import { decodeOffset } from '../_lib/store/cursor'
import { staffNames, type Directory } from '../_lib/store/directory'
import { filterQuery } from '../_lib/stats/filterQuery'
import { requestedPeriod, resolveScope } from '../_lib/stats/scope'
import { campaignThemes } from '../_lib/stats/themes'

type ListRequest = Extract<RecordsRequest, { action: 'list' }>
type Kind = ListRequest['kind']

/** Per kind: its collection, the field that is its date, and the one that names who did it. */
const KINDS: Record<Kind, { collection: string; dateField: string; personField: string }> = {
  meetings: { collection: 'meetings', dateField: 'date', personField: 'createdBy' },
  campaigns: { collection: 'campaigns', dateField: 'date', personField: 'createdBy' },
  microServices: { collection: 'microServices', dateField: 'date', personField: 'createdBy' },
  sessions: { collection: 'sessions', dateField: 'date', personField: 'createdBy' },
  patrols: { collection: 'patrols', dateField: 'createdAt', personField: 'staffId' },
}

/** The fields the list reads, from whichever kind of record. */
interface AnyRecord {
  _id: string
  date?: string
  createdAt?: string
  createdBy?: string
  staffId?: string
  villageId?: string
  villageIds?: string[]
  gridId?: string | null
  gridIds?: string[]
  kind?: string
  topics?: string[]
  host?: string
  attendance?: number
  place?: string
  tickets?: MeetingRecord['tickets']
  theme?: string
  materials?: number
  note?: string
  forWhom?: string
  speaker?: string
  topic?: string
  ticketNumber?: string | null
}

export async function list(req: ListRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { townId } = requireStaff(caller)
  const { scope, dir } = await resolveScope(caller, townId, req)
  const spec = KINDS[req.kind]
  const p = periodBounds(requestedPeriod(req, ctx.now))
  const period: Filter =
    spec.dateField === 'date'
      ? [
          { field: 'date', op: 'gte', value: p.from },
          { field: 'date', op: 'lte', value: p.to },
        ]
      : [
          { field: 'createdAt', op: 'gte', value: p.fromInstant },
          { field: 'createdAt', op: 'lt', value: p.toInstantExclusive },
        ]
  const offset = decodeOffset(req.cursor)
  const { data } = await db()
    .collection<AnyRecord>(spec.collection)
    .where(filterQuery(townId, period, scopeConditions(scope, spec.collection, spec.personField)))
    .orderBy(spec.dateField, 'desc')
    .orderBy('_id', 'desc')
    .skip(offset)
    .limit(req.pageSize + 1)
    .get()
  const page = data.slice(0, req.pageSize)
  const [names, themes] = await Promise.all([
    staffNames(
      townId,
      page.map((r) => String(r.createdBy ?? r.staffId ?? '')),
    ),
    req.kind === 'campaigns' ? campaignThemes(townId) : Promise.resolve([]),
  ])
  const items = page.map((r) => {
    const by = String(r.createdBy ?? r.staffId ?? '')
    return {
      _id: r._id,
      kind: req.kind,
      date: String(r.date ?? r.createdAt ?? ''),
      villageId: r.villageId ?? r.villageIds?.[0] ?? null,
      gridId: r.gridId ?? null,
      placeName: placeName(dir, r),
      createdBy: by,
      createdByName: names[by] ?? null,
      createdAt: String(r.createdAt ?? ''),
      ...describe(req.kind, r, themes),
    }
  })
  return { items, nextCursor: data.length > req.pageSize ? String(offset + req.pageSize) : null }
}

function placeName(dir: Directory, r: AnyRecord): string {
  const village = (id: string | undefined) => (id ? (dir.villages.get(id)?.name ?? '') : '')
  if (r.gridId) {
    const g = dir.grids.get(r.gridId)
    return g ? `${village(g.villageId)}${g.name}` : ''
  }
  if (r.villageIds)
    return r.villageIds.length > 3 ? `${r.villageIds.length} 个村` : r.villageIds.map(village).join('、')
  return village(r.villageId)
}

function describe(
  kind: Kind,
  r: AnyRecord,
  themes: ReadonlyArray<{ code: string; name: string }>,
): { title: string; detail: string; ticketNumbers: string[] } {
  switch (kind) {
    case 'meetings':
      return {
        title: (r.topics ?? []).join('、'),
        detail: `主持：${r.host ?? ''}，参会 ${r.attendance ?? 0} 人${r.place ? `，${r.place}` : ''}`,
        ticketNumbers: (r.tickets ?? []).map((t) => t.number),
      }
    case 'campaigns':
      return {
        title: `${themes.find((t) => t.code === r.theme)?.name ?? r.theme ?? ''}宣传`,
        detail: `发放资料 ${r.materials ?? 0} 份，覆盖 ${(r.gridIds ?? []).length} 个网格${r.note ? `，${r.note}` : ''}`,
        ticketNumbers: [],
      }
    case 'microServices':
      return {
        title: MICRO_SERVICE_NAMES[r.kind as keyof typeof MICRO_SERVICE_NAMES] ?? '微服务',
        detail: [r.forWhom ? `服务对象：${r.forWhom}` : '', r.note ?? ''].filter(Boolean).join('，'),
        ticketNumbers: [],
      }
    case 'sessions':
      return {
        title: `${SESSION_NAMES[r.kind as keyof typeof SESSION_NAMES] ?? ''}${r.topic ? `：${r.topic}` : ''}`,
        detail: `${r.place ?? ''}，${r.speaker ?? ''}主讲，${r.attendance ?? 0} 人参加`,
        ticketNumbers: [],
      }
    case 'patrols':
      return {
        title: r.kind === 'survey' ? '摸排' : '巡查',
        detail: r.note ?? '',
        ticketNumbers: r.ticketNumber ? [r.ticketNumber] : [],
      }
  }
}

/**
 * `stats.export`: an xlsx book for a period and scope — 民情台账 (tickets submitted in the period),
 * the 屋场会 record book or the campaign log — written to cloud storage under
 * `exports/<town>/…`, answered with a temporary link the client downloads and opens.
 */
import {
  ROLE_NAMES,
  TICKET_STATUS_NAMES,
  maskName,
  periodBounds,
  scopeConditions,
  shanghaiDate,
  shanghaiParts,
  type CampaignRecord,
  type MeetingRecord,
  type StatsRequest,
  type Ticket,
} from '@shared/index'
import { requireStaff } from '../_lib/entry/context'
import type { ActionContext } from '../_lib/entry/defineActions'
import { fileStore } from '../_lib/platform/cloud'
import { townConfig } from '../_lib/store/config'
import type { Directory } from '../_lib/store/directory'
import { filterQuery } from '../_lib/stats/filterQuery'
import { requestedPeriod, resolveScope } from '../_lib/stats/scope'
import { campaignThemes } from '../_lib/stats/themes'
import { writeBook, type Book } from './books'
import { scorecards } from './scorecards'
import { namesOf, readPages } from './readPages'

type ExportRequest = Extract<StatsRequest, { action: 'export' }>

const SOURCE_NAMES: Record<Ticket['source'], string> = {
  resident: '群众上报',
  informant: '信息员代报',
  patrol: '巡查发现',
  meeting: '屋场会',
}

const BOOK_NAMES = {
  ledger: '民情台账',
  meetings: '屋场会记录本',
  campaigns: '宣传活动台账',
  scorecards: '考核表',
} as const

const gridLabel = (dir: Directory, gridId: string | null | undefined): string => {
  const g = gridId ? dir.grids.get(gridId) : undefined
  return g ? `${dir.villages.get(g.villageId)?.name ?? ''}${g.name}` : ''
}
const villageLabel = (dir: Directory, id: string): string => dir.villages.get(id)?.name ?? id
const beijing = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const p = shanghaiParts(iso)
  return `${shanghaiDate(iso)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}
const met = (done: string | null | undefined, due: string | undefined, now: string): string =>
  due === undefined ? '—' : done ? (done <= due ? '是' : '否') : due <= now ? '否' : '未到期'

export async function exportBook(req: ExportRequest, ctx: ActionContext) {
  const caller = await ctx.caller({ staff: true })
  const { townId } = requireStaff(caller)
  const { scope, name, dir } = await resolveScope(caller, townId, req)
  const period = requestedPeriod(req, ctx.now)
  const p = periodBounds(period)
  const title = `${name}${BOOK_NAMES[req.kind]}（${period.from} 至 ${period.to}）`
  let book: Book

  if (req.kind === 'scorecards' && req.month && req.role) {
    const cards = await scorecards(
      { action: 'scorecards', month: req.month, role: req.role, villageId: req.villageId },
      ctx,
    )
    book = {
      sheet: '五员考核',
      title: `${name}${ROLE_NAMES[req.role]}${BOOK_NAMES.scorecards}（${req.month}）`,
      columns: [
        { header: '名次', key: 'rank', width: 6 },
        { header: '姓名', key: 'name', width: 10 },
        { header: '负责', key: 'place', width: 16 },
        ...cards.rules.map((r) => ({ header: `${r.name}（${r.weight}分）`, key: r.measure, width: 14 })),
        { header: '总分', key: 'total', width: 8 },
      ],
      rows: cards.rows.map((row) => ({
        rank: row.rank,
        name: row.name,
        place: row.place,
        total: row.total,
        ...Object.fromEntries(row.items.map((i) => [i.measure, i.points])),
      })),
    }
  } else if (req.kind === 'ledger') {
    const tickets = await readPages<Ticket>(
      'tickets',
      filterQuery(
        townId,
        [
          { field: 'createdAt', op: 'gte', value: p.fromInstant },
          { field: 'createdAt', op: 'lt', value: p.toInstantExclusive },
        ],
        scopeConditions(scope, 'tickets', 'assigneeId'),
      ),
      'createdAt',
      { timeline: false, notifications: false },
    )
    const [config, owners] = await Promise.all([
      townConfig(townId),
      namesOf(
        townId,
        tickets.map((t) => t.assigneeId ?? ''),
      ),
    ])
    const category = (code: string) => config.categories.find((c) => c.code === code)?.name ?? code
    const now = ctx.now.toISOString()
    book = {
      sheet: '民情台账',
      title,
      columns: [
        { header: '编号', key: 'number', width: 16 },
        { header: '登记时间', key: 'date', width: 18 },
        { header: '村组', key: 'grid', width: 14 },
        { header: '来源', key: 'source', width: 10 },
        { header: '反映人', key: 'reporter', width: 10 },
        { header: '类别', key: 'category', width: 10 },
        { header: '问题描述', key: 'description', width: 40 },
        { header: '办理人', key: 'owner', width: 10 },
        { header: '状态', key: 'status', width: 8 },
        { header: '按时签收', key: 'signedOnTime', width: 9 },
        { header: '按时办结', key: 'resolvedOnTime', width: 9 },
        { header: '办理结果', key: 'result', width: 30 },
        { header: '评价', key: 'rating', width: 6 },
      ],
      rows: tickets.map((t) => ({
        number: t.number,
        date: beijing(t.createdAt),
        grid: gridLabel(dir, t.gridId),
        source: SOURCE_NAMES[t.source] ?? t.source,
        reporter: t.anonymous
          ? '匿名'
          : maskName(t.onBehalfOf?.name ?? t.reporter.name ?? '') ||
            (t.source === 'patrol' ? '网格员' : '群众'),
        category: category(t.categoryCode),
        description: t.description,
        owner: t.assigneeId ? (owners[t.assigneeId] ?? '') : '',
        status: TICKET_STATUS_NAMES[t.status],
        signedOnTime: met(t.signedForAt, t.deadlines?.signFor.dueAt, now),
        resolvedOnTime: met(t.resolution?.at, t.deadlines?.resolve.dueAt, now),
        result: t.resolution?.result ?? '',
        rating: t.rating?.score ?? '',
      })),
    }
  } else {
    const dated = [
      { field: 'date', op: 'gte', value: p.from },
      { field: 'date', op: 'lte', value: p.to },
    ] as const
    if (req.kind === 'meetings') {
      const meetings = await readPages<MeetingRecord>(
        'meetings',
        filterQuery(townId, dated, scopeConditions(scope, 'meetings', 'createdBy')),
        'date',
      )
      const by = await namesOf(
        townId,
        meetings.map((m) => m.createdBy),
      )
      book = {
        sheet: '屋场会',
        title,
        columns: [
          { header: '日期', key: 'date', width: 12 },
          { header: '村组', key: 'grid', width: 14 },
          { header: '地点', key: 'place', width: 14 },
          { header: '主持人', key: 'host', width: 10 },
          { header: '参会人数', key: 'attendance', width: 9 },
          { header: '参会人员', key: 'attendees', width: 24 },
          { header: '议题', key: 'topics', width: 30 },
          { header: '转为工单', key: 'tickets', width: 20 },
          { header: '登记人', key: 'by', width: 10 },
        ],
        rows: meetings.map((m) => ({
          date: m.date,
          grid: gridLabel(dir, m.gridId),
          place: m.place,
          host: m.host,
          attendance: m.attendance,
          attendees: m.attendees.join('、'),
          topics: m.topics.join('；'),
          tickets: m.tickets.map((t) => t.number).join('、'),
          by: by[m.createdBy] ?? '',
        })),
        totals: { date: '合计', attendance: meetings.reduce((a, m) => a + m.attendance, 0) },
      }
    } else {
      const [campaigns, themes] = await Promise.all([
        readPages<CampaignRecord>(
          'campaigns',
          filterQuery(townId, dated, scopeConditions(scope, 'campaigns', 'createdBy')),
          'date',
        ),
        campaignThemes(townId),
      ])
      const by = await namesOf(
        townId,
        campaigns.map((c) => c.createdBy),
      )
      book = {
        sheet: '宣传活动',
        title,
        columns: [
          { header: '日期', key: 'date', width: 12 },
          { header: '主题', key: 'theme', width: 18 },
          { header: '范围', key: 'villages', width: 24 },
          { header: '网格数', key: 'grids', width: 8 },
          { header: '发放资料（份）', key: 'materials', width: 14 },
          { header: '说明', key: 'note', width: 24 },
          { header: '登记人', key: 'by', width: 10 },
        ],
        rows: campaigns.map((c) => ({
          date: c.date,
          theme: themes.find((t) => t.code === c.theme)?.name ?? c.theme,
          villages:
            c.villageIds.length > 3
              ? `${c.villageIds.length} 个村`
              : c.villageIds.map((v) => villageLabel(dir, v)).join('、'),
          grids: c.gridIds.length,
          materials: c.materials,
          note: c.note,
          by: by[c.createdBy] ?? '',
        })),
        totals: { date: '合计', materials: campaigns.reduce((a, c) => a + c.materials, 0) },
      }
    }
  }

  const buffer = await writeBook(book)
  const fileName = `${title}.xlsx`
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  const cloudPath = `exports/${townId}/${req.kind}-${period.from}-${period.to}-${stamp}-${ctx.openid.slice(-6)}.xlsx`
  const { fileID } = await fileStore().upload(cloudPath, buffer)
  return { fileID, tempFileURL: await fileStore().tempUrl(fileID), fileName, rows: book.rows.length }
}

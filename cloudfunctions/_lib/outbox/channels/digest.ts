/**
 * The daily digest to the group robots (at `alerts.digestAt`, 08:30 by default, on working days):
 * per village group, what of its village is overdue and for how long, with counts per level; to the
 * town office's group, the same for the whole town. Written to the outbox as robot posts with a key
 * per town, date and group, so however many sweeps run in the hour after 08:30 it is posted once;
 * a warm instance remembers the dates it has done and reads nothing more that day.
 */
import {
  describeLateness,
  digestDueOn,
  digestMarkdown,
  hasRobots,
  levelName,
  missedDeadline,
  robotKeyOf,
  type DigestRow,
  type RobotTarget,
  type Ticket,
} from '@shared/index'
import { db } from '../../platform/cloud'
import { C } from '../../store/collections'
import type { TownConfig } from '../../store/config'
import { directory } from '../../store/directory'
import { staffNames } from '../../store/directory'
import { ticketsIn, toTicket } from '../../store/ticketRepository'
import { isDuplicateKey } from '../../store/transactions'
import { notificationId } from '../notificationDocuments'
import { robotPostDocument, type RobotPostDocument } from './robotPosts'

const CHASED = ['submitted', 'pendingSignFor', 'inProgress', 'awaitingInfo', 'returned']
const MAX_TICKETS = 500
const done = new Set<string>()

async function overdueTickets(townId: string): Promise<Ticket[]> {
  const _ = db().command
  const out: Ticket[] = []
  for (let page = 0; out.length < MAX_TICKETS; page++) {
    const { data } = await ticketsIn()
      .where({ townId, status: _.in(CHASED), 'escalation.level': _.gte(1) })
      .orderBy('escalation.level', 'desc')
      .orderBy('_id', 'asc')
      .skip(page * 100)
      .limit(100)
      .get()
    out.push(...data.map(toTicket))
    if (data.length < 100) break
  }
  return out
}

/** Writes the day's digests if they are due and not yet written; answers how many it wrote. */
export async function queueDailyDigest(config: TownConfig, now: Date): Promise<number> {
  if (!hasRobots(config.alerts)) return 0
  const date = digestDueOn(config.alerts, config.calendar, now)
  if (date === null || done.has(`${config.townId}:${date}`)) return 0
  const targets: RobotTarget[] = [
    ...Object.keys(config.alerts.robots.villages),
    ...(config.alerts.robots.town !== null ? ['town'] : []),
  ].filter((t) => robotKeyOf(config.alerts, t) !== null)
  const keyOf = (t: RobotTarget) => `digest:${config.townId}:${date}:${t}`
  const { data: existing } = await db()
    .collection(C.notifications)
    .where({ _id: db().command.in(targets.map((t) => notificationId(keyOf(t)))) })
    .field({ _id: true })
    .limit(100)
    .get()
  const have = new Set((existing as { _id: string }[]).map((d) => d._id))
  const missing = targets.filter((t) => !have.has(notificationId(keyOf(t))))
  if (missing.length === 0) {
    done.add(`${config.townId}:${date}`)
    return 0
  }
  const [tickets, dir] = await Promise.all([overdueTickets(config.townId), directory(config.townId)])
  const names = await staffNames(
    config.townId,
    tickets.map((t) => t.assigneeId ?? ''),
  )
  const nowMs = now.getTime()
  const row = (t: Ticket, withVillage: boolean): DigestRow => {
    const missed = missedDeadline(t, nowMs)
    const grid = dir.grids.get(t.gridId)?.name ?? ''
    return {
      ticketNumber: t.number,
      gridName: withVillage ? `${dir.villages.get(t.villageId)?.name ?? ''}${grid}` : grid,
      level: levelName(t.escalation.level),
      late: missed === null ? '—' : describeLateness(nowMs - Date.parse(missed)),
      assigneeName: t.assigneeId === null ? '' : (names[t.assigneeId] ?? ''),
      urgent: t.priority === 'urgent',
    }
  }
  const day = date.slice(5).replace('-', '月').replace(/^0/, '') + '日'
  const docs: RobotPostDocument[] = []
  for (const target of missing) {
    const mine = target === 'town' ? tickets : tickets.filter((t) => t.villageId === target)
    if (target !== 'town' && mine.length === 0) continue
    const scope = target === 'town' ? config.name || '全镇' : (dir.villages.get(target)?.name ?? target)
    const rows = mine.map((t) => row(t, target === 'town'))
    const markdown = digestMarkdown(scope, day, rows)
    docs.push(
      robotPostDocument(
        keyOf(target),
        config.townId,
        null,
        {
          ticketNumber: '',
          matter: `${scope}超时工单日报`,
          assigneeName: '',
          overdue: `${rows.length} 张`,
          level: '',
        },
        {
          target,
          kind: 'digest',
          markdown,
          line: `- ${scope}超时工单日报：${rows.length} 张`,
          mentionStaffIds: [
            ...new Set(mine.flatMap((t) => (t.assigneeId === null ? [] : [t.assigneeId]))),
          ].slice(0, 20),
          mentionText:
            rows.length > 0 ? `请以上工单的责任人尽快处理（${scope}超时 ${rows.length} 张）` : null,
        },
        now,
      ),
    )
  }
  try {
    if (docs.length > 0) await db().collection(C.notifications).add({ data: docs })
  } catch (err) {
    // Another sweep wrote them first.
    if (!isDuplicateKey(err)) throw err
  }
  done.add(`${config.townId}:${date}`)
  return docs.length
}

/**
 * The demo town, seeded on the first `npm start` (and by /__dev/reset). Written straight into the
 * local database in bulk, with the fixed ids and openids the tests and docs/demo-town.md name (a
 * real town uses `system.createTown` and `roster.importStaff`), through the `DemoSink` it is given.
 */
import { inboxKey as inboxKeyOf } from '../../shared/index'
import { DEFAULT_TEMPLATE_CONFIG } from '../../shared/index'
import { DEMO_TOWN_ID, DEMO_TOWN_NAME, buildDemoRoster } from './demoRoster'
import { buildDemoTickets } from './demoTickets'
import { buildDemoYear } from './demoYear'

export interface DemoSink {
  insert(collection: string, docs: Array<Record<string, unknown>>): unknown
}

const inBatches = async (sink: DemoSink, collection: string, docs: object[], size = 500): Promise<void> => {
  for (let i = 0; i < docs.length; i += size)
    await sink.insert(collection, docs.slice(i, i + size) as Array<Record<string, unknown>>)
}

export interface DemoCounts {
  villages: number
  grids: number
  staff: number
  residents: number
  tickets: number
  notifications: number
  counters: number
  /** The year's field-work records (demoYear.ts): patrols, meetings, campaigns, 微服务, sessions. */
  records: number
}

export async function seedDemoTown(sink: DemoSink, now: Date): Promise<DemoCounts> {
  const roster = buildDemoRoster(DEMO_TOWN_ID, now.toISOString())
  const recent = buildDemoTickets(roster, now)
  const { notifications } = recent
  // The year continues the same day counters, so no two seeded tickets share a number.
  const counterMap = new Map(recent.counters.map((c) => [c._id, c]))
  const year = buildDemoYear(roster, counterMap)
  const tickets = [...recent.tickets, ...year.tickets]
  const counters = [...counterMap.values()]
  await sink.insert('config', [
    { _id: 'environment', townId: '*', defaultTownId: DEMO_TOWN_ID },
    {
      _id: `town:${DEMO_TOWN_ID}`,
      townId: DEMO_TOWN_ID,
      kind: 'town',
      name: DEMO_TOWN_NAME,
      templates: DEFAULT_TEMPLATE_CONFIG,
    },
  ])
  await inBatches(sink, 'villages', roster.villages)
  await inBatches(sink, 'grids', roster.grids)
  await inBatches(sink, 'staff', roster.staff)
  await inBatches(sink, 'residents', roster.residents)
  await inBatches(
    sink,
    'tickets',
    tickets.map((t) => ({ ...t, inboxKey: inboxKeyOf(t) })),
  )
  await inBatches(sink, 'notifications', notifications)
  // Without the day counters, the first live report of a seeded day would repeat a seeded number.
  await inBatches(sink, 'counters', counters)
  await inBatches(sink, 'patrols', year.patrols)
  await inBatches(sink, 'meetings', year.meetings)
  await inBatches(sink, 'campaigns', year.campaigns)
  await inBatches(sink, 'microServices', year.microServices)
  await inBatches(sink, 'sessions', year.sessions)
  return {
    villages: roster.villages.length,
    grids: roster.grids.length,
    staff: roster.staff.length,
    residents: roster.residents.length,
    tickets: tickets.length,
    notifications: notifications.length,
    counters: counters.length,
    records:
      year.patrols.length +
      year.meetings.length +
      year.campaigns.length +
      year.microServices.length +
      year.sessions.length,
  }
}

import {
  routeTicket,
  routingCandidates,
  transferTargets,
  type StaffAvailability,
} from '@shared/routing/routeTicket'
import type { Grid } from '@shared/model/town'
import { TOWN, grids, villages } from './fixtures'

const staff = (...ids: string[]): StaffAvailability[] =>
  ids.map((_id) => ({ _id, townId: TOWN, active: true, openid: `o-${_id}` }))
const g1 = grids[0]
const v1 = villages[0]
const withOwner: Grid = { ...g1, categoryOwners: { dispute: 's-mediator' } }

describe('routing', () => {
  it('sends a category to its owner in the grid first', () => {
    expect(
      routeTicket({
        grid: withOwner,
        village: v1,
        categoryCode: 'dispute',
        staff: staff('s-mediator', 's-w1'),
      }),
    ).toEqual({
      assigneeId: 's-mediator',
      via: 'categoryOwner',
    })
  })
  it('sends other categories to the grid’s worker', () => {
    expect(
      routeTicket({
        grid: withOwner,
        village: v1,
        categoryCode: 'request',
        staff: staff('s-mediator', 's-w1'),
      }),
    ).toEqual({
      assigneeId: 's-w1',
      via: 'gridWorker',
    })
  })
  it('falls back to the worker when the category owner has left', () => {
    const left = [{ _id: 's-mediator', townId: TOWN, active: false, openid: 'o-m' }, ...staff('s-w1')]
    expect(routeTicket({ grid: withOwner, village: v1, categoryCode: 'dispute', staff: left })?.via).toBe(
      'gridWorker',
    )
  })
  it('sends a vacant grid’s tickets to the village guide (兜底)', () => {
    const vacant = { ...g1, workerId: null }
    expect(
      routeTicket({ grid: vacant, village: v1, categoryCode: 'request', staff: staff('s-vg1') }),
    ).toEqual({
      assigneeId: 's-vg1',
      via: 'villageGuide',
    })
  })
  it('ignores staff of another town', () => {
    const foreign = [{ _id: 's-w1', townId: 'town-2', active: true, openid: 'o-w1' }, ...staff('s-vg1')]
    expect(routeTicket({ grid: g1, village: v1, categoryCode: 'request', staff: foreign })?.assigneeId).toBe(
      's-vg1',
    )
  })
  it('finds nobody when the grid is vacant and the village has no guide', () => {
    const vacant = { ...g1, workerId: null }
    expect(
      routeTicket({
        grid: vacant,
        village: { ...v1, villageGuideIds: [] },
        categoryCode: 'request',
        staff: [],
      }),
    ).toBeNull()
  })
  it('never routes to someone who has not bound WeChat: the village guide takes it', () => {
    const unbound = [{ _id: 's-w1', townId: TOWN, active: true, openid: null }, ...staff('s-vg1')]
    expect(routeTicket({ grid: g1, village: v1, categoryCode: 'request', staff: unbound })).toEqual({
      assigneeId: 's-vg1',
      via: 'villageGuide',
    })
  })
  it("tries the grid's other worker before the village guide", () => {
    const two = { ...g1, otherWorkerIds: ['s-w2'] }
    const unbound = [{ _id: 's-w1', townId: TOWN, active: true, openid: null }, ...staff('s-w2', 's-vg1')]
    expect(routeTicket({ grid: two, village: v1, categoryCode: 'request', staff: unbound })).toEqual({
      assigneeId: 's-w2',
      via: 'gridWorker',
    })
  })
  it('falls back to the town office when the grid and the village have nobody bound', () => {
    const vacant = { ...g1, workerId: null }
    const noGuide = { ...v1, villageGuideIds: ['s-vg1'] }
    const staffed = [{ _id: 's-vg1', townId: TOWN, active: false, openid: 'o-vg1' }, ...staff('s-admin')]
    expect(
      routeTicket({
        grid: vacant,
        village: noGuide,
        categoryCode: 'request',
        officeIds: ['s-admin'],
        staff: staffed,
      }),
    ).toEqual({ assigneeId: 's-admin', via: 'townOffice' })
  })
  it('skips someone excluded (whose tasks are being handed over) wherever they stand', () => {
    expect(
      routeTicket({
        grid: g1,
        village: v1,
        categoryCode: 'request',
        excludeIds: ['s-w1'],
        staff: staff('s-w1', 's-vg1'),
      }),
    ).toEqual({ assigneeId: 's-vg1', via: 'villageGuide' })
  })
  it('names the staff to load for routing, once each', () => {
    const grid = { ...withOwner, categoryOwners: { dispute: 's-vg1' } }
    expect(routingCandidates({ grid, village: v1, categoryCode: 'dispute' })).toEqual(['s-vg1', 's-w1'])
  })
})

describe('transfer targets', () => {
  it('lists the town’s other grids, the same village first', () => {
    const foreignGrid: Grid = { ...g1, _id: 'gx', townId: 'town-2' }
    const orphan: Grid = { ...g1, _id: 'gy', villageId: 'v-gone' }
    const unordered: Grid = { ...grids[2], _id: 'g4', name: '绿水二组', order: undefined }
    const targets = transferTargets(
      { townId: TOWN, villageId: 'v1', gridId: 'g1' },
      [...grids, foreignGrid, orphan, unordered],
      villages,
    )
    expect(targets.map((t) => [t.gridId, t.sameVillage])).toEqual([
      ['g2', true],
      ['g4', false],
      ['g3', false],
    ])
    expect(targets[0]).toEqual({
      gridId: 'g2',
      gridName: '青山二组',
      villageId: 'v1',
      villageName: '青山村',
      sameVillage: true,
    })
  })
  it('orders villages without an order by id', () => {
    const vs = villages.map((v) => ({ ...v, order: undefined }))
    const targets = transferTargets({ townId: TOWN, villageId: 'v9', gridId: 'g9' }, grids, vs)
    expect(targets.map((t) => t.gridId)).toEqual(['g1', 'g2', 'g3'])
  })
})

import { placementChange, type Placement } from '@shared/roster/structure'
import { unstaffedGrids } from '@shared/roster/unstaffed'
import { placesText } from '@shared/roster/places'
import { TOWN, grids, villages } from './fixtures'

const worker = (over: Partial<Placement> = {}): Placement => ({
  _id: 's-new',
  roles: ['gridWorker'],
  villageIds: ['v1'],
  gridIds: ['g1'],
  active: true,
  ...over,
})

describe('placement in the structure', () => {
  it('does not take a held post without a choice: it names the holder', () => {
    expect(placementChange(grids, villages, null, worker())).toEqual({
      grids: [],
      villages: [],
      occupied: [{ gridId: 'g1', workerId: 's-w1' }],
      replaced: [],
    })
  })
  it('adds a second worker beside the holder', () => {
    expect(placementChange(grids, villages, null, worker(), 'second').grids).toEqual([
      { _id: 'g1', workerId: 's-w1', otherWorkerIds: ['s-new'], informantIds: ['s-informant'] },
    ])
  })
  it('replaces the holder explicitly, who stays as the grid’s other worker', () => {
    const r = placementChange(grids, villages, null, worker(), 'replace')
    expect(r.grids).toEqual([
      { _id: 'g1', workerId: 's-new', otherWorkerIds: ['s-w1'], informantIds: ['s-informant'] },
    ])
    expect(r.replaced).toEqual([{ gridId: 'g1', previousWorkerId: 's-w1' }])
  })
  it('takes a vacant post without asking', () => {
    const vacant = grids.map((g) => (g._id === 'g1' ? { ...g, workerId: null } : g))
    expect(placementChange(vacant, villages, null, worker()).grids[0]).toMatchObject({ workerId: 's-new' })
  })
  it('on leaving, promotes the grid’s other worker to the post', () => {
    const two = grids.map((g) => (g._id === 'g1' ? { ...g, otherWorkerIds: ['s-w9'] } : g))
    const leaving = worker({ _id: 's-w1' })
    expect(placementChange(two, villages, leaving, null).grids).toEqual([
      { _id: 'g1', workerId: 's-w9', otherWorkerIds: [], informantIds: ['s-informant'] },
    ])
  })
  it('moves a village guide between villages’ lists', () => {
    const guide = worker({ _id: 's-vg1', roles: ['villageGuide'], villageIds: ['v1'], gridIds: [] })
    const r = placementChange(grids, villages, guide, { ...guide, villageIds: ['v2'] })
    expect(r.villages.map((v) => [v._id, v.villageGuideIds])).toEqual([
      ['v1', []],
      ['v2', ['s-vg2', 's-vg1']],
    ])
  })
  it('changes nothing when nothing changes', () => {
    const same = worker({ _id: 's-w1' })
    expect(placementChange(grids, villages, same, same)).toEqual({
      grids: [],
      villages: [],
      occupied: [],
      replaced: [],
    })
  })
})

describe('无人负责的网格', () => {
  const staff = [
    { _id: 's-w1', townId: TOWN, active: true, openid: null },
    { _id: 's-w2', townId: TOWN, active: false, openid: 'o-w2' },
    { _id: 's-w3', townId: TOWN, active: true, openid: 'o-w3' },
    { _id: 's-vg1', townId: TOWN, active: true, openid: 'o-vg1' },
  ]
  it('names grids whose workers cannot take a report, and who takes them instead', () => {
    expect(unstaffedGrids(grids, villages, staff, true)).toEqual([
      { gridId: 'g1', villageId: 'v1', why: 'unbound', fallback: 'villageGuide' },
      { gridId: 'g2', villageId: 'v1', why: 'inactive', fallback: 'villageGuide' },
    ])
  })
  it('says the office takes them when the village has nobody, and nobody when the office has nobody', () => {
    const vacant = [{ ...grids[2], workerId: null }]
    expect(unstaffedGrids(vacant, villages, staff, true)).toEqual([
      { gridId: 'g3', villageId: 'v2', why: 'vacant', fallback: 'townOffice' },
    ])
    expect(unstaffedGrids(vacant, villages, staff, false)[0].fallback).toBe('nobody')
  })
})

describe('places in words', () => {
  const names = { villages: { v1: '青山村', v2: '绿水村' }, grids: { g1: '青山村一组' } }
  it.each([
    [{ roles: ['gridWorker'], villageIds: ['v1'], gridIds: ['g1'] }, '青山村一组'],
    [{ roles: ['villageGuide'], villageIds: ['v1', 'v2'], gridIds: [] }, '青山村、绿水村'],
    [{ roles: ['admin'], villageIds: [], gridIds: [] }, '全镇'],
    [{ roles: ['townSupervisor'], villageIds: [], gridIds: [] }, '全镇'],
    // The grid office is town-wide even when the roster links it to a village.
    [{ roles: ['admin', 'villageGuide'], villageIds: ['v1'], gridIds: [] }, '全镇'],
    // A place the names do not know (deleted, or not loaded yet) shows its id rather than nothing.
    [{ roles: ['gridWorker'], villageIds: ['v1'], gridIds: ['g1', 'g9'] }, '青山村一组、g9'],
    [{ roles: ['villageGuide'], villageIds: ['v9', 'v2'], gridIds: [] }, 'v9、绿水村'],
  ] as const)('%j → %s', (p, text) => {
    expect(placesText(p, names)).toBe(text)
  })
})

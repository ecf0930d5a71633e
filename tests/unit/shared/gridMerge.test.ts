import type { Grid } from '@shared/model/town'
import { mergedOwners, regridIds, regridPlacements } from '@shared/roster/gridMerge'
import type { Placement } from '@shared/roster/structure'

const grid = (over: Partial<Grid>): Grid => ({
  _id: 'gA',
  townId: 't1',
  villageId: 'v1',
  name: '一组',
  workerId: null,
  otherWorkerIds: [],
  informantIds: [],
  categoryOwners: {},
  ...over,
})
const person = (_id: string, roles: Placement['roles'], gridIds: string[], active = true): Placement => ({
  _id,
  roles,
  villageIds: ['v1'],
  gridIds,
  active,
})

describe('moving people between grids (merge, split)', () => {
  it('replaces the grid in a scope once, keeping the others', () => {
    expect(regridIds(['gA', 'gX'], 'gA', 'gB')).toEqual(['gB', 'gX'])
    expect(regridIds(['gA', 'gB'], 'gA', 'gB')).toEqual(['gB'])
    expect(regridIds(['gX'], 'gA', 'gB')).toEqual(['gX'])
  })

  it('puts the first grid’s worker beside the second’s holder, never in their place', () => {
    const a = grid({ workerId: 'w1', otherWorkerIds: ['w3'], informantIds: ['i1'] })
    const b = grid({ _id: 'gB', name: '二组', workerId: 'w2' })
    const r = regridPlacements(a, b, [
      person('w1', ['gridWorker'], ['gA']),
      person('w3', ['gridWorker'], ['gA']),
      person('i1', ['informant'], ['gA']),
      person('w2', ['gridWorker'], ['gB']),
    ])
    expect(r.into).toMatchObject({ workerId: 'w2', otherWorkerIds: ['w1', 'w3'], informantIds: ['i1'] })
    expect(r.from).toMatchObject({ workerId: null, otherWorkerIds: [], informantIds: [] })
    expect(r.scopes).toEqual([
      { _id: 'w1', gridIds: ['gB'] },
      { _id: 'w3', gridIds: ['gB'] },
      { _id: 'i1', gridIds: ['gB'] },
    ])
  })

  it('gives a vacant post to the arriving worker and changes only the scope of someone inactive', () => {
    const a = grid({ workerId: 'w1' })
    const c = grid({ _id: 'gC', name: '三组' })
    const r = regridPlacements(a, c, [
      person('w1', ['gridWorker'], ['gA']),
      person('w9', ['gridWorker'], ['gA'], false),
    ])
    expect(r.into).toMatchObject({ workerId: 'w1', otherWorkerIds: [] })
    expect(r.from).toMatchObject({ workerId: null })
    expect(r.scopes).toEqual([
      { _id: 'w1', gridIds: ['gC'] },
      { _id: 'w9', gridIds: ['gC'] },
    ])
  })

  it('keeps the second grid’s category owners and adds the first’s where it has none', () => {
    const a = grid({ categoryOwners: { road: 'x1', water: 'x2' } })
    const b = grid({ _id: 'gB', categoryOwners: { road: 'y1' } })
    expect(mergedOwners(a, b)).toEqual({ road: 'y1', water: 'x2' })
  })
})

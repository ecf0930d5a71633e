import { gridFromScene } from '../../../client/src/lib/scene'
import { handoverText, occupiedBy } from '../../../client/src/packages/staff/lib/rosterText'

describe('a grid code’s scene', () => {
  it.each([
    ['g01', 'g01'],
    ['town-xiashi-g001', 'town-xiashi-g001'],
    ['town-xiashi%2Dg001', 'town-xiashi-g001'],
    [undefined, undefined],
    ['', undefined],
    ['g01%', undefined],
    ['a b', undefined],
  ])('%s → %s', (scene, grid) => {
    expect(gridFromScene(scene)).toBe(grid)
  })
})

describe('roster words', () => {
  it('names the holder of a taken post from the refusal, and nothing from other refusals', () => {
    const taken = {
      code: 'CONFLICT',
      details: [{ path: 'gridWorkerSlot', message: '石桥村五组已有网格工作员王建国', workerName: '王建国' }],
    }
    expect(occupiedBy(taken)).toBe('王建国')
    expect(
      occupiedBy({ code: 'CONFLICT', details: [{ path: 'phone', message: '手机号已被使用' }] }),
    ).toBeNull()
    expect(occupiedBy({ code: 'FORBIDDEN' })).toBeNull()
  })
  it('says what a handover moved', () => {
    expect(handoverText({ handedOver: 0, to: [] })).toBe('')
    expect(
      handoverText({
        handedOver: 3,
        to: [
          { name: '赵指导', count: 2 },
          { name: '钱网格', count: 1 },
        ],
      }),
    ).toBe('；3 件任务已移交：赵指导 2 件、钱网格 1 件')
  })
})

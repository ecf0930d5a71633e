import { residentStep, residentTimeline } from '@shared/tickets/residentTimeline'
import type { TimelineEntry } from '@shared/model/ticket'

const staff = { kind: 'staff', staffId: 'st-worker-1', name: '李网格', role: 'gridWorker' } as const
const system = { kind: 'system' } as const
const reporter = { kind: 'reporter' } as const

const entry = (
  command: string,
  actor: TimelineEntry['actor'],
  note?: string,
  at = '2026-11-25T02:00:00.000Z',
): TimelineEntry => ({
  at,
  actor,
  command,
  from: null,
  to: 'inProgress',
  ...(note === undefined ? {} : { note }),
})

describe('residentStep: the reporter reads plain words', () => {
  it.each([
    ['submit', reporter, undefined, { text: '已提交' }],
    ['route', system, '派给本网格工作员', { text: '已受理，交给网格员办理' }],
    ['signFor', staff, undefined, { text: '网格员已签收' }],
    ['addProgress', staff, '已联系电工', { text: '正在办理', detail: '已联系电工' }],
    ['requestInfo', staff, '请拍一张近照', { text: '需要您补充', detail: '请拍一张近照' }],
    ['resume', reporter, '照片已补上', { text: '您已补充', detail: '照片已补上' }],
    ['resume', staff, '现场已核实', { text: '继续办理', detail: '现场已核实' }],
    ['resolve', staff, '路灯已修好', { text: '已办结', detail: '路灯已修好' }],
    ['confirm', reporter, '评分 4：修得快', { text: '您已评价', detail: '4星，修得快' }],
    ['confirm', reporter, '评分 5', { text: '您已评价', detail: '5星' }],
    ['reopen', reporter, '灯又不亮了', { text: '您要求重办', detail: '灯又不亮了' }],
    ['returnTicket', staff, '不归我管', { text: '正在重新安排办理人' }],
    ['redispatch', staff, '派给二组', { text: '已重新安排网格员办理' }],
    ['transfer', staff, '转给石桥村二组：地界在二组', { text: '已转交其他网格办理' }],
    ['reject', staff, '不属于受理范围', { text: '不予受理', detail: '不属于受理范围' }],
    ['markDuplicate', staff, '同一件事', { text: '与已有的上报重复，合并办理', detail: '同一件事' }],
    ['escalate', system, '督办：已超时 2小时', { text: '已督促加快办理' }],
    ['remind', system, '签收提醒', { text: '已督促加快办理' }],
    ['autoClose', system, '群众未在期限内评价，系统自动办结', { text: '已办结（您没有评价，系统自动办结）' }],
    ['somethingNew', staff, '新的说明', { text: '办理进展', detail: '新的说明' }],
  ] as const)('%s by %o reads as expected', (command, actor, note, expected) => {
    expect(residentStep(entry(command, actor, note))).toEqual(expected)
  })

  it('never says 系统 or shows a status change in arrows', () => {
    const texts = ['route', 'escalate', 'autoClose'].map((c) => residentStep(entry(c, system, 'x')).text)
    for (const t of texts) {
      expect(t).not.toMatch(/系统：|→/)
    }
  })
})

describe('residentTimeline', () => {
  it('lists the newest first and folds repeated wordless steps into one', () => {
    const steps = residentTimeline([
      entry('submit', reporter, undefined, '2026-11-25T01:00:00.000Z'),
      entry('route', system, '派给本网格工作员', '2026-11-25T01:00:00.000Z'),
      entry('remind', system, '签收提醒', '2026-11-25T01:20:00.000Z'),
      entry('escalate', system, '催办', '2026-11-25T01:31:00.000Z'),
      entry('signFor', staff, undefined, '2026-11-25T02:00:00.000Z'),
    ])
    expect(steps).toEqual([
      { text: '网格员已签收', at: '2026-11-25T02:00:00.000Z' },
      { text: '已督促加快办理', at: '2026-11-25T01:31:00.000Z' },
      { text: '已受理，交给网格员办理', at: '2026-11-25T01:00:00.000Z' },
      { text: '已提交', at: '2026-11-25T01:00:00.000Z' },
    ])
  })

  it('carries the photos of a step', () => {
    const withPhotos = { ...entry('resolve', staff, '已修好'), photos: ['cloud://env.b/uploads/w/1.jpg'] }
    expect(residentTimeline([withPhotos])).toEqual([
      {
        text: '已办结',
        detail: '已修好',
        at: '2026-11-25T02:00:00.000Z',
        photos: ['cloud://env.b/uploads/w/1.jpg'],
      },
    ])
  })

  it('keeps two progress notes with their own words', () => {
    const steps = residentTimeline([
      entry('addProgress', staff, '已联系电工', '2026-11-25T03:00:00.000Z'),
      entry('addProgress', staff, '电工明天到', '2026-11-25T04:00:00.000Z'),
    ])
    expect(steps.map((s) => s.detail)).toEqual(['电工明天到', '已联系电工'])
  })
})

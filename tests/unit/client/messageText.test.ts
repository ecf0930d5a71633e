import { messageSummary } from '../../../client/src/lib/messageText'

const msg = (templateKey: string, title: string, lines: [string, string][]) => ({
  templateKey,
  title,
  lines: lines.map(([label, value]) => ({ label, value })),
})

describe('messageSummary: a message in two short lines', () => {
  it.each([
    [
      msg('ticketAccepted', '工单受理通知', [
        ['工单编号', '20261125-0003'],
        ['问题描述', '村口的路灯坏了两盏'],
        ['受理状态', '已受理'],
      ]),
      { headline: '您反映的问题已受理', about: '村口的路灯坏了两盏' },
    ],
    [
      msg('ticketProgress', '工单处理进度通知', [
        ['处理状态', '已签收'],
        ['处理进度', '网格员已签收，正在办理'],
      ]),
      { headline: '网格员已签收', about: '网格员已签收，正在办理' },
    ],
    [
      msg('ticketProgress', '工单处理进度通知', [
        ['处理状态', '待补充'],
        ['处理进度', '请拍一张近照'],
      ]),
      { headline: '办理进展：待补充', about: '请拍一张近照' },
    ],
    [
      msg('ticketResolved', '工单办结通知', [['处理结果', '已更换灯泡']]),
      { headline: '已办结，请您评价', about: '已更换灯泡' },
    ],
    [
      msg('taskNew', '待办事项提醒', [
        ['待办事项', '河边护栏断了'],
        ['紧急程度', '紧急'],
      ]),
      { headline: '新任务（紧急）', about: '河边护栏断了' },
    ],
    [
      msg('taskDue', '工单即将超时提醒', [['待办事项', '水渠堵了']]),
      { headline: '任务即将超时', about: '水渠堵了' },
    ],
    [
      msg('overdueAlert', '督办提醒', [
        ['督办事项', '水渠堵了'],
        ['督办级别', '挂牌督办'],
      ]),
      { headline: '挂牌督办：任务已超时', about: '水渠堵了' },
    ],
    [msg('somethingElse', '其他通知', []), { headline: '其他通知', about: '' }],
  ])('%#', (m, expected) => {
    expect(messageSummary(m)).toEqual(expected)
  })

  it('cuts long words to 24 characters with an ellipsis', () => {
    const long = '村口小桥的栏杆坏了好几根，晚上路过的小孩和老人很容易掉下去，请尽快修'
    expect(messageSummary(msg('ticketAccepted', 't', [['问题描述', long]])).about).toBe(
      '村口小桥的栏杆坏了好几根，晚上路过的小孩和老人…',
    )
  })
})

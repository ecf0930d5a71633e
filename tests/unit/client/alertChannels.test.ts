import { wechatText } from '../../../client/src/lib/alertChannels'

describe('the staff alert line', () => {
  it.each([
    [
      [
        { templateId: 'A', title: '待办事项提醒', credits: 0 },
        { templateId: 'B', title: '督办提醒', credits: 0 },
      ],
      '未开启',
    ],
    [
      [
        { templateId: 'A', title: '待办事项提醒', credits: 2 },
        { templateId: 'B', title: '督办提醒', credits: 2 },
      ],
      '每种还能提醒 2 条',
    ],
    [
      [
        { templateId: 'A', title: '待办事项提醒', credits: 0 },
        { templateId: 'B', title: '督办提醒', credits: 2 },
      ],
      '待办事项提醒 0 条、督办提醒 2 条',
    ],
    [
      [
        { templateId: 'A', title: '待办事项提醒', credits: 1, longTerm: true },
        { templateId: 'B', title: '督办提醒', credits: 1, longTerm: true },
      ],
      '已开启（长期）',
    ],
    [
      [
        { templateId: 'A', title: '待办事项提醒', credits: 1, longTerm: true },
        { templateId: 'B', title: '督办提醒', credits: 0, longTerm: true },
      ],
      '未开启',
    ],
    [
      [
        { templateId: 'A', title: '待办事项提醒', credits: 0, longTerm: true },
        { templateId: 'B', title: '督办提醒', credits: 3 },
      ],
      '待办事项提醒 未开启、督办提醒 3 条',
    ],
  ])('%j reads %s', (credits, text) => {
    expect(wechatText(credits)).toBe(text)
  })
})

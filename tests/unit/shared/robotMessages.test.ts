import {
  alertLine,
  alertMarkdown,
  batchMarkdown,
  digestMarkdown,
  mentionText,
  utf8Bytes,
  type DigestRow,
  type RobotAlert,
} from '@shared/notifications/robotMessages'

const alert = (over: Partial<RobotAlert> = {}): RobotAlert => ({
  ticketNumber: '20250310-0002',
  villageName: '石桥村',
  gridName: '二组',
  level: '催办',
  overdue: '超时未签收，已逾59分钟',
  urgent: false,
  assigneeName: '王网格',
  matter: '河道里有垃圾',
  ...over,
})

describe('utf8Bytes', () => {
  // prettier-ignore
  it.each([
    ['', 0],
    ['a1', 2],
    ['é', 2],
    ['督办', 6],
    ['😀', 4],
    ['【催办】a😀', 17],
  ])('counts %j as %i bytes', (text, n) => {
    expect(utf8Bytes(text)).toBe(n)
  })
})

describe('alertMarkdown', () => {
  it('colours 催办 grey and 督办 orange, and leaves out （紧急） for a normal ticket', () => {
    expect(alertMarkdown(alert())).toBe(
      [
        '### <font color="comment">【催办】</font>工单 20250310-0002',
        '> 网格：石桥村二组',
        '> 级别：催办',
        '> 超时：超时未签收，已逾59分钟',
        '> 责任人：王网格',
        '> 事项：河道里有垃圾',
        '请在“一网”小程序中办理或反馈。',
      ].join('\n'),
    )
    expect(alertMarkdown(alert({ level: '督办' })).split('\n')[0]).toBe(
      '### <font color="warning">【督办】</font>工单 20250310-0002',
    )
  })
  it('colours a level it does not know as a warning', () => {
    expect(alertMarkdown(alert({ level: '其他' })).split('\n')[0]).toBe(
      '### <font color="warning">【其他】</font>工单 20250310-0002',
    )
  })
  it('says 待派单 when nobody holds the ticket', () => {
    expect(alertMarkdown(alert({ assigneeName: '' })).split('\n')[4]).toBe('> 责任人：待派单')
  })
  it('keeps a multi-line matter on its quoted line and cuts it to 60 characters', () => {
    const lines = alertMarkdown(alert({ matter: `  河道\n\n里有垃圾\t${'很'.repeat(70)}` })).split('\n')
    expect(lines).toHaveLength(7)
    expect(lines[5]).toBe(`> 事项：河道 里有垃圾 ${'很'.repeat(51)}…`)
  })
  it('cuts the lateness to 40 characters', () => {
    const text = alertMarkdown(alert({ overdue: '超'.repeat(41) }))
    expect(text.split('\n')[3]).toBe(`> 超时：${'超'.repeat(39)}…`)
    expect(alertMarkdown(alert({ overdue: '超'.repeat(40) })).split('\n')[3]).toBe(
      `> 超时：${'超'.repeat(40)}`,
    )
  })
})

describe('alertLine', () => {
  it('returns one list line with the level, lateness and responsible person', () => {
    expect(alertLine(alert())).toBe(
      '- 20250310-0002 石桥村二组 <font color="comment">【催办】</font> 超时未签收，已逾59分钟 · 责任人 王网格',
    )
  })
  it('marks an urgent ticket in bold and says 待派单 when nobody holds it', () => {
    expect(alertLine(alert({ urgent: true, assigneeName: '', level: '挂牌督办' }))).toBe(
      '- **紧急** 20250310-0002 石桥村二组 <font color="warning">【挂牌督办】</font> 超时未签收，已逾59分钟 · 责任人 待派单',
    )
  })
})

describe('mentionText', () => {
  it('names every person concerned', () => {
    expect(mentionText('20250310-0002', '督办', ['王网格', '赵指导'])).toBe(
      '请王网格、赵指导尽快处理工单 20250310-0002（督办）',
    )
  })
  it('says 责任人 when no name is known', () => {
    expect(mentionText('20250310-0002', '催办', ['', ''])).toBe('请责任人尽快处理工单 20250310-0002（催办）')
    expect(mentionText('20250310-0002', '催办', [])).toBe('请责任人尽快处理工单 20250310-0002（催办）')
  })
  it('stays within 200 characters however many people are named', () => {
    const text = mentionText(
      '20250310-0002',
      '催办',
      Array.from({ length: 80 }, () => '王网格'),
    )
    expect(Array.from(text)).toHaveLength(200)
    expect(text.endsWith('…')).toBe(true)
  })
})

describe('batchMarkdown', () => {
  it('returns the heading and every line when they fit, with no tail', () => {
    expect(batchMarkdown(['- 20250310-0001 一组', '- 20250310-0002 二组'])).toBe(
      '### 超时提醒汇总（2 条）\n- 20250310-0001 一组\n- 20250310-0002 二组',
    )
  })
  it('counts every line it leaves out', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `- ${String(i).padStart(4, '0')} ${'很'.repeat(20)}`)
    const text = batchMarkdown(lines).split('\n')
    const kept = text.filter((l) => l.startsWith('- ')).length
    expect(text.at(-1)).toBe(`…另有 ${500 - kept} 条，请在“一网”小程序“超时督办”中查看`)
    expect(text.slice(1, -1)).toEqual(lines.slice(0, kept))
  })
})

describe('digestMarkdown', () => {
  const row = (over: Partial<DigestRow>): DigestRow => ({
    ticketNumber: '20250310-0001',
    gridName: '一组',
    level: '催办',
    late: '2小时',
    assigneeName: '李网格',
    urgent: false,
    ...over,
  })
  it('counts the levels from the most serious and lists each ticket as given', () => {
    expect(
      digestMarkdown('青山镇', '3月10日', [
        row({}),
        row({
          ticketNumber: '20250309-0004',
          level: '挂牌督办',
          late: '3天',
          urgent: true,
          assigneeName: '',
        }),
        row({ ticketNumber: '20250310-0007', gridName: '二组' }),
      ]),
    ).toBe(
      [
        '### 青山镇超时工单日报（3月10日）',
        '共 3 张：挂牌督办 1 张，催办 2 张',
        '- 20250310-0001 一组 <font color="comment">【催办】</font> 已逾2小时 · 责任人 李网格',
        '- **紧急** 20250309-0004 一组 <font color="warning">【挂牌督办】</font> 已逾3天 · 责任人 待派单',
        '- 20250310-0007 二组 <font color="comment">【催办】</font> 已逾2小时 · 责任人 李网格',
      ].join('\n'),
    )
  })
})

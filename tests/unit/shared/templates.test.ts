import { buildSubscribeMessage, messageCentreEntry } from '@shared/notifications/buildSubscribeMessage'
import {
  fitKeywordValue,
  keywordType,
  validateTemplateData,
  PLACEHOLDERS,
} from '@shared/notifications/keywordRules'
import { creditsAfterReport, spendCredit } from '@shared/notifications/subscriptionCredits'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveTemplateConfig } from '@shared/notifications/resolveTemplateConfig'
import {
  DEFAULT_TEMPLATE_CONFIG,
  TICKET_PAGES,
  templateKeyOf,
  templatePage,
  type TemplateConfig,
} from '@shared/notifications/templateConfig'
import { TEMPLATE_KEYS } from '@shared/notifications/templateInputs'

const at = '2026-11-25T06:30:00.000Z'
const v = (value: string) => ({ value })

describe('keyword types', () => {
  it('reads the type from the keyword name', () => {
    expect(keywordType('character_string12')).toBe('character_string')
    expect(keywordType('thing2')).toBe('thing')
    expect(keywordType('phone_number3')).toBe('phone_number')
    expect(keywordType('thing')).toBeNull()
    expect(keywordType('keyword1')).toBeNull()
  })
})

describe('validating a payload as WeChat does (47003)', () => {
  it('accepts a payload within the rules', () => {
    expect(
      validateTemplateData({
        character_string1: v('20260901-0012'),
        thing2: v('村口路灯坏了'),
        phrase3: v('已受理'),
        time4: v('2026年11月25日 14:30'),
        date5: v('2026-11-25'),
        name6: v('李网格'),
        number7: v('-12.5'),
        phone_number8: v('+86-13812341234'),
        letter9: v('abc'),
        symbol10: v('%'),
        amount11: v('100元'),
      }),
    ).toEqual({ ok: true })
  })
  it.each([
    ['thing2', '一二三四五六七八九十一二三四五六七八九十一', 'exceeds limit'],
    ['phrase3', '已受理OK', 'invalid'],
    ['phrase3', '正在紧急处理中', 'exceeds limit'],
    ['name3', '一二三四五六七八九十一', 'exceeds limit'],
    ['character_string1', '编号20260901', 'invalid'],
    ['character_string1', 'A'.repeat(33), 'exceeds limit'],
    ['number1', '12a', 'invalid'],
    ['number1', '1'.repeat(33), 'invalid'],
    ['time4', '2026-11-25T06:30:00Z', 'invalid'],
    ['date4', '11月25日', 'invalid'],
    ['phone_number1', '138 1234 1234', 'invalid'],
    ['letter1', 'abc1', 'invalid'],
    ['symbol1', '%%%%%%', 'exceeds limit'],
    ['amount1', '一百元', 'invalid'],
    ['thing2', '   ', 'is empty'],
    ['keyword1', 'x', 'invalid'],
  ])('refuses %s = %j (%s)', (keyword, value, what) => {
    expect(validateTemplateData({ [keyword]: v(value) })).toEqual({
      ok: false,
      errcode: 47003,
      errmsg: `argument invalid! data.${keyword}.value ${what}`,
    })
  })
  it('accepts a name of up to 20 letters', () => {
    expect(validateTemplateData({ name1: v('Li Wangge Zhang San') })).toEqual({ ok: true })
  })
  it('refuses a payload missing one of the template’s keywords', () => {
    expect(validateTemplateData({ thing2: v('x') }, ['thing2', 'time4'])).toMatchObject({
      errmsg: 'argument invalid! data.time4.value is empty',
    })
  })
  it('refuses a value that is not a string', () => {
    expect(validateTemplateData({ thing2: { value: 3 as unknown as string } }).ok).toBe(false)
  })
})

describe('fitting values to the rules', () => {
  it('shortens a long thing with an ellipsis instead of failing', () => {
    const fitted = fitKeywordValue('thing', '村口的路灯已经坏了一个多月了晚上出行很不方便请尽快修理')
    expect(fitted).toBe('村口的路灯已经坏了一个多月了晚上出行很…')
    expect(Array.from(fitted)).toHaveLength(20)
  })
  it('keeps only Chinese characters in a phrase, at most five', () => {
    expect(fitKeywordValue('phrase', '处理中(1)')).toBe('处理中')
    expect(fitKeywordValue('phrase', '正在紧急处理中')).toBe('正在紧急处')
  })
  it('keeps a character string to 32 printable ASCII characters', () => {
    expect(fitKeywordValue('character_string', '编号 20260901-0012')).toBe('20260901-0012')
    expect(fitKeywordValue('character_string', 'A'.repeat(40))).toBe(`${'A'.repeat(29)}...`)
  })
  it('replaces an empty value by a placeholder', () => {
    for (const type of Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[]) {
      expect([type, fitKeywordValue(type, '  ')]).toEqual([type, PLACEHOLDERS[type]])
    }
  })
  it('formats instants as Shanghai dates and times', () => {
    expect(fitKeywordValue('time', at)).toBe('2026年11月25日 14:30')
    expect(fitKeywordValue('date', at)).toBe('2026年11月25日')
    expect(fitKeywordValue('time', '2026-11-25 14:30')).toBe('2026-11-25 14:30')
  })
  it('fits numbers, phones, letters, symbols and amounts', () => {
    expect(fitKeywordValue('number', '共 12.5 件')).toBe('12.5')
    expect(fitKeywordValue('number', '9'.repeat(40) + '.5')).toBe('9'.repeat(32))
    expect(fitKeywordValue('phone_number', '138 1234 1234')).toBe('13812341234')
    expect(fitKeywordValue('letter', 'a1b2')).toBe('ab')
    expect(fitKeywordValue('symbol', 'a%b#')).toBe('%#')
    expect(fitKeywordValue('amount', '¥100')).toBe('100元')
    expect(fitKeywordValue('name', '一二三四五六七八九十一')).toBe('一二三四五六七八九…')
  })
})

describe('building subscribe messages', () => {
  it('maps our fields to the configured keywords, with the catalogue ids by default', () => {
    expect(
      buildSubscribeMessage(
        'ticketAccepted',
        {
          ticketNumber: '20260901-0012',
          description: '村口路灯坏了',
          status: '已受理',
          acceptedAt: at,
          tip: '',
        },
        DEFAULT_TEMPLATE_CONFIG,
        { ticketId: 't-1' },
      ),
    ).toEqual({
      templateId: 'TPL_TICKET_ACCEPTED',
      page: 'pages/ticket/index?id=t-1',
      data: {
        character_string1: v('20260901-0012'),
        thing2: v('村口路灯坏了'),
        phrase3: v('已受理'),
        time4: v('2026年11月25日 14:30'),
        thing5: v('无'),
      },
    })
  })
  it('builds a payload that passes the validator for every template', () => {
    const inputs = {
      ticketAccepted: { ticketNumber: 'n', description: 'd', status: 's', acceptedAt: at, tip: 't' },
      ticketProgress: { ticketNumber: 'n', status: '办理中', progress: 'p', updatedAt: at },
      ticketResolved: { ticketNumber: 'n', result: 'r', resolvedAt: at, tip: 't' },
      taskNew: { ticketNumber: 'n', task: 't', gridName: 'g', dueAt: at, urgency: '紧急' },
      taskDue: { ticketNumber: 'n', task: 't', dueAt: at, hint: 'h' },
      overdueAlert: { ticketNumber: 'n', matter: 'm', assigneeName: '', overdue: 'o', level: '挂牌督办' },
    }
    for (const key of TEMPLATE_KEYS) {
      const message = buildSubscribeMessage(key, inputs[key] as never)
      const keywords = Object.values(DEFAULT_TEMPLATE_CONFIG[key].fields).map((f) => f.keyword)
      expect([key, validateTemplateData(message.data, keywords)]).toEqual([key, { ok: true }])
      expect(message.page).toBeUndefined()
    }
  })
  it('takes template ids and keywords from the configuration', () => {
    const config: TemplateConfig = {
      ...DEFAULT_TEMPLATE_CONFIG,
      taskDue: {
        ...DEFAULT_TEMPLATE_CONFIG.taskDue,
        templateId: 'real-id-from-wechat',
        fields: { ...DEFAULT_TEMPLATE_CONFIG.taskDue.fields, hint: { keyword: 'thing9', label: '备注' } },
      },
    }
    const m = buildSubscribeMessage('taskDue', { ticketNumber: 'n', task: 't', dueAt: at, hint: 'h' }, config)
    expect(m.templateId).toBe('real-id-from-wechat')
    expect(m.data.thing9).toEqual(v('h'))
    expect(templateKeyOf(config, 'real-id-from-wechat')).toBe('taskDue')
    expect(templateKeyOf(config, 'nope')).toBeUndefined()
  })
  it("opens the reporter's ticket page or the staff's, with the ticket's id", () => {
    const input = { ticketNumber: 'n', task: 't', dueAt: at, hint: 'h' }
    expect(buildSubscribeMessage('taskDue', input, DEFAULT_TEMPLATE_CONFIG, { ticketId: 'a b' }).page).toBe(
      'packages/staff/pages/ticket/index?id=a%20b',
    )
    expect(
      buildSubscribeMessage('taskDue', input, DEFAULT_TEMPLATE_CONFIG, { ticketId: null }).page,
    ).toBeUndefined()
    expect(templatePage(DEFAULT_TEMPLATE_CONFIG.ticketResolved, 't1')).toBe('pages/ticket/index?id=t1')
  })
  it('opens only pages the mini-program has (client/src/app.config.ts)', () => {
    const app = readFileSync(join(__dirname, '../../../client/src/app.config.ts'), 'utf8')
    const subRoot = /root:\s*'([^']+)'/.exec(app)?.[1]
    for (const key of TEMPLATE_KEYS) {
      const path = DEFAULT_TEMPLATE_CONFIG[key].page.split('?')[0]
      const inSub = subRoot !== undefined && path.startsWith(`${subRoot}/`)
      const listed = `'${inSub ? path.slice(subRoot.length + 1) : path}'`
      expect([key, app.includes(listed)]).toEqual([key, true])
    }
    expect(Object.values(TICKET_PAGES)).toHaveLength(2)
  })
  it('shows the send time where a time keyword has no instant, rather than fail the send', () => {
    const m = buildSubscribeMessage(
      'taskDue',
      { ticketNumber: 'n', task: 't', dueAt: '', hint: 'h' },
      undefined,
      {
        sentAt: at,
      },
    )
    expect(m.data.time3).toEqual(v('2026年11月25日 14:30'))
    expect(fitKeywordValue('date', 'soon', at)).toBe('2026年11月25日')
    expect(fitKeywordValue('time', at, '2020-01-01T00:00:00.000Z')).toBe('2026年11月25日 14:30')
    expect(() => fitKeywordValue('time', 'soon')).toThrow(RangeError)
  })
  it('throws on a configured keyword of unknown type: a configuration bug, caught at once', () => {
    const config: TemplateConfig = {
      ...DEFAULT_TEMPLATE_CONFIG,
      taskDue: {
        ...DEFAULT_TEMPLATE_CONFIG.taskDue,
        fields: { ...DEFAULT_TEMPLATE_CONFIG.taskDue.fields, hint: { keyword: 'hint', label: '' } },
      },
    }
    expect(() =>
      buildSubscribeMessage('taskDue', { ticketNumber: 'n', task: 't', dueAt: at, hint: 'h' }, config),
    ).toThrow()
  })
  it('writes the same notification, unshortened, for the message centre', () => {
    expect(
      messageCentreEntry('ticketProgress', {
        ticketNumber: 'n',
        status: '已签收',
        progress: '网格员已签收',
        updatedAt: at,
      }),
    ).toEqual({
      title: '工单处理进度通知',
      lines: [
        { label: '工单编号', value: 'n' },
        { label: '处理状态', value: '已签收' },
        { label: '处理进度', value: '网格员已签收' },
        { label: '更新时间', value: '2026年11月25日 14:30' },
      ],
    })
  })
})

describe("a town's template configuration", () => {
  it('takes a well-formed template the town stored, and the default for the others', () => {
    const taskNew = { ...DEFAULT_TEMPLATE_CONFIG.taskNew, templateId: 'wx-real-id', longTerm: true }
    const { config, rejected } = resolveTemplateConfig({ taskNew })
    expect(config.taskNew).toEqual(taskNew)
    expect(config.ticketAccepted).toEqual(DEFAULT_TEMPLATE_CONFIG.ticketAccepted)
    expect(rejected).toEqual([])
  })
  it('falls back per template on a malformed or mismatched entry, and names it', () => {
    const { fields: _f, ...noFields } = DEFAULT_TEMPLATE_CONFIG.taskDue
    const { config, rejected } = resolveTemplateConfig({
      taskDue: noFields,
      taskNew: {
        ...DEFAULT_TEMPLATE_CONFIG.taskNew,
        fields: { ticketNumber: { keyword: 'character_string1', label: '编号' } },
      },
      overdueAlert: {
        ...DEFAULT_TEMPLATE_CONFIG.overdueAlert,
        fields: {
          ...DEFAULT_TEMPLATE_CONFIG.overdueAlert.fields,
          level: { keyword: 'level5', label: '级别' },
        },
      },
      ticketResolved: 'nonsense',
    })
    expect(rejected.sort()).toEqual(['overdueAlert', 'taskDue', 'taskNew', 'ticketResolved'])
    expect(config).toEqual(DEFAULT_TEMPLATE_CONFIG)
  })
  it('is the default for a town that stored nothing', () => {
    expect(resolveTemplateConfig(undefined)).toEqual({ config: DEFAULT_TEMPLATE_CONFIG, rejected: [] })
    expect(resolveTemplateConfig(null).config).toEqual(DEFAULT_TEMPLATE_CONFIG)
  })
})

describe('subscription credits', () => {
  it('earns a credit per accepted template and spends one per send (43101 when none is left)', () => {
    const credits = creditsAfterReport({}, { TPL_TICKET_PROGRESS: 'accept', TPL_TICKET_RESOLVED: 'reject' })
    expect(credits).toEqual({ TPL_TICKET_PROGRESS: 1 })
    const spent = spendCredit(credits, DEFAULT_TEMPLATE_CONFIG, 'ticketProgress')
    expect(spent).toEqual({ ok: true, credits: { TPL_TICKET_PROGRESS: 0 } })
    expect(spendCredit(spent.credits, DEFAULT_TEMPLATE_CONFIG, 'ticketProgress')).toMatchObject({
      ok: false,
      errcode: 43101,
    })
  })
  it('voids credits when the user bans a template', () => {
    expect(creditsAfterReport({ TPL_TASK_NEW: 3 }, { TPL_TASK_NEW: 'ban' })).toEqual({ TPL_TASK_NEW: 0 })
  })
  it('spends nothing on a long-term template', () => {
    const config: TemplateConfig = {
      ...DEFAULT_TEMPLATE_CONFIG,
      taskNew: { ...DEFAULT_TEMPLATE_CONFIG.taskNew, longTerm: true },
    }
    expect(spendCredit({}, config, 'taskNew')).toEqual({ ok: true, credits: {} })
  })
})

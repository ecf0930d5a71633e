/** What roster.me tells the client about the town: categories to offer and templates to ask for. */
import {
  DEFAULT_CATEGORIES,
  DEFAULT_TEMPLATE_CONFIG,
  SUBSCRIBE_GROUPS,
  activeCategories,
  meResponse,
  subscribeTemplateIds,
  type Category,
} from '@shared/index'

describe('activeCategories', () => {
  it("offers the active categories in the town's order, with what the form shows", () => {
    const town: Category[] = [
      { code: 'b', name: '乙', hint: 'hb', defaultPriority: 'normal', active: true, order: 2 },
      { code: 'x', name: '停用', hint: 'hx', defaultPriority: 'normal', active: false, order: 0 },
      { code: 'a', name: '甲', hint: 'ha', defaultPriority: 'urgent', active: true, order: 1 },
    ]
    expect(activeCategories(town)).toEqual([
      { code: 'a', name: '甲', hint: 'ha', defaultPriority: 'urgent' },
      { code: 'b', name: '乙', hint: 'hb', defaultPriority: 'normal' },
    ])
    expect(town.map((c) => c.code)).toEqual(['b', 'x', 'a']) // does not mutate
  })

  it('offers the seven default categories, 安全隐患 first', () => {
    const offered = activeCategories(DEFAULT_CATEGORIES)
    expect(offered).toHaveLength(7)
    expect(offered[0]).toEqual({
      code: 'safety',
      name: '安全隐患',
      hint: expect.any(String),
      defaultPriority: 'urgent',
    })
  })
})

describe('subscribeTemplateIds', () => {
  it("asks the reporter for the report's templates and staff for the task templates, at most three each", () => {
    expect(subscribeTemplateIds(DEFAULT_TEMPLATE_CONFIG)).toEqual({
      reporter: ['TPL_TICKET_ACCEPTED', 'TPL_TICKET_PROGRESS', 'TPL_TICKET_RESOLVED'],
      staff: ['TPL_TASK_NEW', 'TPL_TASK_DUE', 'TPL_OVERDUE_ALERT'],
    })
    expect(SUBSCRIBE_GROUPS.reporter.length).toBeLessThanOrEqual(3)
    expect(SUBSCRIBE_GROUPS.staff.length).toBeLessThanOrEqual(3)
  })

  it("follows the town's template ids", () => {
    const config = {
      ...DEFAULT_TEMPLATE_CONFIG,
      taskNew: { ...DEFAULT_TEMPLATE_CONFIG.taskNew, templateId: 'real-wechat-id' },
    }
    expect(subscribeTemplateIds(config).staff[0]).toBe('real-wechat-id')
  })
})

describe('meResponse', () => {
  it('declares the categories and template ids', () => {
    const answer = {
      openid: 'o',
      townId: null,
      roles: [],
      staff: null,
      resident: null,
      categories: activeCategories(DEFAULT_CATEGORIES),
      subscribeTemplates: subscribeTemplateIds(DEFAULT_TEMPLATE_CONFIG),
    }
    expect(meResponse.parse(answer)).toEqual(answer)
    expect(
      meResponse.safeParse({ ...answer, subscribeTemplates: { reporter: ['a', 'b', 'c', 'd'], staff: [] } })
        .success,
    ).toBe(false)
  })
})

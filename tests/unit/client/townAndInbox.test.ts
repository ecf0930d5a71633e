/** The client's view of the server's answers: the inbox's counts and the town's report choices. */
import { DEFAULT_CATEGORIES, activeCategories } from '@shared/model/category'
import { DEFAULT_TEMPLATE_CONFIG, subscribeTemplateIds } from '@shared/notifications/templateConfig'
import { inboxCountChips } from '../../../client/src/lib/inboxCounts'
import { DEFAULT_CHOICES, townChoices } from '../../../client/src/lib/townChoices'
import type { Me } from '../../../client/src/services/api'

describe('inboxCountChips', () => {
  it("shows the server's counts, however many pages the tasks span", () => {
    expect(inboxCountChips({ pendingSignFor: 120, inProgress: 3 })).toEqual([
      { status: 'pendingSignFor', n: 120 },
      { status: 'inProgress', n: 3 },
      { status: 'awaitingInfo', n: 0 },
    ])
  })

  it('adds the resolved ones awaiting a rating only when there are some', () => {
    expect(inboxCountChips({ resolved: 2 }).map((c) => c.status)).toEqual([
      'pendingSignFor',
      'inProgress',
      'awaitingInfo',
      'resolved',
    ])
  })

  it('shows nothing before the server has counted', () => {
    expect(inboxCountChips(null)).toEqual([])
    expect(inboxCountChips(undefined)).toEqual([])
  })
})

describe('townChoices', () => {
  const me: Me = {
    openid: 'o1',
    townId: 'town-a',
    roles: ['resident'],
    staff: null,
    resident: { homeGridId: 'g1', homeVillageId: 'v1' },
    categories: [{ code: 'flood', name: '防汛', hint: '积水、塌方', defaultPriority: 'urgent' }],
    subscribeTemplates: { reporter: ['A', 'B', 'C'], staff: ['D', 'E', 'F'] },
  }

  it("uses the town's categories and template ids from roster.me", () => {
    expect(townChoices(me)).toEqual({ categories: me.categories, subscribeTemplates: me.subscribeTemplates })
  })

  it("falls back to shared's defaults while roster.me loads", () => {
    expect(townChoices(null)).toBe(DEFAULT_CHOICES)
    expect(DEFAULT_CHOICES.categories).toEqual(activeCategories(DEFAULT_CATEGORIES))
    expect(DEFAULT_CHOICES.subscribeTemplates).toEqual(subscribeTemplateIds(DEFAULT_TEMPLATE_CONFIG))
  })
})

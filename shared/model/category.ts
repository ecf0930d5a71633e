export const PRIORITIES = ['urgent', 'normal'] as const
export type Priority = (typeof PRIORITIES)[number]

/**
 * A kind of concern. Codes are stable identifiers used by rules and routing; names are what
 * people read and may be edited by the town.
 */
export interface Category {
  code: string
  name: string
  defaultPriority: Priority
  /** Shown to the reporter as a hint, e.g. "溺水隐患、危房、火灾隐患". */
  hint: string
  active: boolean
  order: number
  /** One character for the category's round badge (`危`); absent: the client's mark or the name's first. */
  icon?: string
}

/** The default catalogue (docs/architecture.md, "Deadlines and escalation"); the town edits it in `config`. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  {
    code: 'safety',
    name: '安全隐患',
    defaultPriority: 'urgent',
    hint: '溺水、危房、火灾、交通等隐患',
    active: true,
    order: 1,
  },
  {
    code: 'dispute',
    name: '矛盾纠纷',
    defaultPriority: 'normal',
    hint: '邻里、土地、家庭等纠纷',
    active: true,
    order: 2,
  },
  {
    code: 'request',
    name: '群众诉求',
    defaultPriority: 'normal',
    hint: '需要帮忙解决的事情',
    active: true,
    order: 3,
  },
  {
    code: 'environment',
    name: '环境卫生',
    defaultPriority: 'normal',
    hint: '垃圾、污水、乱堆乱放',
    active: true,
    order: 4,
  },
  {
    code: 'question',
    name: '政策咨询',
    defaultPriority: 'normal',
    hint: '医保、养老、补贴等政策',
    active: true,
    order: 5,
  },
  {
    code: 'opinion',
    name: '社情民意',
    defaultPriority: 'normal',
    hint: '意见和建议',
    active: true,
    order: 6,
  },
  { code: 'other', name: '其他', defaultPriority: 'normal', hint: '其他事项', active: true, order: 7 },
]

export const findCategory = (categories: readonly Category[], code: string): Category | undefined =>
  categories.find((c) => c.code === code)

/** A category as the report form offers it: what a reporter reads and picks. */
export type CategoryChoice = Pick<Category, 'code' | 'name' | 'hint' | 'defaultPriority' | 'icon'>

/**
 * The categories a reporter may choose: the active ones, in the town's order.
 *
 * @example
 * activeCategories(DEFAULT_CATEGORIES)[0] // { code: 'safety', name: '安全隐患', hint: '…', defaultPriority: 'urgent' }
 */
export const activeCategories = (categories: readonly Category[]): CategoryChoice[] =>
  categories
    .filter((c) => c.active)
    .sort((a, b) => a.order - b.order)
    .map(({ code, name, hint, defaultPriority, icon }) => ({
      code,
      name,
      hint,
      defaultPriority,
      ...(icon ? { icon } : {}),
    }))

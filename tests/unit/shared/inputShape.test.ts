import { checkInputShape, INPUT_LIMITS } from '@shared/index'

const nest = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 1; i < depth; i++) v = { a: v }
  return { a: v }
}

const small = { depth: 3, arrayLength: 4, stringLength: 5, nodes: 12 }

describe('checkInputShape', () => {
  it('passes ordinary requests', () => {
    expect(checkInputShape({ action: 'submit', contact: { name: '王' }, photos: ['cloud://a/b'] })).toBeNull()
    expect(checkInputShape({})).toBeNull()
  })

  it.each([
    ['depth 3 (the request is 1)', { a: { b: { c: 1 } } }, null],
    ['an array counts as a level', { a: [[1]] }, null],
    ['depth 4', { a: { b: { c: { d: 1 } } } }, { path: '', message: '请求内容嵌套过深（最多 3 层）' }],
    ['5 items', { list: [1, 2, 3, 4, 5] }, { path: 'list', message: '列表过长（最多 4 项）' }],
    ['a long value', { a: { b: 'abcdef' } }, { path: 'a.b', message: '内容过长（最多 5 个字）' }],
    ['a long key', { a: { abcdef: 1 } }, { path: 'a', message: '内容过长（最多 5 个字）' }],
    ['an array item', { a: ['ok', 'toolong'] }, { path: 'a.1', message: '内容过长（最多 5 个字）' }],
    [
      'too many values',
      { a: [1, 2, 3, 4], b: [1, 2, 3, 4], c: [1, 2] },
      { path: '', message: '请求内容过多（最多 12 项）' },
    ],
  ])('%s', (_name, input, issue) => {
    const r = checkInputShape(input, small)
    if (issue === null) expect(r).toBeNull()
    else expect(r).toEqual({ code: 'INVALID_INPUT', message: issue.message, details: [issue] })
  })

  it('refuses a 5,000-deep body without overflowing the stack', () => {
    expect(checkInputShape(nest(5000))?.details).toEqual([
      { path: '', message: `请求内容嵌套过深（最多 ${INPUT_LIMITS.depth} 层）` },
    ])
  })

  it('refuses a huge array before walking it', () => {
    expect(checkInputShape({ ids: new Array(1_000_000).fill('x') })?.details).toEqual([
      { path: 'ids', message: `列表过长（最多 ${INPUT_LIMITS.arrayLength} 项）` },
    ])
  })

  it('refuses an object with too many keys', () => {
    const wide = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, i]))
    expect(checkInputShape(wide)?.details).toEqual([{ path: '', message: '请求内容过多（最多 20000 项）' }])
  })
})

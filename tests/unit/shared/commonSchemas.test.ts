import * as z from 'zod'
import { documentId, location } from '@shared/schemas/common'
import { workingHoursSchema } from '@shared/schemas/configSchemas'
import { invalidInput } from '@shared/schemas/envelope'

const issues = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('location', () => {
  it('accepts coordinates with the map’s place name and address', () => {
    expect(
      location.parse({ latitude: 28.2, longitude: 112.9, name: ' 村委会 ', address: '石桥村1号' }),
    ).toEqual({
      latitude: 28.2,
      longitude: 112.9,
      name: '村委会',
      address: '石桥村1号',
    })
  })
  it('accepts only a typed place when the phone cannot tell where it is', () => {
    expect(issues(location, { address: '村口大樟树下' })).toEqual([])
    expect(issues(location, { name: '大樟树' })).toEqual([])
  })
  // prettier-ignore
  it.each([
    ['a latitude without a longitude', { latitude: 28.2 },                        [['latitude', '位置无效：经纬度要一起给']]],
    ['a longitude without a latitude', { longitude: 112.9, address: '村口' },     [['latitude', '位置无效：经纬度要一起给']]],
    ['neither coordinates nor words',  {},                                        [['address', '请写明地点，或者获取位置']]],
    ['only blank words',               { name: '  ', address: '' },               [['address', '请写明地点，或者获取位置']]],
    ['a latitude past the pole',       { latitude: 91, longitude: 0 },            [['latitude', '位置无效']]],
    ['an address over 100 characters', { address: '路'.repeat(101) },             [['address', '地址不能超过 100 个字']]],
    ['not an object',                  '村口',                                     [['', '位置无效']]],
  ])('refuses %s', (_what, input, expected) => {
    expect(issues(location, input)).toEqual(expected)
  })
})

describe('documentId', () => {
  it('names what is missing, or 记录 when no label is given', () => {
    expect(issues(documentId('工单'), '')).toEqual([['', '缺少工单编号']])
    expect(issues(documentId(), undefined)).toEqual([['', '缺少记录编号']])
    expect(issues(documentId(), 'x'.repeat(65))).toEqual([['', '记录编号无效']])
  })
})

describe('working hours', () => {
  it('accepts periods given in any order as long as they do not overlap', () => {
    const periods = [
      { start: '14:00', end: '17:30' },
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
    ]
    expect(workingHoursSchema.parse(periods)).toEqual(periods)
  })
  it('refuses overlapping periods given in any order', () => {
    expect(
      issues(workingHoursSchema, [
        { start: '14:00', end: '17:30' },
        { start: '08:00', end: '14:30' },
      ]),
    ).toEqual([['', '工作时段不能重叠']])
  })
})

describe('invalidInput', () => {
  it('words an issue the schema left in English as “<path>格式不正确”, and one about the whole body as 请求格式不正确', () => {
    const schema = z.object({ count: z.number() })
    const field = schema.safeParse({ count: 'x' })
    const body = schema.safeParse(null)
    if (field.success || body.success) throw new Error('expected failures')
    expect(invalidInput(field.error)).toEqual({
      code: 'INVALID_INPUT',
      message: 'count格式不正确',
      details: [{ path: 'count', message: 'count格式不正确' }],
    })
    expect(invalidInput(body.error)).toEqual({
      code: 'INVALID_INPUT',
      message: '请求格式不正确',
      details: [{ path: '', message: '请求格式不正确' }],
    })
  })
  it('says 填写的内容有误 for a failure with no issue', () => {
    expect(invalidInput(new z.ZodError([]))).toEqual({
      code: 'INVALID_INPUT',
      message: '填写的内容有误',
      details: [],
    })
  })
})

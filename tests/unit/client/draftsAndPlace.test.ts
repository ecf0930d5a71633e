import {
  draftNotice,
  readyToSend,
  submitInputOf,
  worthKeeping,
  type ReportDraft,
} from '../../../client/src/lib/drafts'
import { placeText } from '../../../client/src/lib/placeText'

const draft = (patch: Partial<ReportDraft> = {}): ReportDraft => ({
  kind: 'report',
  savedAt: 0,
  clientRequestId: 'rdraft00001',
  categoryCode: 'environment',
  description: '垃圾站三天没人清运了',
  photos: [{ fileID: 'cloud://local.b/uploads/u/1.png' }],
  voice: null,
  location: { address: '村口大樟树下' },
  anonymous: false,
  contact: { name: '周大伯', phone: '13912345678' },
  ...patch,
})

describe('report drafts', () => {
  it('sends with its own request id, the uploaded photos and the contact', () => {
    expect(submitInputOf(draft())).toEqual({
      clientRequestId: 'rdraft00001',
      categoryCode: 'environment',
      description: '垃圾站三天没人清运了',
      photos: ['cloud://local.b/uploads/u/1.png'],
      location: { address: '村口大樟树下' },
      anonymous: false,
      contact: { name: '周大伯', phone: '13912345678' },
    })
  })

  it('leaves the contact out of an anonymous report', () => {
    expect(submitInputOf(draft({ anonymous: true })).contact).toBeUndefined()
  })

  it.each([
    ['complete', draft(), true],
    ['no category', draft({ categoryCode: '' }), false],
    ['too few words', draft({ description: '坏了' }), false],
    [
      'few words beside a voice note',
      draft({ description: '', voice: { fileID: 'cloud://x/v.mp3', durationSec: 4 } }),
      true,
    ],
    ['a photo not uploaded yet', draft({ photos: [{ path: 'wxfile://tmp/1.jpg' }] }), false],
  ])('is ready to send when %s: %s', (_what, d, ready) => {
    expect(readyToSend(d)).toBe(ready)
    expect(draftNotice(d)).toBe(ready ? '有 1 条未发送的上报' : '有 1 条没写完的上报')
  })

  it('is not kept when the form is empty', () => {
    expect(worthKeeping(draft({ categoryCode: '', description: ' ', photos: [], voice: null }))).toBe(false)
    expect(worthKeeping({ kind: 'patrol', savedAt: 0, text: { note: '', issue: '' }, photos: [] })).toBe(
      false,
    )
    expect(worthKeeping({ kind: 'patrol', savedAt: 0, text: { note: '巡查' }, photos: [] })).toBe(true)
  })
})

describe('record drafts', () => {
  const record = (text: Record<string, string>) => ({
    kind: 'record' as const,
    savedAt: 0,
    clientRequestId: 'req-1',
    text,
    preset: { date: '2026-11-28', host: '张书记' },
    gridIds: ['g05'],
  })
  test.each([
    [{ attendance: '', topics: ' ' }, false],
    [{ attendance: '31', topics: '' }, true],
    [{ kind: 'assist', forWhom: '' }, true],
  ])('typed fields %j → kept: %s (the date and host filled in by the form do not count)', (text, kept) => {
    expect(worthKeeping(record(text))).toBe(kept)
  })
})

describe('placeText', () => {
  it.each([
    [{ name: '石桥村村委会', address: '青山镇石桥村一组' }, '石桥村村委会（青山镇石桥村一组）'],
    [{ address: '村口大樟树下' }, '村口大樟树下'],
    [{ latitude: 28.224692, longitude: 112.94421 }, '已定位（北纬28.2247°，东经112.9442°）'],
    [{ latitude: 28.2, longitude: 112.9, name: '晒谷场' }, '晒谷场'],
    [null, ''],
  ])('%o reads %s', (place, text) => {
    expect(placeText(place)).toBe(text)
  })
})

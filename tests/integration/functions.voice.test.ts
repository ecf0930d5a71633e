/**
 * A voice note stands in for typing (docs/architecture.md, "Elder-friendly screens"): a report with a recording and no words is
 * accepted and shown with the recording; the recording must be the caller's own upload, ≤ 60 s.
 */
import { expectOk, requestId, startTown, type Town } from './functions.fixture'

let town: Town
beforeAll(async () => {
  town = await startTown()
}, 60_000)
afterAll(async () => {
  await town?.stop()
})

/** Uploads a (tiny, fake) aac recording as `openid`, as the mini-program does; answers its fileID. */
async function uploadVoice(openid: string): Promise<string> {
  const path = `uploads/${openid}/voice${Date.now().toString(36)}.aac`
  const res = await fetch(`${town.cloud.url}/__storage/upload?path=${encodeURIComponent(path)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'audio/aac', 'X-WX-OPENID': openid },
    body: Buffer.from('fake aac frames'),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { fileID: string }).fileID
}

const submit = (openid: string, voice: unknown, description = '') =>
  town.call(
    'tickets',
    { action: 'submit', clientRequestId: requestId(), categoryCode: 'environment', description, voice },
    openid,
  )

describe('a voice note on a report', () => {
  it('is accepted with an empty description and shown on the detail, to the reporter and the worker', async () => {
    const fileID = await uploadVoice('demo-resident-1')
    const s = expectOk(await submit('demo-resident-1', { fileID, durationSec: 12 }))
    expect(s.status).toBe('pendingSignFor')
    for (const viewer of ['demo-resident-1', 'demo-worker-1']) {
      const { ticket } = expectOk(
        await town.call('tickets', { action: 'detail', ticketId: s.ticketId }, viewer),
      )
      expect([ticket.description, ticket.voice]).toEqual(['（语音留言）', { fileID, durationSec: 12 }])
    }
    const inbox = expectOk(await town.call('tasks', { action: 'inbox' }, 'demo-worker-1'))
    const row = inbox.items.find((t: { _id: string }) => t._id === s.ticketId)
    expect(row.excerpt).toBe('（语音留言）')
  })

  it("refuses another user's recording and writes nothing", async () => {
    const fileID = await uploadVoice('demo-resident-1')
    const before = await town.count('tickets')
    const r = await submit('demo-resident-2', { fileID, durationSec: 5 })
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'INVALID_INPUT',
      message: '语音必须是您本人刚录制上传的文件',
    })
    expect(await town.count('tickets')).toBe(before)
  })

  it('refuses a photo passed off as a recording', async () => {
    const r = await submit('demo-resident-1', {
      fileID: 'cloud://local.yiwang-local/uploads/demo-resident-1/abc.jpg',
      durationSec: 5,
    })
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT')
  })

  it('refuses a recording longer than 60 seconds with a Chinese message', async () => {
    const fileID = await uploadVoice('demo-resident-1')
    const before = await town.count('tickets')
    const r = await submit('demo-resident-1', { fileID, durationSec: 61 })
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_INPUT', message: '语音不能超过 60 秒' })
    expect(await town.count('tickets')).toBe(before)
  })

  it('still needs five characters when there is no recording', async () => {
    const r = await submit('demo-resident-1', null, '路灯')
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_INPUT', message: '问题描述至少 5 个字' })
  })
})

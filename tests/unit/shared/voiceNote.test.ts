/** A voice note stands in for typing (docs/architecture.md, "Elder-friendly screens"): the schema rule, the state machine and the views. */
import { VOICE_ONLY_DESCRIPTION } from '@shared/model/ticket'
import { buildSubscribeMessage } from '@shared/notifications/buildSubscribeMessage'
import { presentTicket, summarizeTicket } from '@shared/permissions/presentTicket'
import { ticketView } from '@shared/schemas/ticketView'
import { ticketsRequest } from '@shared/schemas/ticketsFunction'
import type { NotifyEffect } from '@shared/tickets/effects'
import { transition } from '@shared/tickets/transition'
import { actors, ctx, routedTicket, sh, submitCommand } from './fixtures'

const voice = { fileID: 'cloud://local.bucket/uploads/o-1/v1.aac', durationSec: 12 }
const submit = {
  action: 'submit',
  clientRequestId: '6f1c2e0a-1b2c-4d5e-8f90-1234567890ab',
  categoryCode: 'request',
}
const issues = (input: unknown) => {
  const r = ticketsRequest.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

describe('the submit schema with a voice note', () => {
  it('accepts an empty or short description beside a voice note', () => {
    expect(ticketsRequest.parse({ ...submit, description: '', voice })).toMatchObject({
      description: '',
      voice,
    })
    expect(ticketsRequest.parse({ ...submit, description: ' 路灯 ', voice })).toMatchObject({
      description: '路灯',
    })
  })
  it('still needs five characters without one (null or absent)', () => {
    for (const none of [{}, { voice: null }])
      expect(issues({ ...submit, description: '路灯', ...none })).toEqual([
        { path: 'description', message: '问题描述至少 5 个字' },
      ])
  })
  it('reports the description together with another field’s issue', () => {
    expect(issues({ ...submit, description: '', photos: ['x'] })).toEqual([
      { path: 'photos.0', message: '图片必须先上传到云存储' },
      { path: 'description', message: '问题描述至少 5 个字' },
    ])
  })
  it.each([
    [{ ...voice, durationSec: 61 }, '语音不能超过 60 秒'],
    [{ ...voice, durationSec: 0 }, '语音太短，请重新录音'],
    [{ ...voice, durationSec: 2.5 }, '语音时长必须是整数秒'],
    [{ ...voice, fileID: '/tmp/v.aac' }, '语音必须先上传到云存储'],
    [{ durationSec: 3 }, '语音无效'],
    ['v.aac', '语音无效'],
  ])('refuses the voice note %j with "%s"', (bad, message) => {
    expect(issues({ ...submit, description: '', voice: bad })[0]).toEqual({
      path: expect.stringMatching(/^voice/),
      message,
    })
  })
  it('leaves the words required: a missing description is named', () => {
    expect(issues({ ...submit, voice })[0]).toEqual({ path: 'description', message: '请填写问题描述' })
  })
})

describe('a ticket with a voice note', () => {
  const submitWithVoice = (description: string, v: unknown = voice) =>
    transition(
      null,
      submitCommand({ description, voice: v as typeof voice }),
      ctx(actors.resident, sh('2025-03-10T09:00')),
    )

  it('reads "（语音留言）" when nothing was typed, and keeps the words when some were', () => {
    const empty = submitWithVoice('')
    const short = submitWithVoice('路灯')
    if (!empty.ok || !short.ok) throw new Error('refused')
    expect([empty.ticket.description, empty.ticket.voice]).toEqual([VOICE_ONLY_DESCRIPTION, voice])
    expect([short.ticket.description, short.ticket.voice]).toEqual(['路灯', voice])
  })
  it('is refused by the state machine when the recording is too long or the words too few without it', () => {
    const long = submitWithVoice('', { ...voice, durationSec: 61 })
    expect(long.ok ? null : long.refusal).toEqual({ code: 'INVALID_INPUT', message: '语音不能超过 60 秒' })
    const none = submitWithVoice('', null)
    expect(none.ok ? null : none.refusal).toEqual({ code: 'INVALID_INPUT', message: '问题描述至少 5 个字' })
  })
  it('has no voice note unless one was given', () => {
    const r = transition(null, submitCommand(), ctx(actors.resident, sh('2025-03-10T09:00')))
    expect(r.ok && r.ticket.voice).toBeNull()
  })
  it('is shown with its voice note; the list row and the worker’s subscribe message read the placeholder', () => {
    const ticket = routedTicket({ description: '', voice })
    const view = presentTicket(ticket, actors.worker1)
    expect(ticketView.parse(view).voice).toEqual(voice)
    expect(summarizeTicket(ticket).excerpt).toBe('（语音留言）')
    const r = transition(
      null,
      submitCommand({ description: '', voice }),
      ctx(actors.resident, sh('2025-03-10T09:00')),
    )
    if (!r.ok) throw new Error('refused')
    const routed = transition(
      r.ticket,
      { type: 'route', assigneeId: 's-w1', via: 'gridWorker' },
      ctx(actors.system, sh('2025-03-10T09:00')),
    )
    if (!routed.ok) throw new Error('refused')
    const task = routed.effects.find(
      (e): e is NotifyEffect => e.kind === 'notify' && e.template === 'taskNew',
    )
    if (!task) throw new Error('no taskNew notice')
    const message = buildSubscribeMessage('taskNew', task.data as never)
    expect(message.data.thing2.value).toBe('（语音留言）')
  })
  it('shows null for a ticket stored before voice notes existed', () => {
    const { voice: _none, ...legacy } = routedTicket()
    expect(presentTicket(legacy, actors.worker1).voice).toBeNull()
  })
})

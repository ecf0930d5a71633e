import { can } from '@shared/permissions/can'
import { maskContact, maskName, maskPhone } from '@shared/permissions/maskContact'
import { presentTicket, reporterVisibility, summarizeTicket } from '@shared/permissions/presentTicket'
import { ticketView, ticketSummary } from '@shared/schemas/ticketView'
import { actors, inProgressTicket, routedTicket, run, sh, submitCommand, TOWN } from './fixtures'

const ticket = routedTicket()
const res = { kind: 'ticket', ticket } as const

describe('scopes', () => {
  it('a grid worker cannot sign for another grid’s ticket', () => {
    expect(can(actors.worker1, 'signFor', res)).toBe(true)
    expect(can(actors.worker2, 'signFor', res)).toBe(false)
  })
  it('an assignee moved out of the grid can no longer act on its ticket', () => {
    const moved = { ...actors.worker1, scope: { ...actors.worker1.scope, gridIds: ['g2'] } }
    expect(can(moved, 'resolve', res)).toBe(false)
  })
  it('a grid worker sees their grid’s tickets, not another grid’s', () => {
    expect(can(actors.worker1, 'view', res)).toBe(true)
    expect(can(actors.worker3, 'view', res)).toBe(false)
  })
  it('a village guide acts in their village only', () => {
    expect(can(actors.villageGuide1, 'reject', res)).toBe(true)
    expect(can(actors.villageGuide2, 'reject', res)).toBe(false)
    expect(can(actors.villageGuide1, 'viewBoard', { kind: 'village', townId: TOWN, villageId: 'v1' })).toBe(
      true,
    )
    expect(can(actors.villageGuide1, 'viewBoard', { kind: 'village', townId: TOWN, villageId: 'v2' })).toBe(
      false,
    )
    expect(can(actors.villageGuide1, 'viewBoard', { kind: 'town', townId: TOWN })).toBe(false)
    expect(can(actors.villageGuide1, 'viewBoard', res)).toBe(true)
  })
  it('town guides and supervisors act in their villages; only the grid office town-wide', () => {
    for (const a of [actors.townGuide, actors.supervisor, actors.admin]) {
      expect(can(a, 'markDuplicate', res)).toBe(true)
      expect(can(a, 'viewBoard', { kind: 'village', townId: TOWN, villageId: 'v1' })).toBe(true)
    }
    for (const a of [actors.townGuide, actors.supervisor]) {
      expect(can(a, 'viewBoard', { kind: 'town', townId: TOWN })).toBe(false)
      expect(can(a, 'viewBoard', { kind: 'village', townId: TOWN, villageId: 'v2' })).toBe(false)
    }
    expect(can(actors.admin, 'viewBoard', { kind: 'town', townId: TOWN })).toBe(true)
  })
  it('nobody acts in another town', () => {
    expect(can(actors.outsider, 'view', res)).toBe(false)
    expect(can(actors.outsider, 'manageRoster', { kind: 'town', townId: TOWN })).toBe(false)
  })
  it('a resident sees only their own tickets; an informant what they reported', () => {
    expect(can(actors.resident, 'view', res)).toBe(true)
    expect(can(actors.otherResident, 'view', res)).toBe(false)
    const reported = run([
      [
        submitCommand({ source: 'informant', onBehalfOf: { name: '王奶奶' } }),
        actors.informant,
        sh('2025-03-10T09:00'),
      ],
    ])
    expect(can(actors.informant, 'view', { kind: 'ticket', ticket: reported })).toBe(true)
    expect(can(actors.informant, 'view', res)).toBe(false)
  })
  it('only the timer issues the ladder’s commands', () => {
    expect(can(actors.system, 'escalate', res)).toBe(true)
    expect(can(actors.admin, 'escalate', res)).toBe(false)
    expect(can(actors.system, 'view', res)).toBe(true)
    expect(can(actors.system, 'confirm', res)).toBe(false)
    expect(can(actors.system, 'redispatch', res)).toBe(false)
  })
  it('keeps roster and configuration to the admin, and patrols to the grid’s worker', () => {
    expect(can(actors.admin, 'manageConfig', { kind: 'town', townId: TOWN })).toBe(true)
    expect(can(actors.townGuide, 'manageRoster', { kind: 'town', townId: TOWN })).toBe(false)
    const g1 = { kind: 'grid', townId: TOWN, villageId: 'v1', gridId: 'g1' } as const
    expect(can(actors.worker1, 'logPatrol', g1)).toBe(true)
    expect(can(actors.worker2, 'logPatrol', g1)).toBe(false)
    expect(can(actors.worker1, 'logPatrol', { kind: 'town', townId: TOWN })).toBe(false)
    expect(can(actors.informant, 'reportOnBehalf', g1)).toBe(true)
    expect(can(actors.resident, 'reportOnBehalf', g1)).toBe(false)
    expect(can(actors.worker1, 'signFor', g1)).toBe(false)
  })
  it('lets only the admin open the audit view', () => {
    expect(can(actors.admin, 'audit', res)).toBe(true)
    expect(can(actors.supervisor, 'audit', res)).toBe(false)
  })
})

describe('masking contact details', () => {
  it('masks a phone as 138****1234 and a name as 张*', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('12345')).toBe('****5')
    expect(maskPhone('1')).toBe('*')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳修')).toBe('欧**')
    expect(maskName('李')).toBe('李*')
    expect(maskName(' ')).toBe('')
    expect(maskContact({ phone: '13812341234' })).toEqual({ phone: '138****1234' })
  })
  it('shows the assignee and their guides the name and a masked phone they may ask for', () => {
    for (const a of [actors.worker1, actors.villageGuide1, actors.townGuide]) {
      expect(presentTicket(ticket, a).reporter).toEqual({
        hidden: false,
        masked: true,
        revealable: true,
        role: 'resident',
        name: '张三',
        phone: '138****1234',
      })
    }
  })
  it('shows the reporter their own contact in full', () => {
    expect(presentTicket(ticket, actors.resident).reporter).toEqual({
      hidden: false,
      masked: false,
      role: 'resident',
      name: '张三',
      phone: '13812341234',
    })
  })
  it('masks it for everyone else who may see the ticket', () => {
    for (const a of [actors.supervisor, actors.admin]) {
      expect(presentTicket(ticket, a).reporter).toEqual({
        hidden: false,
        masked: true,
        role: 'resident',
        name: '张*',
        phone: '138****1234',
      })
    }
  })
  it('an anonymous report hides the reporter from everyone except the admin audit view', () => {
    const anon = run([
      [submitCommand({ anonymous: true, onBehalfOf: null }), actors.resident, sh('2025-03-10T09:00')],
      [{ type: 'route', assigneeId: 's-w1', via: 'gridWorker' }, actors.system, sh('2025-03-10T09:00')],
    ])
    for (const a of [
      actors.worker1,
      actors.villageGuide1,
      actors.townGuide,
      actors.supervisor,
      actors.admin,
    ]) {
      expect([a.staffId, presentTicket(anon, a).reporter]).toEqual([
        a.staffId,
        { hidden: true, masked: false },
      ])
    }
    expect(presentTicket(anon, actors.admin, { audit: true }).reporter.phone).toBe('13812341234')
    expect(reporterVisibility(anon, actors.supervisor, { audit: true })).toBe('hidden')
    expect(presentTicket(anon, actors.resident).reporter.name).toBe('张三')
  })
  it('masks or hides the neighbour an informant reported for', () => {
    const reported = run([
      [
        submitCommand({ source: 'informant', onBehalfOf: { name: '王奶奶', phone: '13900001111' } }),
        actors.informant,
        sh('2025-03-10T09:00'),
      ],
    ])
    expect(presentTicket(reported, actors.supervisor).onBehalfOf).toEqual({
      name: '王**',
      phone: '139****1111',
    })
    expect(presentTicket({ ...reported, anonymous: true }, actors.supervisor).onBehalfOf).toBeNull()
  })
  it('never puts an openid in a view, and matches the response schema', () => {
    const view = presentTicket(inProgressTicket(), actors.resident)
    expect(JSON.stringify(view)).not.toContain('o-resident')
    expect(ticketView.parse(view)).toEqual(view)
    expect(view).toMatchObject({ isMine: true, allowedCommands: [], paused: false })
    const row = summarizeTicket(inProgressTicket())
    expect(ticketSummary.parse(row)).toEqual(row)
  })
  it('cuts a long description to a 60-character excerpt in lists', () => {
    const long = { ...ticket, description: '路'.repeat(80) }
    expect(Array.from(summarizeTicket(long).excerpt)).toHaveLength(60)
    expect(summarizeTicket(long).excerpt.endsWith('…')).toBe(true)
  })
})

/** How the 花名册 reads an entry, and what the 新增工作人员 form asks for per role. */
import {
  FORM_ROLES,
  inviteText,
  newStaffRequest,
  placesText,
  rolesText,
  scopeKind,
  staffFormProblem,
  type StaffForm,
} from '../../../client/src/packages/staff/lib/rosterText'

const NOW = Date.parse('2026-11-25T06:00:00.000Z') // 14:00 in Shanghai

describe('a roster entry in words', () => {
  const worker = {
    roles: ['gridWorker' as const],
    villages: [{ _id: 'v01', name: '石桥村' }],
    grids: [{ _id: 'g01', name: '石桥村一组' }],
  }
  it('names roles in Chinese', () => {
    expect(rolesText(['villageGuide', 'informant', 'resident'])).toBe('村级指导员、网格信息员')
  })
  it('names grids for grid roles, villages for guides, the town for the grid office', () => {
    expect(placesText(worker)).toBe('石桥村一组')
    expect(
      placesText({
        roles: ['townGuide'],
        villages: [
          { _id: 'v02', name: '枫林村' },
          { _id: 'v03', name: '柳溪村' },
        ],
        grids: [],
      }),
    ).toBe('枫林村、柳溪村')
    expect(placesText({ roles: ['admin'], villages: [], grids: [] })).toBe('全镇')
    expect(placesText({ roles: ['townSupervisor'], villages: [], grids: [] })).toBe('全镇')
  })
  it("says whether the WeChat is bound and the invite's state with its date", () => {
    const expiresAt = '2026-12-09T06:30:00.000Z'
    expect(inviteText({ bound: true, invite: { state: 'used', expiresAt } }, NOW)).toBe('已绑定微信')
    expect(inviteText({ bound: false, invite: { state: 'pending', expiresAt } }, NOW)).toBe(
      '未绑定，邀请码有效至 12月9日 14:30',
    )
    expect(inviteText({ bound: false, invite: { state: 'expired', expiresAt } }, NOW)).toBe(
      '未绑定，邀请码已过期（12月9日 14:30）',
    )
    expect(inviteText({ bound: false, invite: { state: 'used', expiresAt } }, NOW)).toBe('邀请码已使用')
    expect(inviteText({ bound: false, invite: null }, NOW)).toBe('未绑定，没有邀请码')
  })
})

describe('the 新增工作人员 form', () => {
  const filled: StaffForm = {
    name: ' 李新 ',
    phone: '13911112222',
    role: 'gridWorker',
    gridId: 'g05',
    villageIds: [],
  }
  it('picks a grid for grid roles, villages for guides and supervisors, nothing for the grid office', () => {
    expect(FORM_ROLES.map(scopeKind)).toEqual(['grid', 'grid', 'villages', 'villages', 'villages', 'town'])
  })
  it('names the first missing thing', () => {
    expect(staffFormProblem({ ...filled, name: ' ' })).toBe('请填写姓名')
    expect(staffFormProblem({ ...filled, phone: '1391111' })).toBe('请填写 11 位手机号')
    expect(staffFormProblem({ ...filled, role: null })).toBe('请选择角色')
    expect(staffFormProblem({ ...filled, gridId: null })).toBe('请选择负责的网格（先选村，再选组）')
    expect(staffFormProblem({ ...filled, role: 'townGuide' })).toBe('请选择负责的村（可多选）')
    expect(staffFormProblem({ ...filled, role: 'admin', gridId: null })).toBeNull()
    expect(staffFormProblem(filled)).toBeNull()
  })
  it('sends only the places the role uses', () => {
    expect(newStaffRequest({ ...filled, role: 'gridWorker', villageIds: ['v01'] })).toEqual({
      name: '李新',
      phone: '13911112222',
      roles: ['gridWorker'],
      villageIds: [],
      gridIds: ['g05'],
    })
    expect(newStaffRequest({ ...filled, role: 'villageGuide', villageIds: ['v01', 'v02'] })).toMatchObject({
      villageIds: ['v01', 'v02'],
      gridIds: [],
    })
    expect(newStaffRequest({ ...filled, role: 'admin' })).toMatchObject({ villageIds: [], gridIds: [] })
  })
})

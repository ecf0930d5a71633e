/**
 * The demo town's structure and roster (docs/architecture.md, "Roles and scope" at full scale): 11 villages, 69 group grids,
 * one worker per grid, 728 informants, 71 village guides, 59 town guides (联村), 11 supervisors and
 * a few admins, with invented names and predictable openids (docs/demo-town.md).
 */
import type { Grid, Resident, Role, Staff, Village } from '../../shared/index'

export const DEMO_TOWN_ID = 'town-qingshan'
export const DEMO_TOWN_NAME = '青山镇'

/** The villages as the town names them (the roster import and its benchmark write these names). */
export const VILLAGE_NAMES = [
  '石桥村',
  '枫林村',
  '柳溪村',
  '荷塘村',
  '竹山村',
  '杏花村',
  '龙泉社区',
  '青石村',
  '桃源村',
  '白沙村',
  '金塘村',
]
/** Villages 1–8 have 6 grids, 9–11 have 7: 69 in all (so grid 7 is village 2's first). */
const GRIDS_PER_VILLAGE = [6, 6, 6, 6, 6, 6, 6, 6, 7, 7, 7]
const GROUP_NAMES = ['一组', '二组', '三组', '四组', '五组', '六组', '七组']
export const INFORMANTS = 728
/** Villages 1–5 have 7 village guides, 6–11 have 6: 71. */
const VILLAGE_GUIDES_PER_VILLAGE = [7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6]
export const TOWN_GUIDES = 59
export const RESIDENTS = 120

const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'
const GIVEN =
  '建国秀英桂兰志强玉梅海燕红霞春生冬梅国华丽娟小军德明淑珍振华金凤长青美玲永红家乐文斌晓东秋菊宏伟凤英子涵雨欣'

/** A deterministic invented name: surname + one or two given characters. */
export const demoName = (n: number): string => {
  const s = SURNAMES[n % SURNAMES.length]
  const g1 = GIVEN[(n * 7) % GIVEN.length]
  const g2 = GIVEN[(n * 13 + 5) % GIVEN.length]
  return n % 3 === 0 ? `${s}${g1}` : `${s}${g1}${g2}`
}

const phone = (n: number): string => `139${String(70000000 + n).padStart(8, '0')}`

export interface DemoRoster {
  villages: Village[]
  grids: Grid[]
  staff: Staff[]
  residents: Resident[]
}

export const villageId = (v: number): string => `v${String(v).padStart(2, '0')}`
export const gridId = (g: number): string => `g${String(g).padStart(2, '0')}`

export function buildDemoRoster(townId = DEMO_TOWN_ID, at = new Date().toISOString()): DemoRoster {
  const villages: Village[] = VILLAGE_NAMES.map((name, i) => ({
    _id: villageId(i + 1),
    townId,
    name,
    villageGuideIds: [],
    townGuideIds: [],
    supervisorIds: [],
    order: i + 1,
  }))
  const grids: Grid[] = []
  GRIDS_PER_VILLAGE.forEach((count, v) => {
    for (let k = 0; k < count; k++) {
      grids.push({
        _id: gridId(grids.length + 1),
        townId,
        villageId: villages[v]._id,
        name: GROUP_NAMES[k],
        workerId: null,
        informantIds: [],
        categoryOwners: {},
        order: k + 1,
      })
    }
  })
  const staff: Staff[] = []
  let seq = 0
  const person = (openid: string, roles: Role[], villageIds: string[], gridIds: string[]): Staff => {
    seq++
    const s: Staff = {
      _id: `st-${openid.replace(/^demo-/, '')}`,
      townId,
      name: demoName(seq),
      phone: phone(seq),
      roles,
      scope: { townId, villageIds, gridIds },
      openid,
      invite: { code: `D${String(seq).padStart(7, '0')}`, expiresAt: at, usedAt: at },
      active: true,
    }
    staff.push(s)
    return s
  }
  for (const id of ['demo-admin', 'demo-admin-2', 'demo-admin-3']) person(id, ['admin'], [], [])
  grids.forEach((g, i) => {
    g.workerId = person(`demo-worker-${i + 1}`, ['gridWorker'], [g.villageId], [g._id])._id
  })
  for (let i = 0; i < INFORMANTS; i++) {
    // informant 1..69 → grids 1..69, then round again: ~10.5 per grid
    const g = grids[i % grids.length]
    g.informantIds.push(person(`demo-informant-${i + 1}`, ['informant'], [g.villageId], [g._id])._id)
  }
  let guide = 0
  VILLAGE_GUIDES_PER_VILLAGE.forEach((count, v) => {
    for (let k = 0; k < count; k++) {
      const s = person(`demo-village-guide-${++guide}`, ['villageGuide'], [villages[v]._id], [])
      villages[v].villageGuideIds.push(s._id)
    }
  })
  for (let j = 0; j < TOWN_GUIDES; j++) {
    const v = villages[j % villages.length]
    v.townGuideIds.push(person(`demo-town-guide-${j + 1}`, ['townGuide'], [v._id], [])._id)
  }
  villages.forEach((v, i) => {
    v.supervisorIds.push(person(`demo-supervisor-${i + 1}`, ['townSupervisor'], [v._id], [])._id)
  })
  // Three roster entries not yet bound, with known invite codes (the bind story).
  for (let k = 1; k <= 3; k++) {
    const s = person(`demo-unbound-${k}`, ['informant'], [grids[0].villageId], [grids[0]._id])
    s.openid = null
    s.invite = {
      code: `DEMOBIND${k}`,
      expiresAt: new Date(Date.parse(at) + 365 * 86_400_000).toISOString(),
      usedAt: null,
    }
    grids[0].informantIds.push(s._id)
  }
  const residents: Resident[] = Array.from({ length: RESIDENTS }, (_, i) => {
    const g = grids[i % grids.length]
    return {
      _id: `r_demo-resident-${i + 1}`,
      openid: `demo-resident-${i + 1}`,
      townId,
      homeGridId: g._id,
      homeVillageId: g.villageId,
      name: demoName(5000 + i),
      phone: phone(5000 + i),
    }
  })
  return { villages, grids, staff, residents }
}

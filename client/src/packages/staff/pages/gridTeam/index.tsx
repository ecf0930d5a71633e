/**
 * 一格五员 (the grid office only): pick a grid, see its people by role — 网格工作员, 网格信息员,
 * 村级指导员, 镇级指导员, 镇级督导员 — with binding state and a call button each.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import GridPicker from '../../../../components/GridPicker'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import { useAction } from '../../../../hooks/useAction'
import { roster, type GridTeam } from '../../../../services/api'
import { openSheet } from '../../../../services/sheets'

type Person = GridTeam['workers'][number]
const SECTIONS: [keyof Omit<GridTeam, 'grid' | 'village'>, string][] = [
  ['workers', '网格工作员'],
  ['informants', '网格信息员'],
  ['villageGuides', '村级指导员'],
  ['townGuides', '镇级指导员'],
  ['supervisors', '镇级督导员'],
]

function PersonRow({ p }: { p: Person }) {
  return (
    <View className="btn-link" aria-label={`${p.name}，${p.bound ? '已绑定' : '未绑定'}`}>
      <View>
        <Text>{p.name}</Text>
        <Text className="card__meta">
          {p.phone} · {p.bound ? '已绑定' : '未绑定'}
        </Text>
      </View>
      <View style={{ flex: '0 0 8rem' }}>
        <BigButton
          kind="plain"
          onClick={() => Taro.makePhoneCall({ phoneNumber: p.phone })}
          label={`打电话给${p.name}`}
        >
          打电话
        </BigButton>
      </View>
    </View>
  )
}

export default function GridTeamPage() {
  const [team, setTeam] = useState<GridTeam | null>(null)
  const action = useAction()
  const pick = (gridId: string) => action.run(() => roster.gridTeam(gridId)).then((t) => t && setTeam(t))

  return (
    <PageShell label="一格五员">
      <Text className="title">一格五员</Text>
      {!team && !action.busy && <GridPicker title="请选择村（社区），再选组" onPick={(g) => pick(g._id)} />}
      {action.busy && <Loading />}
      <ErrorNotice error={action.error} />
      {team && (
        <View data-testid="grid-team">
          <Text className="section-title">
            {team.village.name}
            {team.grid.name}
          </Text>
          {SECTIONS.map(([key, label]) => (
            <View key={key} className="card" aria-label={label}>
              <Text className="card__title">
                {label}（{team[key].length}）
              </Text>
              {team[key].length === 0 ? (
                <Text className="card__level">暂无{label}</Text>
              ) : (
                team[key].map((p) => <PersonRow key={p._id} p={p} />)
              )}
            </View>
          ))}
          <BigButton
            onClick={() =>
              action
                .run(() => roster.villagePosters(team.village._id))
                .then((p) => p && openSheet(p.url, `${p.villageName}有事找五员海报.pdf`, 'pdf'))
            }
            testId="village-posters"
          >
            打印{team.village.name}的“有事找五员”海报（PDF）
          </BigButton>
          <BigButton kind="plain" onClick={() => setTeam(null)}>
            看其他网格
          </BigButton>
        </View>
      )}
    </PageShell>
  )
}

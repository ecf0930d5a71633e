/**
 * The role and the places of a roster entry, as the 新增 and 修改 forms pick them: one role (in the
 * order of the "一格五员" rule), then a grid (village → group) for grid roles, villages for guides
 * and supervisors, nothing for the grid office (全镇).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { StaffRole } from '@shared/model/roles'
import GridPicker from '../../../components/GridPicker'
import Loading from '../../../components/Loading'
import { roleName } from '../../../lib/format'
import { residents, type Place } from '../../../services/api'
import { FORM_ROLES, scopeKind } from '../lib/rosterText'

export function RolePicker({
  value,
  onChange,
}: {
  value: StaffRole | null
  onChange: (r: StaffRole) => void
}) {
  return (
    <View role="radiogroup" aria-label="角色">
      {FORM_ROLES.map((r) => (
        <View
          key={r}
          className="btn-link"
          role="radio"
          aria-checked={value === r}
          aria-label={roleName(r)}
          onClick={() => onChange(r)}
        >
          <Text>{roleName(r)}</Text>
          <Text className={value === r ? 'toggle__state toggle__state--on' : 'toggle__state'}>
            {value === r ? '◉ 已选' : '○'}
          </Text>
        </View>
      ))}
    </View>
  )
}

export function VillageChecklist({
  value,
  onChange,
}: {
  value: string[]
  onChange: (ids: string[]) => void
}) {
  const [villages, setVillages] = useState<Place[] | null>(null)
  useEffect(() => {
    residents.villages().then((r) => r.ok && setVillages(r.data.items))
  }, [])
  if (!villages) return <Loading />
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id])
  return (
    <View role="group" aria-label="负责的村，可多选">
      {villages.map((v) => (
        <View
          key={v._id}
          className="btn-link"
          role="checkbox"
          aria-checked={value.includes(v._id)}
          aria-label={`负责${v.name}`}
          onClick={() => toggle(v._id)}
        >
          <Text>{v.name}</Text>
          <Text className={value.includes(v._id) ? 'toggle__state toggle__state--on' : 'toggle__state'}>
            {value.includes(v._id) ? '☑ 负责' : '☐'}
          </Text>
        </View>
      ))}
    </View>
  )
}

export type PickedGrid = { grid: Place; village: Place } | null

/** The places for the chosen role: a grid, villages, or the whole town. */
export function ScopeFields({
  role,
  grid,
  onGrid,
  villageIds,
  onVillages,
}: {
  role: StaffRole | null
  grid: PickedGrid
  onGrid: (g: PickedGrid) => void
  villageIds: string[]
  onVillages: (ids: string[]) => void
}) {
  const kind = role ? scopeKind(role) : null
  if (kind === 'grid')
    return grid ? (
      <View className="btn-link" role="button" aria-label="重新选择网格" onClick={() => onGrid(null)}>
        <Text data-testid="picked-grid">
          已选：{grid.village.name} {grid.grid.name}
        </Text>
        <Text>重新选择 ›</Text>
      </View>
    ) : (
      <GridPicker title="请选择村（社区），再选组" onPick={(g, v) => onGrid({ grid: g, village: v })} />
    )
  if (kind === 'villages') return <VillageChecklist value={villageIds} onChange={onVillages} />
  if (kind === 'town') return <Text className="card__meta">全镇（不用选择）</Text>
  return null
}

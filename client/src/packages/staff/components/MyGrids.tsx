/**
 * The grids a staff member logs field work in, as tiles: a grid worker's own grids, a guide's
 * villages' grids, and for the town roles every grid of a village picked first. One or several.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ErrorNotice from '../../../components/ErrorNotice'
import Loading from '../../../components/Loading'
import { residents, type Me, type Place } from '../../../services/api'
import type { CallError } from '../../../services/cloud'

interface Props {
  me: Me
  value: string[]
  onChange: (gridIds: string[], grids: Array<Place & { villageId: string }>) => void
  multiple?: boolean
}

export default function MyGrids({ me, value, onChange, multiple = false }: Props) {
  const scope = me.staff?.scope
  const [villages, setVillages] = useState<Place[] | null>(null)
  const [village, setVillage] = useState<string | null>(null)
  const [grids, setGrids] = useState<Array<Place & { villageId: string }> | null>(null)
  const [error, setError] = useState<CallError | null>(null)
  const own = scope?.villageIds ?? []

  useEffect(() => {
    if (own.length > 0) return
    residents.villages().then((r) => (r.ok ? setVillages(r.data.items) : setError(r.error)))
  }, [])
  useEffect(() => {
    const ids = own.length > 0 ? own : village ? [village] : []
    if (ids.length === 0) return
    setGrids(null)
    Promise.all(ids.map((v) => residents.grids(v))).then((rs) => {
      const failed = rs.find((r) => !r.ok)
      if (failed && !failed.ok) return setError(failed.error)
      const all = rs.flatMap((r, i) => (r.ok ? r.data.items.map((g) => ({ ...g, villageId: ids[i] })) : []))
      const mine = scope?.gridIds.length ? all.filter((g) => scope.gridIds.includes(g._id)) : all
      setGrids(mine)
      if (mine.length === 1 && value.length === 0) onChange([mine[0]._id], mine)
    })
  }, [village])

  const toggle = (id: string) => {
    const next = multiple ? (value.includes(id) ? value.filter((g) => g !== id) : [...value, id]) : [id]
    onChange(next, grids ?? [])
  }

  return (
    <View className="field">
      <Text className="field__label">{multiple ? '网格（可多选）' : '网格'}</Text>
      <ErrorNotice error={error} />
      {own.length === 0 && villages && (
        <View className="seg" role="tablist">
          {villages.map((v) => (
            <View
              key={v._id}
              className={village === v._id ? 'seg__item seg__item--on' : 'seg__item'}
              role="tab"
              aria-selected={village === v._id}
              onClick={() => setVillage(v._id)}
            >
              <Text>{v.name}</Text>
            </View>
          ))}
        </View>
      )}
      {(own.length > 0 || village) && !grids && !error && <Loading />}
      {grids && (
        <View className="tiles" role="group" aria-label="选择网格">
          {grids.map((g) => (
            <View
              key={g._id}
              className={value.includes(g._id) ? 'tile tile--on' : 'tile'}
              role="checkbox"
              aria-checked={value.includes(g._id)}
              aria-label={g.name}
              data-testid={`grid-${g._id}`}
              onClick={() => toggle(g._id)}
            >
              <Text className="tile__name">{g.name}</Text>
            </View>
          ))}
          {multiple && grids.length > 1 && (
            <View
              className="tile"
              role="button"
              aria-label="全选"
              onClick={() =>
                onChange(
                  grids.map((g) => g._id),
                  grids,
                )
              }
            >
              <Text className="tile__name">全选</Text>
            </View>
          )}
        </View>
      )}
    </View>
  )
}

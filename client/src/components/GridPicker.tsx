/** Village → group grid, as two lists of big rows. `exclude` hides the grid a ticket is in. */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { residents, type Place } from '../services/api'
import type { CallError } from '../services/cloud'
import EmptyState from './EmptyState'
import ErrorNotice from './ErrorNotice'
import Loading from './Loading'

interface Props {
  onPick: (grid: Place, village: Place) => void
  exclude?: string
  title?: string
}

export default function GridPicker({ onPick, exclude, title = '请选择村（社区）' }: Props) {
  const [village, setVillage] = useState<Place | null>(null)
  const [items, setItems] = useState<Place[] | null>(null)
  const [error, setError] = useState<CallError | null>(null)

  const load = async () => {
    setItems(null)
    setError(null)
    const r = village ? await residents.grids(village._id) : await residents.villages()
    if (r.ok) setItems(r.data.items.filter((p) => p._id !== exclude))
    else setError(r.error)
  }
  useEffect(() => {
    load()
  }, [village])

  return (
    <View className="grid-picker">
      <Text className="section-title">{village ? `${village.name}：请选择组（网格）` : title}</Text>
      {village && (
        <View className="btn-link" role="button" aria-label="重新选择村" onClick={() => setVillage(null)}>
          <Text>‹ 重新选择村</Text>
        </View>
      )}
      <ErrorNotice error={error} onRetry={load} />
      {!items && !error && <Loading />}
      {items && items.length === 0 && <EmptyState text={village ? '这个村还没有网格' : '暂无可选的村'} />}
      {items?.map((p) => (
        <View
          key={p._id}
          className="btn-link"
          role="button"
          aria-label={village ? `选择${village.name}${p.name}` : `选择${p.name}`}
          onClick={() => (village ? onPick(p, village) : setVillage(p))}
        >
          <Text>{p.name}</Text>
          <Text aria-hidden="true">›</Text>
        </View>
      ))}
    </View>
  )
}

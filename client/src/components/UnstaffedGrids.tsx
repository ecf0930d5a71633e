/**
 * 无人负责的网格, on the grid office's home: grids where no worker can take a report (the post is
 * vacant, or its people have not bound WeChat, or have left), and who gets their reports instead.
 * Nothing is shown when every grid is staffed.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { roster, type UnstaffedGridView } from '../services/api'
import { go } from '../lib/nav'

const WHY: Record<UnstaffedGridView['why'], string> = {
  vacant: '没有网格工作员',
  unbound: '网格工作员未绑定微信',
  inactive: '网格工作员已停用',
}
const FALLBACK: Record<UnstaffedGridView['fallback'], string> = {
  villageGuide: '上报暂交村级指导员',
  townOffice: '上报暂交镇网格办',
  nobody: '上报无人接收',
}

export default function UnstaffedGrids() {
  const [items, setItems] = useState<UnstaffedGridView[]>([])
  useEffect(() => {
    roster.unstaffedGrids().then((r) => r.ok && setItems(r.data.items))
  }, [])
  if (items.length === 0) return null
  return (
    <View
      className="notice notice--error"
      role="alert"
      aria-label="无人负责的网格"
      data-testid="unstaffed-grids"
    >
      <Text className="notice__title">无人负责的网格（{items.length} 个）</Text>
      {items.slice(0, 10).map((u) => (
        <Text key={u.grid._id} className="notice__text">
          {u.grid.name}：{WHY[u.why]}，{FALLBACK[u.fallback]}
        </Text>
      ))}
      {items.length > 10 && <Text className="notice__text">另有 {items.length - 10} 个网格</Text>}
      <View className="notice__action" role="button" aria-label="去花名册处理" onClick={() => go('roster')}>
        <Text>去花名册处理 ›</Text>
      </View>
    </View>
  )
}

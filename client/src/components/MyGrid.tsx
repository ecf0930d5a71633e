/**
 * 我的网格 on a resident's home: their village and group, a way to change it (the new grid is named
 * in a confirmation before anything changes), and 有事找五员 — the grid's people with a call button
 * each. Shown only to someone with a home grid.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { residents, roster, type GridTeam, type Place } from '../services/api'
import { refreshMe } from '../services/session'
import { useAction } from '../hooks/useAction'
import BigButton from './BigButton'
import ErrorNotice from './ErrorNotice'
import GridPicker from './GridPicker'

type Person = GridTeam['workers'][number]
const ROLES: [keyof Omit<GridTeam, 'grid' | 'village'>, string][] = [
  ['workers', '网格工作员'],
  ['villageGuides', '村级指导员'],
  ['informants', '网格信息员'],
  ['townGuides', '镇级指导员'],
  ['supervisors', '镇级督导员'],
]

function CallRow({ p, role }: { p: Person; role: string }) {
  return (
    <View className="btn-link" aria-label={`${role}${p.name}`}>
      <View>
        <Text>{p.name}</Text>
        <Text className="card__meta">{role}</Text>
      </View>
      <View style={{ flex: '0 0 8rem' }}>
        <BigButton
          kind="plain"
          onClick={() => Taro.makePhoneCall({ phoneNumber: p.phone })}
          label={`打电话给${role}${p.name}`}
        >
          打电话
        </BigButton>
      </View>
    </View>
  )
}

export default function MyGrid({ homeGridId, onChanged }: { homeGridId: string; onChanged: () => void }) {
  const [team, setTeam] = useState<GridTeam | null>(null)
  const [picking, setPicking] = useState(false)
  const [pending, setPending] = useState<{ grid: Place; village: Place } | null>(null)
  const [showTeam, setShowTeam] = useState(false)
  const action = useAction()

  useEffect(() => {
    roster.myGrid().then((r) => r.ok && setTeam(r.data.home))
  }, [homeGridId])

  const confirm = () => {
    if (!pending) return
    action
      .run(() => residents.setHomeGrid(pending.grid._id))
      .then((r) => {
        if (!r) return
        setPending(null)
        setPicking(false)
        refreshMe()
        onChanged()
      })
  }

  const name = team ? `${team.village.name}${team.grid.name}` : ''
  return (
    <View className="card" aria-label={`我的网格：${name}`} data-testid="my-grid">
      <View className="card__head">
        <Text className="card__title">我的网格：{name || '…'}</Text>
        {!picking && (
          <View
            className="btn-link"
            role="button"
            aria-label="更换我的网格"
            data-testid="change-grid"
            onClick={() => setPicking(true)}
          >
            <Text>更换 ›</Text>
          </View>
        )}
      </View>
      {picking && !pending && (
        <GridPicker
          title="请选择新的村（社区），再选组"
          exclude={homeGridId}
          onPick={(g, v) => setPending({ grid: g, village: v })}
        />
      )}
      {pending && (
        <View className="notice" role="alert" data-testid="confirm-grid">
          <Text className="notice__text">
            确定把您的网格改为“{pending.village.name}
            {pending.grid.name}”吗？以后您上报的事会交给这个网格办理。
          </Text>
          <BigButton busy={action.busy} onClick={confirm} testId="confirm-grid-yes">
            确定更换
          </BigButton>
          <BigButton
            kind="plain"
            onClick={() => {
              setPending(null)
              setPicking(false)
            }}
          >
            取消
          </BigButton>
        </View>
      )}
      <ErrorNotice error={action.error} />
      {team && !picking && (
        <BigButton
          kind="plain"
          onClick={() => setShowTeam(!showTeam)}
          testId="find-five"
          label="有事找五员：本网格的工作人员"
        >
          {showTeam ? '收起' : '有事找五员'}
        </BigButton>
      )}
      {team && showTeam && (
        <View data-testid="grid-five">
          {ROLES.flatMap(([key, role]) =>
            team[key]
              .slice(0, key === 'informants' ? 3 : 2)
              .map((p) => <CallRow key={p._id} p={p} role={role} />),
          )}
        </View>
      )}
    </View>
  )
}

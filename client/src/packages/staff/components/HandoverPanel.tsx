/**
 * 移交未办结任务, on the same screen as the change that needs it (停用, 调整范围): how many open tasks
 * the person holds, which of them move, and who takes them — by default each task along its grid's
 * chain (the grid's other bound worker, else the village guide, else the town office), or one
 * person chosen here from those who cover every moving task.
 */
import { Text, View } from '@tarojs/components'
import type { HandoverPlan } from '../../../services/api'
import { rolesText } from '../lib/rosterText'

export const AUTOMATIC = ''

export default function HandoverPanel({
  plan,
  successorId,
  onSuccessor,
}: {
  plan: HandoverPlan
  successorId: string
  onSuccessor: (id: string) => void
}) {
  if (plan.moving.length === 0)
    return (
      <View className="notice" role="status" data-testid="handover-none">
        <Text>
          {plan.name}
          {plan.openTasks === 0
            ? '手上没有未办结的任务，不需要移交。'
            : '的任务都在新的负责范围内，不需要移交。'}
        </Text>
      </View>
    )
  const defaults = [...new Set(plan.moving.map((m) => m.defaultSuccessor?.name ?? '（无人可接）'))].join('、')
  const option = (id: string, label: string, sub: string) => (
    <View
      key={id || 'auto'}
      className="btn-link"
      role="radio"
      aria-checked={successorId === id}
      aria-label={`${label}，${sub}`}
      data-testid={id ? `successor-${id}` : 'successor-auto'}
      onClick={() => onSuccessor(id)}
    >
      <View>
        <Text>{label}</Text>
        <Text className="card__meta">{sub}</Text>
      </View>
      <Text className={successorId === id ? 'toggle__state toggle__state--on' : 'toggle__state'}>
        {successorId === id ? '◉ 已选' : '○'}
      </Text>
    </View>
  )
  return (
    <View className="card" aria-label="移交未办结任务" data-testid="handover-panel">
      <Text className="card__title">
        {plan.name}有 {plan.moving.length} 件未办结任务需要移交
      </Text>
      {plan.moving.map((m) => (
        <Text key={m.ticketId} className="card__meta">
          {m.number} · {m.gridName} → 默认交给 {m.defaultSuccessor?.name ?? '（无人可接，请指定）'}
        </Text>
      ))}
      <Text className="section-title">交给谁</Text>
      <View role="radiogroup" aria-label="接手人">
        {option(
          AUTOMATIC,
          '按网格自动分配（默认）',
          `本网格其他工作员，否则村级指导员、镇网格办：${defaults}`,
        )}
        {plan.candidates.map((c) => option(c._id, c.name, `${rolesText(c.roles)} · ${c.places}`))}
      </View>
    </View>
  )
}

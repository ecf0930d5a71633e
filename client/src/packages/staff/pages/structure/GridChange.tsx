/**
 * 合并 and 拆分 a grid on the 村和网格 page: each states its consequence before anything changes
 * (the merge asks the function for its plan first) and applies only on 确认.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import TextField from '../../../../components/TextField'
import Toggle from '../../../../components/Toggle'
import { useAction } from '../../../../hooks/useAction'
import { roster, type GridMergeView, type GridTeam, type Place } from '../../../../services/api'

interface Props {
  grid: Place
  onDone: (message: string) => void
  onCancel: () => void
}

/** The consequence of a merge, one line each, in the words of the office. */
export function mergeLines(p: GridMergeView): string[] {
  const c = p.counts
  const people = [
    c.workers > 0 ? `${c.workers} 位网格工作员` : '',
    c.informants > 0 ? `${c.informants} 位信息员` : '',
    c.otherStaff > 0 ? `${c.otherStaff} 位其他人员` : '',
  ].filter((x) => x !== '')
  return [
    `${c.openTickets} 件未办结工单转到${p.intoName}` +
      (p.handedOver > 0 ? `（其中 ${p.handedOver} 件原负责人已不在，移交给${p.intoName}的负责人）` : ''),
    people.length > 0 ? `${people.join('、')}改为负责${p.intoName}` : `${p.fromName}没有人员需要调整`,
    `${c.residents} 位群众的网格改为${p.intoName}`,
    `${c.closedTickets} 件已办结工单仍记在${p.fromName}，统计不变`,
    `${p.fromName}合并后不再出现在网格列表中，不能撤销`,
  ]
}

export function MergeGrid({ grid, grids, onDone, onCancel }: Props & { grids: Place[] }) {
  const [plan, setPlan] = useState<GridMergeView | null>(null)
  const action = useAction()
  const others = grids.filter((g) => g._id !== grid._id)

  const choose = (into: Place) =>
    action
      .run(() => roster.mergeGrids({ fromGridId: grid._id, intoGridId: into._id, dryRun: true }))
      .then((p) => p && setPlan(p))
  const confirm = () =>
    plan &&
    action
      .run(() => roster.mergeGrids({ fromGridId: plan.fromGridId, intoGridId: plan.intoGridId }))
      .then((r) => r && onDone(`已把${r.fromName}并入${r.intoName}`))

  return (
    <View data-testid="merge-grid">
      <Text className="section-title">合并{grid.name}</Text>
      <ErrorNotice error={action.error} />
      {plan ? (
        <>
          <View className="notice" role="status" data-testid="merge-plan">
            <Text className="notice__title">
              把{plan.fromName}并入{plan.intoName}，将会：
            </Text>
            {mergeLines(plan).map((line) => (
              <Text key={line} className="notice__text">
                · {line}
              </Text>
            ))}
          </View>
          <BigButton kind="danger" busy={action.busy} onClick={confirm} testId="confirm-merge">
            确认合并
          </BigButton>
          <BigButton kind="plain" onClick={() => setPlan(null)}>
            重新选择
          </BigButton>
        </>
      ) : others.length === 0 ? (
        <Text className="subtitle">这个村没有其他网格可以并入</Text>
      ) : (
        <>
          <Text className="subtitle">把{grid.name}并入哪个网格？</Text>
          {others.map((g) => (
            <BigButton
              key={g._id}
              kind="plain"
              busy={action.busy}
              onClick={() => choose(g)}
              label={`并入${g.name}`}
              testId={`merge-into-${g._id}`}
            >
              并入{g.name}
            </BigButton>
          ))}
        </>
      )}
      <BigButton kind="plain" onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}

export function SplitGrid({ grid, onDone, onCancel }: Props) {
  const [name, setName] = useState('')
  const [team, setTeam] = useState<GridTeam | null>(null)
  const [moving, setMoving] = useState<string[]>([])
  const [confirming, setConfirming] = useState(false)
  const action = useAction()
  useEffect(() => {
    roster.gridTeam(grid._id).then((r) => r.ok && setTeam(r.data))
  }, [grid._id])
  const people = team ? [...team.workers, ...team.informants] : []
  const chosen = people.filter((p) => moving.includes(p._id))
  const newName = name.trim()

  const confirm = () =>
    action
      .run(() => roster.splitGrid({ gridId: grid._id, name: newName, staffIds: moving }))
      .then((r) => r && onDone(`已从${grid.name}分出${r.name}`))

  return (
    <View data-testid="split-grid">
      <Text className="section-title">拆分{grid.name}</Text>
      <ErrorNotice error={action.error} />
      {confirming ? (
        <>
          <View className="notice" role="status" data-testid="split-plan">
            <Text className="notice__title">
              从{grid.name}分出新网格“{newName}”，将会：
            </Text>
            <Text className="notice__text">
              ·{' '}
              {chosen.length > 0
                ? `${chosen.map((p) => p.name).join('、')}改为负责${newName}`
                : `没有人员移到${newName}（以后可在人员管理中安排）`}
            </Text>
            <Text className="notice__text">· 群众和未办结工单仍留在{grid.name}</Text>
          </View>
          <BigButton kind="danger" busy={action.busy} onClick={confirm} testId="confirm-split">
            确认拆分
          </BigButton>
          <BigButton kind="plain" onClick={() => setConfirming(false)}>
            返回修改
          </BigButton>
        </>
      ) : (
        <>
          <TextField
            label="新网格（组）名称"
            value={name}
            onInput={setName}
            max={20}
            multiline={false}
            testId="split-name"
          />
          {people.length > 0 && <Text className="subtitle">哪些人员移到新网格？</Text>}
          {people.map((p) => (
            <Toggle
              key={p._id}
              label={p.name}
              value={moving.includes(p._id)}
              onChange={(on) => setMoving(on ? [...moving, p._id] : moving.filter((id) => id !== p._id))}
            />
          ))}
          <BigButton disabled={newName === ''} onClick={() => setConfirming(true)} testId="split-next">
            下一步
          </BigButton>
        </>
      )}
      <BigButton kind="plain" onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}

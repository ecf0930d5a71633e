/**
 * 事项分类与时限: each category with its limits; one is edited at a time (name, hint, mark, urgent,
 * offered or not, time limits). A category is never removed, only stopped (its tickets name it).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BigButton from '../../../../components/BigButton'
import TextField from '../../../../components/TextField'
import Toggle from '../../../../components/Toggle'
import type { CategorySetting } from '../../../../services/townConfigTypes'
import DurationField, { durationText } from './DurationField'

const blank = (): CategorySetting => ({
  code: `c${Date.now().toString(36)}`,
  name: '',
  hint: '',
  icon: '',
  urgent: false,
  active: true,
  signFor: { amount: 4, unit: 'workingHours' },
  resolve: { amount: 3, unit: 'workingDays' },
})

export default function CategorySettings({
  categories,
  busy,
  onSave,
}: {
  categories: CategorySetting[]
  busy: boolean
  onSave: (categories: CategorySetting[]) => Promise<boolean>
}) {
  const [editing, setEditing] = useState<CategorySetting | null>(null)
  const [isNew, setIsNew] = useState(false)

  if (editing) {
    const set = (p: Partial<CategorySetting>) => setEditing({ ...editing, ...p })
    const save = () => {
      const next = isNew
        ? [...categories, editing]
        : categories.map((c) => (c.code === editing.code ? editing : c))
      onSave(next).then((ok) => ok && setEditing(null))
    }
    return (
      <View data-testid="category-form">
        <Text className="section-title">{isNew ? '新增分类' : `修改：${editing.name}`}</Text>
        <TextField
          label="名称"
          value={editing.name}
          onInput={(name) => set({ name })}
          max={8}
          multiline={false}
          testId="category-name"
        />
        <TextField
          label="提示（群众选择时看到）"
          value={editing.hint}
          onInput={(hint) => set({ hint })}
          max={30}
          multiline={false}
          testId="category-hint"
        />
        <TextField
          label="图标（一个字，可不填）"
          value={editing.icon}
          onInput={(icon) => set({ icon })}
          max={1}
          multiline={false}
          testId="category-icon"
        />
        <Toggle
          label="紧急事项"
          hint="紧急的按自然时间计时，不等上班"
          value={editing.urgent}
          onChange={(urgent) => set({ urgent })}
        />
        <Toggle
          label="启用"
          hint="停用后群众不能再选，已有的工单不受影响"
          value={editing.active}
          onChange={(active) => set({ active })}
        />
        <DurationField
          label="签收时限"
          value={editing.signFor}
          onChange={(signFor) => set({ signFor })}
          testId="category-signfor"
        />
        <DurationField
          label="办结时限"
          value={editing.resolve}
          onChange={(resolve) => set({ resolve })}
          testId="category-resolve"
        />
        <Text className="subtitle">新的时限只用于保存以后上报的事项，已有工单的期限不变。</Text>
        <BigButton busy={busy} onClick={save} testId="save-category">
          保存
        </BigButton>
        <BigButton kind="plain" onClick={() => setEditing(null)}>
          取消
        </BigButton>
      </View>
    )
  }

  return (
    <View>
      {categories.map((c) => (
        <View
          key={c.code}
          className="card"
          role="button"
          aria-label={`修改${c.name}`}
          data-testid={`category-${c.code}`}
          onClick={() => {
            setIsNew(false)
            setEditing(c)
          }}
        >
          <View className="card__head">
            <Text className="card__title">
              {c.icon ? `${c.icon} ` : ''}
              {c.name}
            </Text>
            <Text className="card__label">
              {c.urgent ? '紧急' : '一般'}
              {c.active ? '' : '（已停用）'}
            </Text>
          </View>
          <Text className="card__meta" data-testid={`category-${c.code}-limits`}>
            签收 {durationText(c.signFor)} · 办结 {durationText(c.resolve)}
          </Text>
          <Text className="card__text">{c.hint}</Text>
          <Text className="card__meta">修改 ›</Text>
        </View>
      ))}
      <BigButton
        kind="plain"
        onClick={() => {
          setIsNew(true)
          setEditing(blank())
        }}
        testId="add-category"
      >
        新增分类
      </BigButton>
    </View>
  )
}

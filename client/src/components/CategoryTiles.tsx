/**
 * The town's categories as big tiles, in the town's order: a tap chooses one; the chosen tile says
 * "已选" in words.
 */
import { Text, View } from '@tarojs/components'
import type { CategoryChoice } from '@shared/model/category'

/** One character per category in a round badge: readable without an icon font. */
const MARKS: Record<string, string> = {
  safety: '危',
  dispute: '纠',
  request: '求',
  environment: '洁',
  question: '问',
  opinion: '议',
  other: '他',
}

export default function CategoryTiles({
  categories,
  value,
  onChange,
}: {
  categories: readonly CategoryChoice[]
  value: string
  onChange: (code: string) => void
}) {
  return (
    <View className="tiles" role="radiogroup" aria-label="问题类别">
      {categories.map((c) => {
        const on = c.code === value
        return (
          <View
            key={c.code}
            className={on ? 'tile tile--on' : 'tile'}
            role="radio"
            aria-checked={on}
            aria-label={`${c.name}：${c.hint}${on ? '，已选' : ''}`}
            onClick={() => onChange(c.code)}
          >
            <View className="tile__top">
              <Text className={`tile__mark tile__mark--${c.code}`} aria-hidden="true">
                {c.icon || (MARKS[c.code] ?? Array.from(c.name)[0] ?? '他')}
              </Text>
              <Text className="tile__name">{c.name}</Text>
            </View>
            <Text className="tile__hint">{on ? '✓ 已选' : c.hint}</Text>
          </View>
        )
      })}
    </View>
  )
}

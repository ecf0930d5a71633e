/** 1–5 big stars, each with its number; the words (很不满意 … 很满意) for screen readers and, for the choice, in text. */
import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '../lib/format'

export default function RatingStars({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <View className="stars" role="radiogroup" aria-label="满意度评分">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={n <= value ? 'stars__star stars__star--on' : 'stars__star'}
          role="radio"
          aria-checked={n === value}
          aria-label={`${n}星，${RATING_LABELS[n]}`}
          onClick={() => onChange(n)}
        >
          <Text className="stars__icon">{n <= value ? '★' : '☆'}</Text>
          {/* The words are in the aria-label and the line below: "1星" fits any text size. */}
          <Text className="stars__label">{n}星</Text>
        </View>
      ))}
      <Text className="stars__chosen">
        {value ? `已选：${value}星 ${RATING_LABELS[value]}` : '请点星星评分'}
      </Text>
    </View>
  )
}

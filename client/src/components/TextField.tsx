/**
 * A labelled text box with its count shown ("12/500"). Typing past the limit is not cut off
 * silently: the box takes the words, and the count and a line in words say how many to remove
 * (the form refuses to send until then, see `overLimit`).
 */
import { Input, Text, Textarea, View } from '@tarojs/components'

interface Props {
  label: string
  value: string
  onInput: (v: string) => void
  placeholder?: string
  max: number
  multiline?: boolean
  type?: 'text' | 'number'
  testId?: string
}

/** `问题描述超过 500 字了，请删掉 12 个字` when `value` is longer than `max`, else ''. */
export const overLimit = (label: string, value: string, max: number): string =>
  value.length > max ? `${label}超过 ${max} 字了，请删掉 ${value.length - max} 个字` : ''

export default function TextField({
  label,
  value,
  onInput,
  placeholder,
  max,
  multiline = true,
  type = 'text',
  testId,
}: Props) {
  const over = overLimit(label, value, max)
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {multiline ? (
        <Textarea
          className="field__area"
          value={value}
          // Room past the limit, so nothing is cut without a word; the count says what is too much.
          maxlength={max * 2}
          placeholder={placeholder}
          aria-label={label}
          data-testid={testId}
          onInput={(e) => onInput(e.detail.value)}
        />
      ) : (
        <Input
          className="field__input"
          value={value}
          type={type}
          maxlength={max}
          placeholder={placeholder}
          aria-label={label}
          data-testid={testId}
          onInput={(e) => onInput(e.detail.value)}
        />
      )}
      {multiline && (
        <Text
          className={over ? 'field__count field__count--over' : 'field__count'}
          aria-label={`已写 ${value.length} 字，最多 ${max} 字`}
          data-testid={testId ? `${testId}-count` : undefined}
        >
          {value.length}/{max}
        </Text>
      )}
      {over && (
        <View className="field__over" role="alert" data-testid={testId ? `${testId}-over` : undefined}>
          <Text>{over}</Text>
        </View>
      )}
    </View>
  )
}

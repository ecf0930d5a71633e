/** A labelled text box with its limit shown ("12/500"). */
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
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      {multiline ? (
        <Textarea
          className="field__area"
          value={value}
          maxlength={max}
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
        <Text className="field__count" aria-hidden="true">
          {value.length}/{max}
        </Text>
      )}
    </View>
  )
}

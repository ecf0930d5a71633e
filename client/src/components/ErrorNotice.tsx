/** A refusal or failure, in words, where the user is looking (not a toast that vanishes). */
import { Text, View } from '@tarojs/components'
import type { CallError } from '../services/http'
import { errorText } from '../lib/errors'

interface Props {
  error: CallError | string | null
  onRetry?: () => void
}

export default function ErrorNotice({ error, onRetry }: Props) {
  if (!error) return null
  const text = typeof error === 'string' ? error : errorText(error)
  return (
    <View
      className="notice notice--error"
      role="alert"
      aria-label={`出错了：${text}`}
      data-testid="error-notice"
    >
      <Text className="notice__title">⚠ 未能完成</Text>
      <Text className="notice__text">{text}</Text>
      {onRetry && (
        <View className="notice__action" role="button" aria-label="重试" onClick={onRetry}>
          <Text>重试</Text>
        </View>
      )}
    </View>
  )
}

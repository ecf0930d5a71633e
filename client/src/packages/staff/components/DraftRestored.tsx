/** The line a field-work record form shows when it opened on a draft kept on the phone. */
import { Text, View } from '@tarojs/components'

export default function DraftRestored({ shown }: { shown: boolean }) {
  if (!shown) return null
  return (
    <View className="form-hint" role="status" data-testid="draft-restored">
      <Text>已恢复上次未提交的内容</Text>
    </View>
  )
}

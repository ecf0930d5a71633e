import { Text } from '@tarojs/components'
import PageShell from '../../components/PageShell'

export default function Messages() {
  return (
    <PageShell label="消息中心">
      <Text className="title">消息中心</Text>
      <Text className="text muted">办理进展和通知会显示在这里。（页面建设中）</Text>
    </PageShell>
  )
}

import { Text } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'

export default function Inbox() {
  return (
    <PageShell label="任务收件箱">
      <Text className="title">任务收件箱</Text>
      <Text className="text muted">网格员的待办任务会按截止时间排在这里。（页面建设中）</Text>
    </PageShell>
  )
}

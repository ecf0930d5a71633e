import { Text } from '@tarojs/components'
import PageShell from '../../components/PageShell'

export default function Mine() {
  return (
    <PageShell label="我的上报">
      <Text className="title">我的上报</Text>
      <Text className="text muted">这里会列出您上报的事项和办理进度。（页面建设中）</Text>
    </PageShell>
  )
}

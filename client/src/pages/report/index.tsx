import { Text } from '@tarojs/components'
import PageShell from '../../components/PageShell'

export default function Report() {
  return (
    <PageShell label="我要上报">
      <Text className="title">我要上报</Text>
      <Text className="text muted">拍张照片，说几句话，点一下就能上报。（页面建设中）</Text>
    </PageShell>
  )
}

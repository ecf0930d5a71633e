import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import PageShell from '../../components/PageShell'
import { callFunction } from '../../services/cloud'

interface WhoAmI {
  openid: string
  roles?: string[]
  name?: string
}

type Identity = { state: 'loading' } | { state: 'ok'; who: WhoAmI } | { state: 'error'; message: string }

function identityText(id: Identity): string {
  if (id.state === 'loading') return '当前身份：正在确认…'
  if (id.state === 'error') return `当前身份：${id.message}`
  const { openid, name, roles } = id.who
  const extra = [name, roles && roles.length ? roles.join('、') : ''].filter(Boolean).join(' · ')
  return `当前身份：${openid}${extra ? `（${extra}）` : ''}`
}

export default function Index() {
  const [identity, setIdentity] = useState<Identity>({ state: 'loading' })

  useEffect(() => {
    let live = true
    callFunction<WhoAmI>('system', { action: 'whoami' }).then((r) => {
      if (!live) return
      setIdentity(r.ok ? { state: 'ok', who: r.data } : { state: 'error', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [])

  const go = (url: string) => () => Taro.navigateTo({ url })

  return (
    <PageShell label="一网首页">
      <Text className="title">一网</Text>
      <Text className="subtitle">全镇一张网，有事找网格</Text>
      <Button className="btn-main" aria-label="我要上报，反映身边的问题" onClick={go('/pages/report/index')}>
        我要上报
      </Button>
      <View className="btn-link" aria-label="我的上报，查看办理进度" onClick={go('/pages/mine/index')}>
        <Text>我的上报</Text>
        <Text aria-hidden="true">›</Text>
      </View>
      <View className="btn-link" aria-label="消息中心" onClick={go('/pages/messages/index')}>
        <Text>消息中心</Text>
        <Text aria-hidden="true">›</Text>
      </View>
      <Text className="status" data-testid="whoami">
        {identityText(identity)}
      </Text>
    </PageShell>
  )
}

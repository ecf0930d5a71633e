/**
 * 个人信息保护指引: what the mini-program collects and why, shown once on first use (until 同意 is
 * tapped) and always reachable from 我的信息. WeChat requires it for mini-programs that collect phone
 * numbers.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import BigButton from './BigButton'

const AGREED_KEY = 'privacy-notice-v1'

export const PRIVACY_POINTS = [
  '我们收集：您选择的村组网格；您上报时填写的问题描述、照片、语音、位置；您留下的姓名和手机号（可不填）。',
  '用途：把问题派给负责的网格员办理，并把办理进度通知您。不用于其他用途，不提供给第三方。',
  '谁能看到：负责办理的工作人员能看到您的联系方式，其他人只看到打码后的内容；匿名上报时不显示您的身份。',
  '保存期限：工单办结满一定期限（默认 24 个月）后，联系方式会被自动遮盖。',
  '您的权利：在“我的信息”中可以查看、导出、更正您的信息，也可以注销账号；注销后您的上报仍作为工作记录保留，但姓名和手机号会被删除。',
]

export function PrivacyText() {
  return (
    <View className="card" aria-label="个人信息保护指引">
      <Text className="section-title">个人信息保护指引</Text>
      {PRIVACY_POINTS.map((p, i) => (
        <View key={i}>
          <Text>{p}</Text>
        </View>
      ))}
    </View>
  )
}

/** First use: the notice over the page until the user agrees (remembered on this device). */
export default function PrivacyNotice() {
  const [agreed, setAgreed] = useState(() => {
    try {
      return Taro.getStorageSync(AGREED_KEY) === 'yes'
    } catch {
      return false
    }
  })
  if (agreed) return null
  const agree = () => {
    try {
      Taro.setStorageSync(AGREED_KEY, 'yes')
    } catch {
      /* shown again next time */
    }
    setAgreed(true)
  }
  return (
    <View className="notice" role="dialog" aria-label="个人信息保护指引" data-testid="privacy-notice">
      <PrivacyText />
      <BigButton onClick={agree} testId="privacy-agree">
        我已阅读并同意
      </BigButton>
    </View>
  )
}

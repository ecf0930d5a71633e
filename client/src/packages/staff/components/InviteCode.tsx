/** A just-issued invite code, big and spaced for reading out over the phone, with its expiry. */
import { Text, View } from '@tarojs/components'
import type { IssuedInvite } from '../../../services/api'
import { formatTime } from '../../../lib/format'

export default function InviteCode({
  invite,
  name,
  now,
}: {
  invite: IssuedInvite
  name: string
  now: number
}) {
  const until = formatTime(invite.inviteExpiresAt, now)
  return (
    <View
      className="invite"
      role="status"
      aria-label={`${name}的邀请码：${invite.inviteCode.split('').join(' ')}，${until}前有效，只能用一次`}
      data-testid="issued-invite"
    >
      <Text className="invite__label">{name} 的邀请码</Text>
      <Text className="invite__code" data-testid="issued-code">
        {invite.inviteCode}
      </Text>
      <Text className="invite__meta">有效期至 {until}，只能用一次</Text>
      <Text className="invite__meta">
        请当面或打电话告诉本人，不要发到群里。本人在首页点“工作人员绑定”输入。
      </Text>
    </View>
  )
}

/** 督办设置: when the assignee is reminded before a deadline, and when an overdue ticket goes to the town supervisor. */
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import BigButton from '../../../../components/BigButton'
import type { LadderSetting } from '../../../../services/townConfigTypes'
import DurationField from './DurationField'

export default function LadderSettings({
  ladder,
  busy,
  onSave,
}: {
  ladder: LadderSetting
  busy: boolean
  onSave: (ladder: LadderSetting) => Promise<boolean>
}) {
  const [percent, setPercent] = useState(String(Math.round(ladder.reminderFraction * 100)))
  const [lead, setLead] = useState(String(ladder.reminderMaxLeadMinutes))
  const [after, setAfter] = useState(ladder.supervisorAfter)
  return (
    <View>
      <Text className="subtitle">
        期限快到时先提醒责任人；超过办结期限后，再过一段时间上报镇级督导员（挂牌督办）。
      </Text>
      <View className="field">
        <Text className="field__label">提前提醒：期限的百分之几（%）</Text>
        <Input
          className="field__input"
          type="digit"
          value={percent}
          aria-label="提前提醒的百分比"
          data-testid="ladder-percent"
          onInput={(e) => setPercent(e.detail.value)}
        />
      </View>
      <View className="field">
        <Text className="field__label">最多提前多少分钟提醒</Text>
        <Input
          className="field__input"
          type="number"
          value={lead}
          aria-label="最多提前多少分钟提醒"
          data-testid="ladder-lead"
          onInput={(e) => setLead(e.detail.value)}
        />
      </View>
      <DurationField
        label="超过办结期限后多久上报督导员"
        value={after}
        onChange={setAfter}
        testId="ladder-after"
      />
      <BigButton
        busy={busy}
        onClick={() =>
          onSave({
            reminderFraction: Number(percent) / 100,
            reminderMaxLeadMinutes: Number(lead),
            supervisorAfter: after,
          })
        }
        testId="save-ladder"
      >
        保存督办设置
      </BigButton>
    </View>
  )
}

/** 消息模板: the WeChat subscribe-message template id of each notification (from the 公众平台). */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BigButton from '../../../../components/BigButton'
import TextField from '../../../../components/TextField'
import type { TownConfigView } from '../../../../services/townConfigTypes'

type Templates = TownConfigView['templates']

export default function TemplateSettings({
  templates,
  busy,
  onSave,
}: {
  templates: Templates
  busy: boolean
  onSave: (ids: Record<string, string>) => Promise<boolean>
}) {
  const [ids, setIds] = useState(() => Object.fromEntries(templates.map((t) => [t.key, t.templateId])))
  return (
    <View>
      <Text className="subtitle">
        在微信公众平台“订阅消息”里选用模板后，把模板编号填在这里。关键词的对应关系不变。
      </Text>
      {templates.map((t) => (
        <TextField
          key={t.key}
          label={t.title}
          value={ids[t.key] ?? ''}
          onInput={(v) => setIds({ ...ids, [t.key]: v.trim() })}
          max={128}
          multiline={false}
          testId={`template-${t.key}`}
        />
      ))}
      <BigButton busy={busy} onClick={() => onSave(ids)} testId="save-templates">
        保存模板编号
      </BigButton>
    </View>
  )
}

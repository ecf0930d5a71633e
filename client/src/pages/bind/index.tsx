/** 工作人员绑定: staff enter the invite code the grid office gave them. */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../components/PageShell'
import TextField from '../../components/TextField'
import BigButton from '../../components/BigButton'
import ErrorNotice from '../../components/ErrorNotice'
import { roster } from '../../services/api'
import { refreshMe } from '../../services/session'
import { useAction } from '../../hooks/useAction'
import { roleName } from '../../lib/format'
import { back } from '../../lib/nav'

export default function Bind() {
  const [code, setCode] = useState('')
  const [bound, setBound] = useState('')
  const [hint, setHint] = useState('')
  const action = useAction()

  const submit = () => {
    const c = code.trim().toUpperCase()
    if (!/^[A-Z0-9]{6,12}$/.test(c)) return setHint('邀请码是 6 到 12 位字母或数字，请核对')
    setHint('')
    action
      .run(() => roster.bindInvite(c))
      .then((r) => {
        if (!r) return
        refreshMe()
        const roles = r.roles
          .filter((x) => x !== 'resident')
          .map(roleName)
          .join('、')
        setBound(`${r.name}，${roles}，负责${r.places}`)
      })
  }

  return (
    <PageShell label="工作人员绑定">
      <Text className="title">工作人员绑定</Text>
      {bound ? (
        <>
          <View className="notice notice--ok" role="status">
            <Text>✓ 绑定成功：{bound}</Text>
          </View>
          <BigButton onClick={back}>返回首页</BigButton>
        </>
      ) : (
        <>
          <Text className="subtitle">请输入镇网格办发给您的邀请码</Text>
          <TextField
            label="邀请码"
            value={code}
            onInput={setCode}
            max={12}
            multiline={false}
            testId="invite-code"
          />
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={submit}>
            绑定
          </BigButton>
        </>
      )}
    </PageShell>
  )
}

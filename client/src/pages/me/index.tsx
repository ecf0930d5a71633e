/**
 * 我的信息: what the town holds about the resident (home grid, name, phone, reports, messages), and
 * their rights over it — 导出 (a file in cloud storage), 更正 name and phone, 注销账号 (asked twice;
 * the reports stay as work records with the person removed) — and the 个人信息保护指引.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import PageShell from '../../components/PageShell'
import TextField from '../../components/TextField'
import BigButton from '../../components/BigButton'
import ErrorNotice from '../../components/ErrorNotice'
import Loading from '../../components/Loading'
import { PrivacyText } from '../../components/PrivacyNotice'
import { privacy, type MyData } from '../../services/privacy'
import { refreshMe } from '../../services/session'
import { useAction } from '../../hooks/useAction'
import { LIMITS } from '@shared/schemas/limits'

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View>
      <Text className="muted">{label}：</Text>
      <Text>{value}</Text>
    </View>
  )
}

export default function Me() {
  const [data, setData] = useState<MyData | null>(null)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [hint, setHint] = useState('')
  const [done, setDone] = useState('')
  const [exported, setExported] = useState('')
  const [confirming, setConfirming] = useState(false)
  const load = useAction()
  const action = useAction()

  const reload = () =>
    load
      .run(() => privacy.myData())
      .then((d) => {
        if (!d) return
        setData(d)
        setName(d.name ?? '')
        setPhone(d.phone ?? '')
      })
  useDidShow(() => void reload())

  const save = () => {
    const n = name.trim()
    const p = phone.trim()
    if (p && !/^1[3-9]\d{9}$/.test(p)) return setHint('请填写 11 位手机号')
    if (!n && !p) return setHint('请填写要更正的姓名或手机号')
    setHint('')
    action
      .run(() => privacy.correctMe({ ...(n ? { name: n } : {}), ...(p ? { phone: p } : {}) }))
      .then((r) => {
        if (!r) return
        setEditing(false)
        setDone('已更正')
        reload()
      })
  }

  const exportAll = () =>
    action
      .run(() => privacy.exportMyData())
      .then((r) => {
        if (!r) return
        setExported(r.url)
        if (process.env.TARO_ENV === 'weapp') Taro.setClipboardData({ data: r.url })
      })

  const erase = () =>
    action
      .run(() => privacy.deleteAccount())
      .then((r) => {
        if (!r) return
        setConfirming(false)
        setDone(`账号已注销：${r.reportsKept} 条上报作为工作记录保留，姓名和手机号已删除`)
        refreshMe()
        reload()
      })

  return (
    <PageShell label="我的信息">
      <Text className="title">我的信息</Text>
      {!data && !load.error && <Loading />}
      <ErrorNotice error={load.error} onRetry={reload} />
      {done && (
        <View className="notice notice--ok" role="status" data-testid="me-done">
          <Text>✓ {done}</Text>
        </View>
      )}
      {data && !data.held && <Text className="subtitle">我们没有保存您的个人信息。</Text>}
      {data && data.held && (
        <View className="card" aria-label="我们保存的信息" data-testid="me-held">
          <Row
            label="所在网格"
            value={data.homeGrid ? `${data.homeVillage?.name ?? ''}${data.homeGrid.name}` : '未选择'}
          />
          <Row label="姓名" value={data.name ?? '未填写'} />
          <Row label="手机号" value={data.phone ?? '未填写'} />
          <Row label="我的上报" value={`${data.reports.length} 条`} />
          <Row label="消息" value={`${data.messages} 条`} />
        </View>
      )}
      {data?.held && editing && (
        <>
          <TextField
            label="姓名"
            value={name}
            onInput={setName}
            max={LIMITS.nameMax}
            multiline={false}
            testId="me-name"
          />
          <TextField
            label="手机号"
            value={phone}
            onInput={setPhone}
            max={11}
            multiline={false}
            type="number"
            testId="me-phone"
          />
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <BigButton busy={action.busy} onClick={save} testId="me-save">
            保存更正
          </BigButton>
        </>
      )}
      <ErrorNotice error={action.error} />
      {data?.held && !editing && !confirming && (
        <>
          <BigButton kind="plain" onClick={() => setEditing(true)} testId="me-edit">
            更正姓名和手机号
          </BigButton>
          <BigButton kind="plain" busy={action.busy} onClick={exportAll} testId="me-export">
            导出我的信息
          </BigButton>
          <BigButton kind="danger" onClick={() => setConfirming(true)} testId="me-delete">
            注销账号
          </BigButton>
        </>
      )}
      {exported && (
        <View className="notice" role="status" data-testid="me-exported">
          <Text>已生成文件{process.env.TARO_ENV === 'weapp' ? '，下载地址已复制' : ''}：</Text>
          <Text selectable>{exported}</Text>
        </View>
      )}
      {confirming && (
        <View className="notice" role="alertdialog" aria-label="确认注销">
          <Text>
            注销后，您的姓名、手机号、所在网格和消息将被删除，无法恢复；您的上报作为工作记录保留，但不再显示您的身份。确定注销吗？
          </Text>
          <BigButton kind="danger" busy={action.busy} onClick={erase} testId="me-delete-confirm">
            确定注销
          </BigButton>
          <BigButton kind="plain" onClick={() => setConfirming(false)}>
            不注销了
          </BigButton>
        </View>
      )}
      <PrivacyText />
    </PageShell>
  )
}

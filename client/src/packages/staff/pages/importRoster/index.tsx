/**
 * 导入花名册 (the grid office only): download the template (one sheet, Chinese headers, an example
 * row, the town's villages and grids), fill it in, choose the file. Every row is checked first: a
 * file with problems imports nobody, and each problem is listed by row and column. A clean file
 * imports everyone at once; the invite codes are shown and can be downloaded as a spreadsheet.
 * Importing the same file again changes nothing (people are matched by phone).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import PageShell from '../../../../components/PageShell'
import { useAction } from '../../../../hooks/useAction'
import { useMe } from '../../../../hooks/useMe'
import { formatTime } from '../../../../lib/format'
import { back } from '../../../../lib/nav'
import { roster, type ImportReport } from '../../../../services/api'
import type { CallError } from '../../../../services/cloud'
import { chooseSheet, openSheet, uploadRosterSheet } from '../../../../services/sheets'

interface Problem {
  row: number
  column: string
  message: string
}

const problemsOf = (e: CallError | null): Problem[] =>
  e && e.code === 'INVALID_INPUT' && Array.isArray(e.details)
    ? (e.details as Problem[]).filter((p) => typeof p?.message === 'string' && typeof p?.row === 'number')
    : []

export default function ImportRoster() {
  const { me } = useMe()
  const [report, setReport] = useState<ImportReport | null>(null)
  const [stage, setStage] = useState('')
  const action = useAction()
  const problems = problemsOf(action.error)

  const template = () =>
    action.run(() => roster.importTemplate()).then((t) => t && openSheet(t.url, '花名册导入模板.xlsx'))
  const importFile = async () => {
    if (!me) return
    setReport(null)
    const file = await chooseSheet()
    if (!file) return
    setStage('正在上传并检查表格…')
    const r = await action.run(async () => {
      const up = await uploadRosterSheet(file, me.openid)
      return up.ok ? roster.importStaff(up.data) : up
    })
    setStage('')
    if (r) setReport(r)
  }

  return (
    <PageShell label="导入花名册">
      <Text className="title">导入花名册</Text>
      <Text className="subtitle">先下载模板，按表头填写，每行一人；再选择填好的文件导入。</Text>
      <BigButton kind="plain" busy={action.busy && !stage} onClick={template} testId="download-template">
        下载导入模板
      </BigButton>
      <BigButton busy={action.busy && !!stage} onClick={importFile} testId="choose-sheet">
        选择表格文件并导入
      </BigButton>
      {stage && <Text className="status">{stage}</Text>}
      {problems.length > 0 ? (
        <View className="notice notice--error" role="alert" data-testid="import-problems">
          <Text className="notice__title">
            表格有 {problems.length} 处问题，没有导入任何人。请改正后重新导入：
          </Text>
          {problems.map((p, i) => (
            <Text key={i} className="notice__text" data-testid="import-problem">
              第 {p.row} 行{p.column ? `「${p.column}」` : ''}：{p.message}
            </Text>
          ))}
        </View>
      ) : (
        <ErrorNotice error={action.error} />
      )}
      {report && (
        <View data-testid="import-report">
          <View className="notice notice--ok" role="status">
            <Text>
              ✓ 导入完成：新增 {report.created} 人
              {report.unchanged > 0 ? `，${report.unchanged} 人已在花名册中（未改动）` : ''}
            </Text>
          </View>
          {report.invitesFile && (
            <BigButton
              kind="plain"
              onClick={() => report.invitesFile && openSheet(report.invitesFile.url, '邀请码.xlsx')}
              testId="download-invites"
            >
              下载邀请码表格
            </BigButton>
          )}
          {report.invites.slice(0, 50).map((i) => (
            <View
              key={i.phone}
              className="card"
              aria-label={`${i.name}的邀请码 ${i.inviteCode.split('').join(' ')}`}
            >
              <View className="card__head">
                <Text className="card__title">{i.name}</Text>
                <Text className="invite__code" data-testid="imported-code">
                  {i.inviteCode}
                </Text>
              </View>
              <Text className="card__meta">
                {i.roles} · {i.places} · {i.phone}
              </Text>
              <Text className="card__meta">有效期至 {formatTime(i.inviteExpiresAt)}</Text>
            </View>
          ))}
          {report.invites.length > 50 && (
            <Text className="status">另有 {report.invites.length - 50} 人的邀请码，请下载邀请码表格查看</Text>
          )}
          <BigButton kind="plain" onClick={back}>
            返回花名册
          </BigButton>
        </View>
      )}
    </PageShell>
  )
}

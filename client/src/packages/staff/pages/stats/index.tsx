/**
 * 统计与台账: the town's figures for a period in the caller's scope, each with its definition; the
 * 三率; the 今年以来 paragraph with a copy button; a chart by month or village; and the xlsx books
 * (民情台账, 屋场会记录本, 宣传活动台账) to download and open.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { stats, type StatsBreakdown, type StatsPeriod, type StatsSummary } from '../../../../services/api'
import type { CallError } from '../../../../services/cloud'
import ServicesChart from '../../components/ServicesChart'
import { openBook } from '../../lib/openBook'

type Preset = 'month' | 'quarter' | 'year' | 'custom'
const PRESETS: Array<{ code: Preset; name: string }> = [
  { code: 'month', name: '本月' },
  { code: 'quarter', name: '本季度' },
  { code: 'year', name: '今年' },
  { code: 'custom', name: '自定义' },
]
const BOOKS = [
  { kind: 'ledger', name: '民情台账' },
  { kind: 'meetings', name: '屋场会记录本' },
  { kind: 'campaigns', name: '宣传活动台账' },
] as const

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)

export default function Stats() {
  const [preset, setPreset] = useState<Preset>('year')
  const [from, setFrom] = useState('2026-01-01')
  const [to, setTo] = useState('2026-08-31')
  const [by, setBy] = useState<'month' | 'village'>('month')
  const [summary, setSummary] = useState<StatsSummary | null>(null)
  const [chart, setChart] = useState<StatsBreakdown | null>(null)
  const [error, setError] = useState<CallError | null>(null)
  const [note, setNote] = useState('')
  const exporting = useAction()

  const period = (): StatsPeriod => (preset === 'custom' ? { from, to } : { preset })
  const load = async () => {
    setError(null)
    setSummary(null)
    const [s, b] = await Promise.all([stats.summary(period()), stats.breakdown({ ...period(), by })])
    if (!s.ok) return setError(s.error)
    setSummary(s.data)
    if (b.ok) setChart(b.data)
    else setError(b.error)
  }
  useEffect(() => {
    load()
  }, [preset, by])

  const copy = () => {
    if (!summary) return
    Taro.setClipboardData({ data: summary.paragraph }).then(
      () => setNote('已复制，可以粘贴到总结材料里'),
      () => setNote('复制失败，请长按文字复制'),
    )
  }
  const exportBook = (kind: (typeof BOOKS)[number]['kind']) =>
    exporting
      .run(() => stats.export({ ...period(), kind }))
      .then(async (r) => {
        if (!r) return
        setNote(`${r.fileName}：${r.rows} 行`)
        await openBook(r.tempFileURL)
      })

  const defs = new Map((summary?.definitions ?? []).map((d) => [d.key, d]))
  const figureKeys = [
    'patrolIssues',
    'disputesResolved',
    'requestsResolved',
    'microServices',
    'gridServices',
    'materials',
    'lectures',
    'partyClasses',
    'meetings',
  ] as const

  return (
    <PageShell label="统计与台账">
      <Text className="title">统计与台账</Text>
      <View className="seg" role="tablist" aria-label="统计周期">
        {PRESETS.map((p) => (
          <View
            key={p.code}
            className={preset === p.code ? 'seg__item seg__item--on' : 'seg__item'}
            role="tab"
            aria-selected={preset === p.code}
            data-testid={`period-${p.code}`}
            onClick={() => setPreset(p.code)}
          >
            <Text>{p.name}</Text>
          </View>
        ))}
      </View>
      {preset === 'custom' && (
        <View className="card">
          <TextField
            label="开始日期"
            value={from}
            onInput={setFrom}
            max={10}
            multiline={false}
            testId="stats-from"
          />
          <TextField
            label="结束日期"
            value={to}
            onInput={setTo}
            max={10}
            multiline={false}
            testId="stats-to"
          />
          <BigButton kind="plain" onClick={load} testId="stats-apply">
            查询
          </BigButton>
        </View>
      )}
      <ErrorNotice error={error} onRetry={load} />
      {!summary && !error && <Loading />}
      {summary && (
        <>
          <Text className="section-title" data-testid="stats-scope">
            {summary.scope.name} · {summary.period.from} 至 {summary.period.to}
          </Text>
          <View className="card" aria-label="今年以来">
            <Text className="card__text" data-testid="stats-paragraph">
              {summary.paragraph}
            </Text>
            <BigButton kind="plain" onClick={copy} testId="stats-copy">
              复制这段文字
            </BigButton>
            {note && (
              <View className="form-hint" role="status">
                <Text>{note}</Text>
              </View>
            )}
          </View>
          {figureKeys.map((k) => (
            <View key={k} className="card" data-testid={`figure-${k}`}>
              <View className="row-end">
                <Text className="card__title">{defs.get(k)?.name ?? k}</Text>
                <Text className="card__title">
                  {summary.figures[k]} {defs.get(k)?.unit}
                </Text>
              </View>
              <Text className="card__text">{defs.get(k)?.definition}</Text>
            </View>
          ))}
          <View className="card" aria-label="宣传活动">
            <Text className="card__title">宣传活动（次）</Text>
            {summary.themes.map((t) => (
              <Text key={t.code} className="card__text">
                {t.name}：{summary.figures.campaigns[t.code] ?? 0}
              </Text>
            ))}
          </View>
          <View className="card" aria-label="三率">
            <Text className="card__title">三率</Text>
            {(['signForOnTime', 'resolveOnTime', 'satisfaction', 'reopen'] as const).map((k) => (
              <View key={k}>
                <Text className="card__text">
                  {defs.get(k)?.name}：{percent(summary.rates[k])}
                </Text>
                <Text className="field__count">{defs.get(k)?.definition}</Text>
              </View>
            ))}
            <Text className="card__text">
              平均办结时长：
              {summary.rates.avgResolveHours === null ? '—' : `${summary.rates.avgResolveHours} 小时`}
            </Text>
          </View>
          <View className="seg" role="tablist" aria-label="图表">
            {(['month', 'village'] as const).map((b) => (
              <View
                key={b}
                className={by === b ? 'seg__item seg__item--on' : 'seg__item'}
                role="tab"
                aria-selected={by === b}
                onClick={() => setBy(b)}
              >
                <Text>{b === 'month' ? '按月' : '按村'}</Text>
              </View>
            ))}
          </View>
          {chart && (
            <ServicesChart rows={chart.rows} label={by === 'month' ? '每月微网格服务' : '各村微网格服务'} />
          )}
          <Text className="section-title">导出台账（Excel）</Text>
          <ErrorNotice error={exporting.error} />
          {BOOKS.map((b) => (
            <BigButton
              key={b.kind}
              kind="plain"
              busy={exporting.busy}
              onClick={() => exportBook(b.kind)}
              testId={`export-${b.kind}`}
            >
              导出{b.name}
            </BigButton>
          ))}
        </>
      )}
    </PageShell>
  )
}

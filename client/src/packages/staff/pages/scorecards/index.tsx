/**
 * 五员考核: this month's (or an earlier month's) scorecards for grid workers or village guides in the
 * caller's scope, ranked; each person's line lists every rule with its points and why.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import BigButton from '../../../../components/BigButton'
import { stats, type Scorecards as Cards } from '../../../../services/api'
import { serverNow } from '../../../../services/clock'
import type { CallError } from '../../../../services/cloud'
import { openBook } from '../../lib/openBook'
import { beijingToday } from '../../lib/today'
import { useAction } from '../../../../hooks/useAction'

const ROLES = [
  { code: 'gridWorker', name: '网格工作员' },
  { code: 'villageGuide', name: '村级指导员' },
] as const

export default function Scorecards() {
  const [role, setRole] = useState<'gridWorker' | 'villageGuide'>('gridWorker')
  const [month, setMonth] = useState(beijingToday().slice(0, 7))
  const [cards, setCards] = useState<Cards | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [error, setError] = useState<CallError | null>(null)
  const exporting = useAction()

  const load = async (m = month) => {
    setCards(null)
    setError(null)
    const r = await stats.scorecards({ month: m, role })
    if (r.ok) setCards(r.data)
    else setError(r.error)
  }
  useEffect(() => {
    serverNow().then((ms) => {
      const m = beijingToday(ms).slice(0, 7)
      setMonth(m)
      load(m)
    })
  }, [role])

  return (
    <PageShell label="五员考核">
      <Text className="title">五员考核</Text>
      <View className="seg" role="tablist">
        {ROLES.map((r) => (
          <View
            key={r.code}
            className={role === r.code ? 'seg__item seg__item--on' : 'seg__item'}
            role="tab"
            aria-selected={role === r.code}
            onClick={() => setRole(r.code)}
          >
            <Text>{r.name}</Text>
          </View>
        ))}
      </View>
      <TextField
        label="月份（年-月）"
        value={month}
        onInput={setMonth}
        max={7}
        multiline={false}
        testId="score-month"
      />
      <BigButton kind="plain" onClick={() => load()}>
        查询
      </BigButton>
      <ErrorNotice error={error} onRetry={() => load()} />
      {!cards && !error && <Loading />}
      {cards && (
        <>
          <ErrorNotice error={exporting.error} />
          <BigButton
            kind="plain"
            busy={exporting.busy}
            testId="export-scorecards"
            onClick={() =>
              exporting
                .run(() => stats.export({ kind: 'scorecards', month: cards.month, role: cards.role }))
                .then((r) => r && openBook(r.tempFileURL))
            }
          >
            导出考核表（Excel）
          </BigButton>
          <View className="card" aria-label="考核规则">
            <Text className="card__title">
              考核规则（满分 {cards.rules.reduce((a, r) => a + r.weight, 0)}）
            </Text>
            {cards.rules.map((r) => (
              <Text key={r.measure} className="card__text">
                {r.name}：{r.weight} 分{r.target ? `，${r.target} 次得满分` : '，按比例得分'}
              </Text>
            ))}
          </View>
          {cards.rows.map((row) => (
            <View
              key={row.staffId}
              className="card"
              role="button"
              data-testid={`score-${row.staffId}`}
              onClick={() => setOpen(open === row.staffId ? null : row.staffId)}
            >
              <View className="row-end">
                <Text className="card__title">
                  第 {row.rank} 名 · {row.name}
                </Text>
                <Text className="card__title">{row.total} 分</Text>
              </View>
              <Text className="card__text">{row.place}</Text>
              {open === row.staffId &&
                row.items.map((i) => (
                  <Text key={i.measure} className="card__text">
                    {i.why}
                  </Text>
                ))}
            </View>
          ))}
        </>
      )}
    </PageShell>
  )
}

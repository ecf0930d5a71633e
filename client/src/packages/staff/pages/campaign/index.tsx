/**
 * 宣传活动: a theme from the town's list, the date, the grids it covered and the materials handed out.
 * The form is kept as a draft on the phone (with its request id) until the record is saved.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { useMe } from '../../../../hooks/useMe'
import { newClientRequestId } from '../../../../lib/ids'
import { back } from '../../../../lib/nav'
import { records, type RecordOptions } from '../../../../services/api'
import { serverNow } from '../../../../services/clock'
import type { CallError } from '../../../../services/cloud'
import { dropRecordDraft, keepRecordDraft, recordDraft } from '../../../../services/drafts'
import type { RecordDraft } from '../../../../lib/drafts'
import DraftRestored from '../../components/DraftRestored'
import MyGrids from '../../components/MyGrids'
import { beijingToday } from '../../lib/today'

const FORM = 'campaign'

export default function Campaign() {
  const { me, error, refresh } = useMe()
  const [options, setOptions] = useState<RecordOptions | null>(null)
  const [loadError, setLoadError] = useState<CallError | null>(null)

  useEffect(() => {
    records.options().then((r) => (r.ok ? setOptions(r.data) : setLoadError(r.error)))
  }, [])

  return (
    <PageShell label="宣传活动">
      <Text className="title">宣传活动</Text>
      <ErrorNotice error={error ?? loadError} onRetry={refresh} />
      {me && <CampaignForm key={me.openid} me={me} options={options} />}
    </PageShell>
  )
}

type MeView = NonNullable<ReturnType<typeof useMe>['me']>

function CampaignForm({ me, options }: { me: MeView; options: RecordOptions | null }) {
  const [draft] = useState<RecordDraft | null>(() => recordDraft(me.openid, FORM))
  const [theme, setTheme] = useState(draft?.text.theme ?? '')
  const [date, setDate] = useState(draft?.preset?.date ?? beijingToday())
  const [gridIds, setGridIds] = useState<string[]>(draft?.gridIds ?? [])
  const [materials, setMaterials] = useState(draft?.text.materials ?? '')
  const [note, setNote] = useState(draft?.text.note ?? '')
  const [requestId] = useState(() => draft?.clientRequestId ?? newClientRequestId())
  const [done, setDone] = useState(false)
  const [hint, setHint] = useState('')
  const action = useAction()

  useEffect(() => {
    if (!draft?.preset?.date) serverNow().then((ms) => setDate(beijingToday(ms)))
  }, [])
  useEffect(() => {
    if (done) return
    keepRecordDraft(me.openid, FORM, {
      kind: 'record',
      savedAt: Date.now(),
      clientRequestId: requestId,
      text: { theme, materials, note },
      preset: { date },
      gridIds,
    })
  }, [theme, date, gridIds, materials, note, done])

  const save = () => {
    const n = Number(materials || '0')
    const problem = !theme
      ? '请选择宣传主题'
      : gridIds.length === 0
        ? '请选择网格'
        : !Number.isInteger(n) || n < 0
          ? '发放资料份数应为整数'
          : ''
    setHint(problem)
    if (problem) return
    action
      .run(() =>
        records.logCampaign({
          clientRequestId: requestId,
          theme,
          date,
          gridIds,
          materials: n,
          note: note.trim(),
        }),
      )
      .then((r) => {
        if (!r) return
        dropRecordDraft(me.openid, FORM)
        setDone(true)
      })
  }

  return (
    <>
      {done ? (
        <View className="card" role="status">
          <Text className="done__title">✓ 宣传活动已记录</Text>
          <BigButton kind="plain" onClick={back}>
            返回
          </BigButton>
        </View>
      ) : (
        <>
          <DraftRestored shown={draft !== null} />
          <View className="field">
            <Text className="field__label">宣传主题</Text>
            <View className="tiles" role="radiogroup" aria-label="宣传主题">
              {(options?.themes ?? []).map((t) => (
                <View
                  key={t.code}
                  className={theme === t.code ? 'tile tile--on' : 'tile'}
                  role="radio"
                  aria-checked={theme === t.code}
                  aria-label={t.name}
                  data-testid={`theme-${t.code}`}
                  onClick={() => setTheme(t.code)}
                >
                  <Text className="tile__name">{t.name}</Text>
                </View>
              ))}
            </View>
          </View>
          <TextField label="日期（年-月-日）" value={date} onInput={setDate} max={10} multiline={false} />
          <MyGrids me={me} value={gridIds} onChange={setGridIds} multiple />
          <TextField
            label="发放宣传资料（份）"
            value={materials}
            onInput={setMaterials}
            max={6}
            multiline={false}
            type="number"
            testId="campaign-materials"
          />
          <TextField label="说明（可不填）" value={note} onInput={setNote} max={200} />
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={save} testId="campaign-save">
            保存
          </BigButton>
        </>
      )}
    </>
  )
}

/**
 * 我要上报: (first time only) choose the home grid, then the form (a kept draft carried on); after
 * submitting, the ticket number and the promised deadline ("11月27日 17:30 前办结").
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import PageShell from '../../components/PageShell'
import ReportForm from '../../components/ReportForm'
import GridPicker from '../../components/GridPicker'
import ErrorNotice from '../../components/ErrorNotice'
import Loading from '../../components/Loading'
import SubmittedCard from '../../components/SubmittedCard'
import { residents, type Submitted } from '../../services/api'
import { refreshMe } from '../../services/session'
import { reportDraft } from '../../services/drafts'
import { useMe } from '../../hooks/useMe'
import { useAction } from '../../hooks/useAction'
import { PAGES } from '../../lib/nav'

/** The form, carrying on a report this person left unsent (page left, app closed, send failed). */
function ReportWithDraft(props: {
  openid: string
  gridId?: string
  round: number
  onDone: (s: Submitted) => void
}) {
  const [draft] = useState(() => reportDraft(props.openid))
  const carried = props.round === 0 ? draft : null
  return (
    <>
      <Text className="subtitle">
        {carried ? '接着上次没发出的上报填写' : '拍张照片，说几句话，点“提交”就行'}
      </Text>
      <ReportForm
        key={props.round}
        openid={props.openid}
        gridId={props.gridId ?? carried?.gridId}
        draft={carried}
        onDone={props.onDone}
      />
    </>
  )
}

export default function Report() {
  const { me, error, loading, refresh } = useMe()
  const { gridId } = useRouter().params
  const [done, setDone] = useState<Submitted | null>(null)
  const [round, setRound] = useState(0)
  const choose = useAction()

  const needsGrid = me && !me.staff && !me.resident?.homeGridId && !gridId

  return (
    <PageShell label="我要上报">
      <Text className="title">我要上报</Text>
      {loading && <Loading />}
      <ErrorNotice error={error} onRetry={refresh} />
      {done && (
        <SubmittedCard
          done={done}
          onMore={() => {
            setDone(null)
            setRound(round + 1)
          }}
        />
      )}
      {!done && needsGrid && (
        <>
          <Text className="subtitle">第一次上报，请先选择您家所在的网格（只需选一次）</Text>
          <ErrorNotice error={choose.error} />
          <GridPicker
            onPick={(g) =>
              choose.run(() => residents.setHomeGrid(g._id)).then((ok) => ok && refreshMe().then(refresh))
            }
          />
        </>
      )}
      {!done && me && !needsGrid && (
        <ReportWithDraft key={me.openid} openid={me.openid} gridId={gridId} round={round} onDone={setDone} />
      )}
      {!done && (
        <View
          className="btn-link"
          role="button"
          aria-label="返回首页"
          onClick={() => Taro.reLaunch({ url: PAGES.home })}
        >
          <Text>‹ 返回首页</Text>
        </View>
      )}
    </PageShell>
  )
}

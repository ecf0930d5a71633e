/**
 * 更正上报人的网格 (staff in the ticket's scope): the resident's home grid is wrong, so their later
 * reports would go to the wrong worker. Pick the right grid, confirm with its name said, done; the
 * change is on the audit log. This ticket stays where it is (转办 moves a ticket).
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BigButton from '../../../components/BigButton'
import ErrorNotice from '../../../components/ErrorNotice'
import GridPicker from '../../../components/GridPicker'
import { useAction } from '../../../hooks/useAction'
import { roster } from '../../../services/api'

type Step = { kind: 'closed' } | { kind: 'picking' } | { kind: 'confirm'; gridId: string; name: string }

export default function ReporterGridFix({ ticketId }: { ticketId: string }) {
  const [step, setStep] = useState<Step>({ kind: 'closed' })
  const [done, setDone] = useState('')
  const action = useAction()

  const confirm = (gridId: string) =>
    action
      .run(() => roster.correctResidentGrid(ticketId, gridId))
      .then((r) => {
        if (!r) return
        setDone(r.gridName)
        setStep({ kind: 'closed' })
      })

  return (
    <View data-testid="reporter-grid-fix">
      {done && (
        <View className="notice notice--ok" role="status" data-testid="reporter-grid-done">
          <Text>✓ 上报人的网格已更正为 {done}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      {step.kind === 'closed' && (
        <View
          className="btn-link"
          role="button"
          aria-label="更正上报人的网格"
          data-testid="fix-reporter-grid"
          onClick={() => {
            setDone('')
            setStep({ kind: 'picking' })
          }}
        >
          <Text>上报人的网格不对？更正</Text>
          <Text aria-hidden="true">›</Text>
        </View>
      )}
      {step.kind === 'picking' && (
        <>
          <GridPicker
            title="上报人住在哪个村（社区）？"
            onPick={(g, v) => setStep({ kind: 'confirm', gridId: g._id, name: `${v.name}${g.name}` })}
          />
          <BigButton kind="plain" onClick={() => setStep({ kind: 'closed' })}>
            取消
          </BigButton>
        </>
      )}
      {step.kind === 'confirm' && (
        <View className="notice" role="alert" data-testid="confirm-reporter-grid">
          <Text className="notice__title">把上报人的网格改为 {step.name}？</Text>
          <Text className="notice__text">
            以后这位群众上报的事项交给{step.name}办理。这张工单不变，如需换人办理请用“转办”。
          </Text>
          <BigButton
            busy={action.busy}
            onClick={() => confirm(step.gridId)}
            testId="confirm-reporter-grid-yes"
          >
            确定改为 {step.name}
          </BigButton>
          <BigButton kind="plain" onClick={() => setStep({ kind: 'picking' })}>
            重新选择
          </BigButton>
        </View>
      )}
    </View>
  )
}

/**
 * The buttons for what this viewer may do now; tapping one opens its short form in place (no
 * pop-up). Refusals stay on screen; CONFLICT offers a refresh.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { supervision, type AssigneeOption, type TicketView } from '../../../services/api'
import { useAction } from '../../../hooks/useAction'
import BigButton from '../../../components/BigButton'
import ErrorNotice from '../../../components/ErrorNotice'
import GridPicker from '../../../components/GridPicker'
import PhotoPicker from '../../../components/PhotoPicker'
import TextField from '../../../components/TextField'
import { ACTIONS, checkValues, type Values } from './actionSpecs'
import { newClientRequestId } from '../../../lib/ids'

interface Props {
  ticket: TicketView
  openid: string
  onChanged: (t: TicketView) => void
  onReload: () => void
}

const EMPTY: Values = { text: {}, photos: [], gridId: '' }

export default function ActionPanel({ ticket, openid, onChanged, onReload }: Props) {
  const [open, setOpen] = useState('')
  const [values, setValues] = useState<Values>(EMPTY)
  const [gridName, setGridName] = useState('')
  const [hint, setHint] = useState('')
  const [done, setDone] = useState('')
  const [uploading, setUploading] = useState(false)
  const [people, setPeople] = useState<AssigneeOption[] | null>(null)
  // One per opened form: a second tap after a lost answer is the same request (the server answers it once).
  const [requestId, setRequestId] = useState(newClientRequestId)
  const action = useAction()

  const allowed = Object.keys(ACTIONS).filter((c) => ticket.allowedCommands.includes(c))
  const spec = open ? ACTIONS[open] : null

  // 改派: once a grid is picked, who there can take it (the routing chooses if nobody is picked).
  useEffect(() => {
    setPeople(null)
    if (!spec?.people || !values.gridId) return
    supervision.assignees(values.gridId).then((r) => r.ok && setPeople(r.data.items))
  }, [open, values.gridId])

  const choose = (cmd: string) => {
    setOpen(cmd === open ? '' : cmd)
    setRequestId(newClientRequestId())
    setValues(EMPTY)
    setGridName('')
    setHint('')
    setDone('')
    action.setError(null)
    // A one-step action needs no form: 签收 happens on the tap.
    if (!ACTIONS[cmd].fields && !ACTIONS[cmd].grid) submit(cmd, EMPTY)
  }

  function submit(cmd: string, v: Values) {
    const s = ACTIONS[cmd]
    const problem = uploading ? '照片还在上传，请稍等' : checkValues(s, v)
    setHint(problem)
    if (problem) return
    action
      .run(() => s.run({ ticketId: ticket._id, expectedVersion: ticket.version }, v, requestId))
      .then((r) => {
        if (!r) return
        setOpen('')
        setDone(s.done)
        onChanged(r.ticket)
      })
  }

  const setText = (key: string, value: string) =>
    setValues((v) => ({ ...v, text: { ...v.text, [key]: value } }))

  if (allowed.length === 0 && !done && !action.error) return null
  return (
    <View className="actions" aria-label="办理操作">
      {done && (
        <View className="notice notice--ok" role="status" data-testid="action-done">
          <Text>✓ {done}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} onRetry={action.error?.code === 'CONFLICT' ? onReload : undefined} />
      <View className="action-buttons">
        {allowed.map((cmd) => (
          <BigButton
            key={cmd}
            kind={cmd === allowed[0] ? 'main' : ACTIONS[cmd].danger ? 'danger' : 'plain'}
            busy={action.busy && open === cmd}
            onClick={() => choose(cmd)}
            testId={`action-${cmd}`}
          >
            {ACTIONS[cmd].label}
          </BigButton>
        ))}
      </View>
      {spec && (spec.fields || spec.grid) && (
        <View className="card" aria-label={`${spec.label}表单`}>
          <Text className="section-title">{spec.label}</Text>
          {spec.grid &&
            (values.gridId ? (
              <View
                className="btn-link"
                role="button"
                aria-label={`已选 ${gridName}，点按重新选择`}
                onClick={() => setValues((v) => ({ ...v, gridId: '', assigneeId: '' }))}
              >
                <Text>已选：{gridName}</Text>
                <Text>重选</Text>
              </View>
            ) : (
              <GridPicker
                exclude={spec.sameGrid ? undefined : ticket.gridId}
                title={spec.grid}
                onPick={(g, vil) => {
                  setValues((v) => ({ ...v, gridId: g._id }))
                  setGridName(`${vil.name} ${g.name}`)
                }}
              />
            ))}
          {spec.people && values.gridId && people && people.length > 0 && (
            <View className="choices" role="radiogroup" aria-label="交给谁办理">
              <Text className="card__meta">交给谁办理（不选则由系统按网格指派）</Text>
              {people
                .filter((p) => p.staffId !== ticket.assigneeId)
                .map((p) => (
                  <View
                    key={p.staffId}
                    className={values.assigneeId === p.staffId ? 'choice choice--on' : 'choice'}
                    role="radio"
                    aria-checked={values.assigneeId === p.staffId}
                    aria-label={`${p.roleName} ${p.name}`}
                    data-testid={`assignee-${p.staffId}`}
                    onClick={() =>
                      setValues((v) => ({ ...v, assigneeId: v.assigneeId === p.staffId ? '' : p.staffId }))
                    }
                  >
                    <Text>
                      {p.name}（{p.roleName}）
                    </Text>
                  </View>
                ))}
            </View>
          )}
          {spec.fields?.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              value={values.text[f.key] ?? ''}
              max={f.max}
              onInput={(x) => setText(f.key, x)}
              testId={`field-${f.key}`}
            />
          ))}
          {spec.photos && (
            <PhotoPicker
              openid={openid}
              label={spec.photos}
              onChange={(ids, busy) => {
                setValues((v) => ({ ...v, photos: ids }))
                setUploading(busy)
              }}
            />
          )}
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <BigButton
            kind={spec.danger ? 'danger' : 'main'}
            busy={action.busy}
            onClick={() => submit(open, values)}
            testId={`confirm-${open}`}
          >
            {`确认${spec.label}`}
          </BigButton>
        </View>
      )}
    </View>
  )
}

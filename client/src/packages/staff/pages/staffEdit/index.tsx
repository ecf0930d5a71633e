/**
 * 修改工作人员 (the grid office only), opened from a 花名册 card: change the name or phone; adjust
 * role and places (a move); deactivate; or reactivate someone deactivated. A move or a
 * deactivation shows, on this same screen, the open tasks that leave with the person and who takes
 * them (default: each along its grid's chain), and carries the handover out with the change.
 */
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { StaffRole } from '@shared/model/roles'
import BigButton from '../../../../components/BigButton'
import EmptyState from '../../../../components/EmptyState'
import ErrorNotice from '../../../../components/ErrorNotice'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { back } from '../../../../lib/nav'
import { roster, type HandoverPlan, type HandoverReport, type StaffRow } from '../../../../services/api'
import HandoverPanel, { AUTOMATIC } from '../../components/HandoverPanel'
import Segments from '../../components/Segments'
import { RolePicker, ScopeFields, type PickedGrid } from '../../components/StaffScopeFields'
import { pickedStaff } from '../../lib/pickedStaff'
import {
  handoverText,
  newStaffRequest,
  occupiedBy,
  placesText,
  rolesText,
  staffFormProblem,
} from '../../lib/rosterText'

type Mode = 'details' | 'move' | 'deactivate'
const MODES = [
  ['details', '修改资料'],
  ['move', '调整范围'],
  ['deactivate', '停用'],
] as const

function Done({ text }: { text: string }) {
  return (
    <>
      <View className="notice notice--ok" role="status" data-testid="staff-done">
        <Text>✓ {text}</Text>
      </View>
      <BigButton onClick={back}>返回花名册</BigButton>
    </>
  )
}

export default function StaffEdit() {
  const { staffId = '' } = useRouter().params
  const row: StaffRow | null = pickedStaff(staffId)
  const [mode, setMode] = useState<Mode>('details')
  const [name, setName] = useState(row?.name ?? '')
  const [phone, setPhone] = useState(row?.phone ?? '')
  const [role, setRole] = useState<StaffRole | null>((row?.roles[0] as StaffRole | undefined) ?? null)
  const [grid, setGrid] = useState<PickedGrid>(
    row && row.grids[0] && row.villages[0] ? { grid: row.grids[0], village: row.villages[0] } : null,
  )
  const [villageIds, setVillageIds] = useState<string[]>(row?.villages.map((v) => v._id) ?? [])
  const [plan, setPlan] = useState<HandoverPlan | null>(null)
  const [successor, setSuccessor] = useState(AUTOMATIC)
  const [reason, setReason] = useState('')
  const [hint, setHint] = useState('')
  const [occupied, setOccupied] = useState('')
  const [done, setDone] = useState('')
  const action = useAction()

  const placesChange = () => {
    const form = { name, phone, role, gridId: grid?.grid._id ?? null, villageIds }
    const problem = staffFormProblem(form)
    if (problem || form.role === null) return { problem: problem ?? '请选择角色', change: null }
    const r = newStaffRequest({ ...form, role: form.role })
    return { problem: null, change: { roles: r.roles, villageIds: r.villageIds, gridIds: r.gridIds } }
  }

  // 停用: the plan for leaving, as soon as the mode is chosen.
  useEffect(() => {
    setPlan(null)
    setSuccessor(AUTOMATIC)
    setHint('')
    if (mode === 'deactivate' && row)
      action.run(() => roster.handoverPlan({ staffId })).then((p) => p && setPlan(p))
  }, [mode])

  if (!row)
    return (
      <PageShell label="修改工作人员">
        <EmptyState text="请从花名册中选择要修改的人" />
        <BigButton onClick={back}>返回花名册</BigButton>
      </PageShell>
    )

  const finish = (verb: string) => (r: HandoverReport | null) => {
    if (r) setDone(`${verb}${handoverText(r)}`)
  }
  const saveDetails = () => {
    if (name.trim() === '') return setHint('请填写姓名')
    if (!/^1[3-9]\d{9}$/.test(phone.trim())) return setHint('请填写 11 位手机号')
    setHint('')
    action
      .run(() => roster.updateStaff({ staffId, name: name.trim(), phone: phone.trim() }))
      .then(finish(`已保存 ${name.trim()} 的资料`))
  }
  const previewMove = () => {
    const { problem, change } = placesChange()
    setHint(problem ?? '')
    if (!change) return
    action.run(() => roster.handoverPlan({ staffId, ...change })).then((p) => p && setPlan(p))
  }
  const confirmMove = (slot?: 'second' | 'replace') => {
    const { change } = placesChange()
    if (!change) return
    setOccupied('')
    action
      .run<HandoverReport | null>(async () => {
        const r = await roster.updateStaff({
          staffId,
          ...change,
          ...(slot ? { gridWorkerSlot: slot } : {}),
          successorId: successor || null,
          reason: reason.trim() || '调整负责范围',
        })
        const holder = r.ok ? null : occupiedBy(r.error)
        if (holder !== null) {
          setOccupied(holder)
          return { ok: true as const, data: null }
        }
        return r
      })
      .then(finish(`已调整 ${row.name} 的负责范围`))
  }
  const confirmDeactivate = () => {
    if (reason.trim().length < 2) return setHint('请填写停用原因（至少 2 个字）')
    setHint('')
    action
      .run(() => roster.deactivateStaff({ staffId, successorId: successor || null, reason: reason.trim() }))
      .then(finish(`已停用 ${row.name}`))
  }
  const reactivate = () =>
    action.run(() => roster.reactivateStaff(staffId)).then((r) => r && setDone(`已重新启用 ${row.name}`))

  return (
    <PageShell label="修改工作人员">
      <Text className="title">{row.name}</Text>
      <Text className="card__text">
        {rolesText(row.roles)} · {placesText(row)}
      </Text>
      <Text className="card__meta">
        {row.bound ? '已绑定微信' : '未绑定微信'}
        {row.active ? '' : ' · 已停用'}
      </Text>
      {done ? (
        <Done text={done} />
      ) : !row.active ? (
        <>
          <ErrorNotice error={action.error} />
          <BigButton busy={action.busy} onClick={reactivate} testId="reactivate">
            重新启用
          </BigButton>
        </>
      ) : (
        <>
          <Segments label="要做什么" options={MODES} value={mode} onChange={setMode} testId="edit-mode" />
          {mode === 'details' && (
            <>
              <TextField
                label="姓名"
                value={name}
                onInput={setName}
                max={20}
                multiline={false}
                testId="edit-name"
              />
              <TextField
                label="手机号"
                value={phone}
                onInput={setPhone}
                max={11}
                multiline={false}
                type="number"
                testId="edit-phone"
              />
            </>
          )}
          {mode === 'move' && (
            <>
              <Text className="section-title">角色</Text>
              <RolePicker
                value={role}
                onChange={(r) => {
                  setRole(r)
                  setPlan(null)
                }}
              />
              <Text className="section-title">负责范围</Text>
              <ScopeFields
                role={role}
                grid={grid}
                onGrid={(g) => {
                  setGrid(g)
                  setPlan(null)
                }}
                villageIds={villageIds}
                onVillages={(ids) => {
                  setVillageIds(ids)
                  setPlan(null)
                }}
              />
            </>
          )}
          {mode !== 'details' && action.busy && !plan && <Loading />}
          {plan && <HandoverPanel plan={plan} successorId={successor} onSuccessor={setSuccessor} />}
          {mode !== 'details' && plan && (
            <TextField
              label={mode === 'deactivate' ? '停用原因（会写入移交记录）' : '调整原因（可不填）'}
              value={reason}
              onInput={setReason}
              max={100}
              multiline={false}
              testId="edit-reason"
            />
          )}
          {hint && (
            <View className="form-hint" role="alert">
              <Text>{hint}</Text>
            </View>
          )}
          <ErrorNotice error={action.error} />
          {occupied && (
            <View className="card" role="alert" data-testid="slot-choice">
              <Text className="card__title">该网格已有网格工作员{occupied}</Text>
              <BigButton kind="plain" onClick={() => confirmMove('second')} testId="slot-second">
                作为第二位工作员
              </BigButton>
              <BigButton kind="plain" onClick={() => confirmMove('replace')} testId="slot-replace">
                替换{occupied}（{occupied}手上的任务不变）
              </BigButton>
            </View>
          )}
          {mode === 'details' && (
            <BigButton busy={action.busy} onClick={saveDetails} testId="save-details">
              保存
            </BigButton>
          )}
          {mode === 'move' && !plan && (
            <BigButton busy={action.busy} onClick={previewMove} testId="preview-move">
              下一步：查看需要移交的任务
            </BigButton>
          )}
          {mode === 'move' && plan && !occupied && (
            <BigButton busy={action.busy} onClick={() => confirmMove()} testId="confirm-move">
              确认调整{plan.moving.length > 0 ? '并移交任务' : ''}
            </BigButton>
          )}
          {mode === 'deactivate' && plan && (
            <BigButton
              kind="danger"
              busy={action.busy}
              onClick={confirmDeactivate}
              testId="confirm-deactivate"
            >
              确认停用{plan.moving.length > 0 ? '并移交任务' : ''}
            </BigButton>
          )}
        </>
      )}
    </PageShell>
  )
}

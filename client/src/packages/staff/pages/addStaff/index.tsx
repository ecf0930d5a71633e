/**
 * 新增工作人员 (the grid office only): name, phone, one role, and where the person works — a grid
 * (village → group) for grid workers and informants, villages for guides and supervisors, the whole
 * town for the grid office. Sends roster.createStaff and shows the invite code big, with its expiry.
 * A grid that already has a 网格工作员 is never taken silently: the office chooses 增加 (a second
 * worker beside them) or 替换 (with its consequence spelled out) before anything is written.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffRole } from '@shared/model/roles'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { back } from '../../../../lib/nav'
import { roster, type IssuedInvite } from '../../../../services/api'
import { serverNow } from '../../../../services/clock'
import InviteCode from '../../components/InviteCode'
import { RolePicker, ScopeFields, type PickedGrid } from '../../components/StaffScopeFields'
import { newStaffRequest, occupiedBy, staffFormProblem } from '../../lib/rosterText'

type Slot = 'second' | 'replace'

/** The choice when the grid's post is held: add beside the holder, or replace them (and what that means). */
function SlotChoice({
  grid,
  holder,
  name,
  onPick,
}: {
  grid: string
  holder: string
  name: string
  onPick: (s: Slot) => void
}) {
  return (
    <View
      className="card"
      role="alert"
      aria-label={`${grid}已有网格工作员${holder}`}
      data-testid="slot-choice"
    >
      <Text className="card__title">
        {grid}已有网格工作员{holder}
      </Text>
      <BigButton
        kind="plain"
        onClick={() => onPick('second')}
        testId="slot-second"
        label={`增加${name}为第二位工作员`}
      >
        增加为第二位工作员
      </BigButton>
      <Text className="card__meta">
        {holder}继续负责{grid}，新上报先交给{holder}；{name}绑定微信后也能接收本网格的任务。
      </Text>
      <BigButton
        kind="plain"
        onClick={() => onPick('replace')}
        testId="slot-replace"
        label={`用${name}替换${holder}`}
      >
        替换{holder}
      </BigButton>
      <Text className="card__meta">
        {name}成为{grid}的网格工作员。{name}绑定微信之前，新上报仍交给{holder}；{holder}
        手上的未办结任务不变，需要时在花名册中停用{holder}并移交。
      </Text>
    </View>
  )
}

export default function AddStaff() {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [role, setRole] = useState<StaffRole | null>(null)
  const [grid, setGrid] = useState<PickedGrid>(null)
  const [villageIds, setVillageIds] = useState<string[]>([])
  const [hint, setHint] = useState('')
  const [occupied, setOccupied] = useState<{ holder: string } | null>(null)
  const [issued, setIssued] = useState<{ invite: IssuedInvite; name: string; now: number } | null>(null)
  const action = useAction()

  const form = { name, phone, role, gridId: grid?.grid._id ?? null, villageIds }
  const submit = (slot?: Slot) => {
    const problem = staffFormProblem(form)
    setHint(problem ?? '')
    if (problem || form.role === null) return
    const request = {
      ...newStaffRequest({ ...form, role: form.role }),
      ...(slot ? { gridWorkerSlot: slot } : {}),
    }
    setOccupied(null)
    action
      .run<IssuedInvite | null>(async () => {
        const r = await roster.createStaff(request)
        const holder = r.ok ? null : occupiedBy(r.error)
        if (holder !== null) {
          setOccupied({ holder })
          return { ok: true as const, data: null }
        }
        return r
      })
      .then(async (r) => {
        if (r) setIssued({ invite: r, name: request.name, now: await serverNow() })
      })
  }
  const again = () => {
    setName('')
    setPhone('')
    setRole(null)
    setGrid(null)
    setVillageIds([])
    setIssued(null)
    setOccupied(null)
  }

  if (issued)
    return (
      <PageShell label="新增工作人员">
        <Text className="title">新增工作人员</Text>
        <View className="notice notice--ok" role="status">
          <Text>✓ 已加入花名册：{issued.name}</Text>
        </View>
        <InviteCode invite={issued.invite} name={issued.name} now={issued.now} />
        <BigButton onClick={again} testId="add-another">
          再新增一位
        </BigButton>
        <BigButton kind="plain" onClick={back}>
          返回花名册
        </BigButton>
      </PageShell>
    )

  return (
    <PageShell label="新增工作人员">
      <Text className="title">新增工作人员</Text>
      <Text className="section-title">1. 姓名和手机号</Text>
      <TextField label="姓名" value={name} onInput={setName} max={20} multiline={false} testId="staff-name" />
      <TextField
        label="手机号"
        value={phone}
        onInput={setPhone}
        max={11}
        multiline={false}
        type="number"
        testId="staff-phone"
      />
      <Text className="section-title">2. 角色</Text>
      <RolePicker
        value={role}
        onChange={(r) => {
          setRole(r)
          setOccupied(null)
        }}
      />
      {role && <Text className="section-title">3. 负责范围</Text>}
      <ScopeFields
        role={role}
        grid={grid}
        onGrid={(g) => {
          setGrid(g)
          setOccupied(null)
        }}
        villageIds={villageIds}
        onVillages={setVillageIds}
      />
      {hint && (
        <View className="form-hint" role="alert">
          <Text>{hint}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      {occupied && grid ? (
        <SlotChoice
          grid={`${grid.village.name}${grid.grid.name}`}
          holder={occupied.holder}
          name={name.trim()}
          onPick={(slot) => submit(slot)}
        />
      ) : (
        <BigButton busy={action.busy} onClick={() => submit()} testId="create-staff">
          生成邀请码
        </BigButton>
      )}
    </PageShell>
  )
}

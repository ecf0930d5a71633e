/**
 * 新增工作人员 (the grid office only): name, phone, one role, and where the person works — a grid
 * (village → group) for grid workers and informants, villages for guides and supervisors, the whole
 * town for the grid office. Sends roster.createStaff and shows the invite code big, with its expiry.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { StaffRole } from '@shared/model/roles'
import BigButton from '../../../../components/BigButton'
import ErrorNotice from '../../../../components/ErrorNotice'
import GridPicker from '../../../../components/GridPicker'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { roleName } from '../../../../lib/format'
import { back } from '../../../../lib/nav'
import { residents, roster, type IssuedInvite, type Place } from '../../../../services/api'
import { serverNow } from '../../../../services/clock'
import InviteCode from '../../components/InviteCode'
import { FORM_ROLES, newStaffRequest, scopeKind, staffFormProblem } from '../../lib/rosterText'

function RolePicker({ value, onChange }: { value: StaffRole | null; onChange: (r: StaffRole) => void }) {
  return (
    <View role="radiogroup" aria-label="角色">
      {FORM_ROLES.map((r) => (
        <View
          key={r}
          className="btn-link"
          role="radio"
          aria-checked={value === r}
          aria-label={roleName(r)}
          onClick={() => onChange(r)}
        >
          <Text>{roleName(r)}</Text>
          <Text className={value === r ? 'toggle__state toggle__state--on' : 'toggle__state'}>
            {value === r ? '◉ 已选' : '○'}
          </Text>
        </View>
      ))}
    </View>
  )
}

function VillageChecklist({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const [villages, setVillages] = useState<Place[] | null>(null)
  useEffect(() => {
    residents.villages().then((r) => r.ok && setVillages(r.data.items))
  }, [])
  if (!villages) return <Loading />
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id])
  return (
    <View role="group" aria-label="负责的村，可多选">
      {villages.map((v) => (
        <View
          key={v._id}
          className="btn-link"
          role="checkbox"
          aria-checked={value.includes(v._id)}
          aria-label={`负责${v.name}`}
          onClick={() => toggle(v._id)}
        >
          <Text>{v.name}</Text>
          <Text className={value.includes(v._id) ? 'toggle__state toggle__state--on' : 'toggle__state'}>
            {value.includes(v._id) ? '☑ 负责' : '☐'}
          </Text>
        </View>
      ))}
    </View>
  )
}

export default function AddStaff() {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [role, setRole] = useState<StaffRole | null>(null)
  const [grid, setGrid] = useState<{ grid: Place; village: Place } | null>(null)
  const [villageIds, setVillageIds] = useState<string[]>([])
  const [hint, setHint] = useState('')
  const [issued, setIssued] = useState<{ invite: IssuedInvite; name: string; now: number } | null>(null)
  const action = useAction()

  const form = { name, phone, role, gridId: grid?.grid._id ?? null, villageIds }
  const submit = () => {
    const problem = staffFormProblem(form)
    setHint(problem ?? '')
    if (problem || form.role === null) return
    const request = newStaffRequest({ ...form, role: form.role })
    action
      .run(() => roster.createStaff(request))
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

  const kind = role ? scopeKind(role) : null
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
      <RolePicker value={role} onChange={setRole} />
      {kind && <Text className="section-title">3. 负责范围</Text>}
      {kind === 'grid' &&
        (grid ? (
          <View className="btn-link" role="button" aria-label="重新选择网格" onClick={() => setGrid(null)}>
            <Text data-testid="picked-grid">
              已选：{grid.village.name} {grid.grid.name}
            </Text>
            <Text>重新选择 ›</Text>
          </View>
        ) : (
          <GridPicker title="请选择村（社区），再选组" onPick={(g, v) => setGrid({ grid: g, village: v })} />
        ))}
      {kind === 'villages' && <VillageChecklist value={villageIds} onChange={setVillageIds} />}
      {kind === 'town' && <Text className="card__meta">全镇（不用选择）</Text>}
      {hint && (
        <View className="form-hint" role="alert">
          <Text>{hint}</Text>
        </View>
      )}
      <ErrorNotice error={action.error} />
      <BigButton busy={action.busy} onClick={submit} testId="create-staff">
        生成邀请码
      </BigButton>
    </PageShell>
  )
}

/**
 * 花名册 (the grid office only): the town's staff — roles, where they work, whether their WeChat is
 * bound and their invite's state — found by name, phone, village or grid (`石桥村`, `石桥村一组`),
 * filtered by role, binding and duty, paged by "加载更多". From here: 新增, 导入, 一格五员, 操作记录;
 * on a card: 修改/停用 (with the handover on the same screen) and 重新生成邀请码, which asks first
 * and then shows only the live code and its expiry.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { StaffRole } from '@shared/model/roles'
import BigButton from '../../../../components/BigButton'
import EmptyState from '../../../../components/EmptyState'
import ErrorNotice from '../../../../components/ErrorNotice'
import LoadMore from '../../../../components/LoadMore'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { usePaged } from '../../../../hooks/usePaged'
import { roleName } from '../../../../lib/format'
import { go } from '../../../../lib/nav'
import { roster, type IssuedInvite, type StaffQuery, type StaffRow } from '../../../../services/api'
import InviteCode from '../../components/InviteCode'
import Segments from '../../components/Segments'
import { pickStaff } from '../../lib/pickedStaff'
import { FORM_ROLES, inviteText, placesText, rolesText } from '../../lib/rosterText'

type RoleFilter = StaffRole | 'all'
type Tri = 'all' | 'yes' | 'no'
const ROLE_OPTIONS: (readonly [RoleFilter, string])[] = [
  ['all', '全部角色'],
  ...FORM_ROLES.map((r) => [r, roleName(r)] as const),
]
const BOUND_OPTIONS = [
  ['all', '全部'],
  ['yes', '已绑定'],
  ['no', '未绑定'],
] as const
const ACTIVE_OPTIONS = [
  ['all', '全部'],
  ['yes', '在岗'],
  ['no', '已停用'],
] as const
const tri = (t: Tri): boolean | undefined => (t === 'all' ? undefined : t === 'yes')

function StaffCard({
  row,
  now,
  issued,
  busy,
  onRegenerate,
}: {
  row: StaffRow
  now: number
  issued?: IssuedInvite
  busy: boolean
  onRegenerate: () => void
}) {
  const [asking, setAsking] = useState(false)
  const edit = () => {
    pickStaff(row)
    go('staffEdit', { staffId: row._id })
  }
  return (
    <View
      className="card"
      aria-label={`${row.name}，${rolesText(row.roles)}`}
      data-testid={`person-${row._id}`}
    >
      <View className="card__head">
        <Text className="card__title">{row.name}</Text>
        <Text className={row.bound ? 'tag tag--closed' : 'tag tag--pendingSignFor'}>
          {row.bound ? '已绑定' : '未绑定'}
        </Text>
      </View>
      <Text className="card__text">{rolesText(row.roles)}</Text>
      <Text className="card__meta">负责：{placesText(row)}</Text>
      <Text className="card__meta">电话：{row.phone}</Text>
      {!issued && <Text className="card__meta">{inviteText(row, now)}</Text>}
      {!row.active && <Text className="card__level">已停用</Text>}
      {issued && <InviteCode invite={issued} name={row.name} now={now} />}
      <View className="action-buttons">
        <BigButton kind="plain" onClick={edit} label={`修改或停用${row.name}`} testId={`edit-${row._id}`}>
          {row.active ? '修改 / 停用' : '查看 / 重新启用'}
        </BigButton>
        {row.active && !row.bound && !issued && !asking && (
          <BigButton kind="plain" onClick={() => setAsking(true)} label={`给${row.name}重新生成邀请码`}>
            重新生成邀请码
          </BigButton>
        )}
      </View>
      {asking && !issued && (
        <View className="notice" role="alert" data-testid="confirm-regenerate">
          <Text className="notice__text">重新生成后，{row.name}原来的邀请码立即作废。确定吗？</Text>
          <View className="action-buttons">
            <BigButton
              busy={busy}
              onClick={() => {
                setAsking(false)
                onRegenerate()
              }}
              label={`确定给${row.name}重新生成`}
            >
              确定重新生成
            </BigButton>
            <BigButton kind="plain" onClick={() => setAsking(false)} label="取消">
              取消
            </BigButton>
          </View>
        </View>
      )}
    </View>
  )
}

export default function Roster() {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const [role, setRole] = useState<RoleFilter>('all')
  const [bound, setBound] = useState<Tri>('all')
  const [active, setActive] = useState<Tri>('all')
  const [issued, setIssued] = useState<Record<string, IssuedInvite>>({})
  const [working, setWorking] = useState('')
  const action = useAction()
  const filters: StaffQuery = {
    query,
    ...(role !== 'all' ? { role } : {}),
    ...(tri(bound) !== undefined ? { bound: tri(bound) } : {}),
    ...(tri(active) !== undefined ? { active: tri(active) } : {}),
  }
  const list = usePaged((cursor) => roster.listStaff({ cursor, pageSize: 20, ...filters }))

  const first = useRef(true)
  useEffect(() => {
    if (first.current)
      first.current = false // the first load is the page's show
    else list.reload()
  }, [query, role, bound, active])

  const search = () => setQuery(typed.trim())
  const clear = () => {
    setTyped('')
    setQuery('')
  }
  const regenerate = (row: StaffRow) => {
    setWorking(row._id)
    action
      .run(() => roster.regenerateInvite(row._id))
      .then((r) => {
        setWorking('')
        if (r) setIssued((old) => ({ ...old, [row._id]: r }))
      })
  }
  const filtered = query !== '' || role !== 'all' || bound !== 'all' || active !== 'all'

  return (
    <PageShell label="花名册">
      <Text className="title">花名册</Text>
      <BigButton onClick={() => go('addStaff')} testId="go-add-staff">
        新增工作人员
      </BigButton>
      <View className="action-buttons">
        <BigButton kind="plain" onClick={() => go('importRoster')} testId="go-import">
          导入花名册
        </BigButton>
        <BigButton kind="plain" onClick={() => go('gridTeam')} testId="go-grid-team">
          一格五员
        </BigButton>
        <BigButton kind="plain" onClick={() => go('structure')} testId="go-structure">
          村和网格
        </BigButton>
        <BigButton kind="plain" onClick={() => go('auditLog')} testId="go-audit-log">
          操作记录
        </BigButton>
      </View>
      <View className="search" role="search" aria-label="查找工作人员">
        <TextField
          label="查找：姓名、手机号、村或网格（如 石桥村一组）"
          value={typed}
          onInput={setTyped}
          max={30}
          multiline={false}
          testId="staff-search"
        />
        <View className="action-buttons">
          <BigButton kind="plain" onClick={search} label="查找">
            查找
          </BigButton>
          {query && (
            <BigButton kind="plain" onClick={clear} label="显示全部">
              显示全部
            </BigButton>
          )}
        </View>
      </View>
      <Segments label="角色" options={ROLE_OPTIONS} value={role} onChange={setRole} testId="filter-role" />
      <Segments
        label="微信绑定"
        options={BOUND_OPTIONS}
        value={bound}
        onChange={setBound}
        testId="filter-bound"
      />
      <Segments
        label="在岗状态"
        options={ACTIVE_OPTIONS}
        value={active}
        onChange={setActive}
        testId="filter-active"
      />
      {query && (
        <Text className="status" data-testid="search-prefix">
          查找“{query}”的结果
        </Text>
      )}
      <ErrorNotice error={list.error ?? action.error} onRetry={list.error ? list.reload : undefined} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && (
        <EmptyState text={filtered ? '没有找到符合条件的工作人员' : '花名册还是空的'} />
      )}
      {list.items.map((row) => (
        <StaffCard
          key={row._id}
          row={row}
          now={list.now}
          issued={issued[row._id]}
          busy={working === row._id}
          onRegenerate={() => regenerate(row)}
        />
      ))}
      <LoadMore more={list.more} busy={list.loading} onMore={list.loadMore} />
    </PageShell>
  )
}

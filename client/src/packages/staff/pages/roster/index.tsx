/**
 * 花名册 (the grid office only): the town's staff by name — roles, where they work, whether their
 * WeChat is bound and their invite's state — searchable by the start of a name, paged by
 * "加载更多". 新增工作人员 opens the form; an unbound person can be given a new invite code.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import BigButton from '../../../../components/BigButton'
import EmptyState from '../../../../components/EmptyState'
import ErrorNotice from '../../../../components/ErrorNotice'
import LoadMore from '../../../../components/LoadMore'
import Loading from '../../../../components/Loading'
import PageShell from '../../../../components/PageShell'
import TextField from '../../../../components/TextField'
import { useAction } from '../../../../hooks/useAction'
import { usePaged } from '../../../../hooks/usePaged'
import { go } from '../../../../lib/nav'
import { roster, type IssuedInvite, type StaffRow } from '../../../../services/api'
import InviteCode from '../../components/InviteCode'
import { inviteText, placesText, rolesText } from '../../lib/rosterText'

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
      <Text className="card__meta">{inviteText(row, now)}</Text>
      {!row.active && <Text className="card__level">已停用</Text>}
      {issued && <InviteCode invite={issued} name={row.name} now={now} />}
      {!row.bound && !issued && (
        <BigButton kind="plain" busy={busy} onClick={onRegenerate} label={`给${row.name}重新生成邀请码`}>
          重新生成邀请码
        </BigButton>
      )}
    </View>
  )
}

export default function Roster() {
  const [typed, setTyped] = useState('')
  const [prefix, setPrefix] = useState('')
  const [issued, setIssued] = useState<Record<string, IssuedInvite>>({})
  const [working, setWorking] = useState('')
  const action = useAction()
  const list = usePaged((cursor) => roster.listStaff({ cursor, namePrefix: prefix, pageSize: 20 }))

  const first = useRef(true)
  useEffect(() => {
    if (first.current)
      first.current = false // the first load is the page's show
    else list.reload()
  }, [prefix])

  const search = () => setPrefix(typed.trim())
  const clear = () => {
    setTyped('')
    setPrefix('')
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

  return (
    <PageShell label="花名册">
      <Text className="title">花名册</Text>
      <BigButton onClick={() => go('addStaff')} testId="go-add-staff">
        新增工作人员
      </BigButton>
      <View className="search" role="search" aria-label="按姓名查找">
        <TextField
          label="按姓名查找（输入姓或姓名开头）"
          value={typed}
          onInput={setTyped}
          max={20}
          multiline={false}
          testId="staff-search"
        />
        <View className="action-buttons">
          <BigButton kind="plain" onClick={search} label="查找">
            查找
          </BigButton>
          {prefix && (
            <BigButton kind="plain" onClick={clear} label="显示全部">
              显示全部
            </BigButton>
          )}
        </View>
      </View>
      {prefix && (
        <Text className="status" data-testid="search-prefix">
          姓名以“{prefix}”开头的工作人员
        </Text>
      )}
      <ErrorNotice error={list.error ?? action.error} onRetry={list.error ? list.reload : undefined} />
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.items.length === 0 && (
        <EmptyState text={prefix ? '没有找到这个姓名的工作人员' : '花名册还是空的'} />
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

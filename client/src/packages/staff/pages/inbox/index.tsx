/**
 * 任务收件箱: counts per status (the server's, over all the assignee's tasks — not just the loaded
 * page), then the tasks — awaiting sign-for first, then by deadline — each with a countdown in
 * words ("剩余 3小时20分" / "⚠ 已超时 2小时").
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import PageShell from '../../../../components/PageShell'
import PagedList from '../../../../components/PagedList'
import TicketRow from '../../../../components/TicketRow'
import { tasks, type InboxFilter } from '../../../../services/api'
import { usePaged } from '../../../../hooks/usePaged'
import { statusName } from '../../../../lib/format'
import { inboxCountChips, type InboxCounts } from '../../../../lib/inboxCounts'
import { inboxOrder } from '../../../../lib/inboxOrder'
import { go } from '../../../../lib/nav'
import AlertsOptIn from '../../components/AlertsOptIn'

/** 待评价 has its own tab: counted above, and listed here (办结 and waiting for the resident's rating). */
const TABS: { filter: InboxFilter; label: string; aria: string }[] = [
  { filter: 'todo', label: '待办', aria: '待办任务' },
  { filter: 'resolved', label: '待评价', aria: '已办结、等群众评价的任务' },
  { filter: 'done', label: '已办结', aria: '已办结的任务' },
]

export default function Inbox() {
  const [filter, setFilter] = useState<InboxFilter>('todo')
  const [serverCounts, setServerCounts] = useState<InboxCounts | null>(null)
  const list = usePaged((cursor) =>
    tasks.inbox({ cursor, filter, pageSize: 50 }).then((r) => {
      if (r.ok && r.data.counts) setServerCounts(r.data.counts) // the first page of any filter carries them
      return r
    }),
  )
  const rows = filter === 'todo' ? [...list.items].sort(inboxOrder) : list.items
  const counts = inboxCountChips(serverCounts)

  const first = useRef(true)
  useEffect(() => {
    if (first.current)
      first.current = false // the first load is the page's show
    else list.reload()
  }, [filter])
  const pick = (f: InboxFilter) => setFilter(f)

  return (
    <PageShell label="任务收件箱">
      <Text className="title">任务收件箱</Text>
      <AlertsOptIn />
      <View className="seg" role="tablist">
        {TABS.map((f) => (
          <View
            key={f.filter}
            className={filter === f.filter ? 'seg__item seg__item--on' : 'seg__item'}
            role="tab"
            aria-selected={filter === f.filter}
            aria-label={f.aria}
            data-testid={`inbox-tab-${f.filter}`}
            onClick={() => pick(f.filter)}
          >
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      {filter === 'todo' && counts.length > 0 && (
        <View className="counts" aria-label="各状态数量" data-testid="inbox-counts">
          {counts.map((c) => (
            <Text key={c.status} className="counts__item">
              {statusName(c.status)} {c.n}
            </Text>
          ))}
        </View>
      )}
      <PagedList
        list={list}
        rows={rows}
        empty={{
          text: '暂无工单',
          hint:
            filter === 'todo'
              ? '新任务会出现在这里'
              : filter === 'resolved'
                ? '办结后等群众评价的任务会在这里'
                : undefined,
        }}
      >
        {(row) => (
          <TicketRow
            key={row._id}
            row={row}
            now={list.now}
            showCountdown={filter === 'todo'}
            onOpen={() => go('task', { id: row._id })}
          />
        )}
      </PagedList>
    </PageShell>
  )
}

/**
 * One ticket's detail, loaded on show; `apply` takes a mutation's answer (the updated ticket). A
 * mutation answers the ticket without the grid, village and assignee names: they are kept while
 * the grid and assignee stay the same, and read again when a transfer or re-dispatch moved them.
 */
import { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { tickets, type TicketDetailView, type TicketView } from '../services/api'
import type { CallError } from '../services/cloud'
import { serverNow } from '../services/clock'

export function useTicket(ticketId: string | undefined) {
  const [ticket, setTicket] = useState<TicketDetailView | null>(null)
  const [error, setError] = useState<CallError | null>(null)
  const [loading, setLoading] = useState(true)
  const [now, setNow] = useState(Date.now())

  const load = useCallback(
    async (quietIfGone: boolean) => {
      if (!ticketId) {
        setLoading(false)
        setError({ code: 'NOT_FOUND', message: '没有找到这个工单' })
        return
      }
      setLoading(true)
      const [r, at] = await Promise.all([tickets.detail(ticketId), serverNow()])
      setNow(at)
      setLoading(false)
      if (r.ok) {
        setTicket(r.data.ticket)
        setError(null)
      } else if (!(quietIfGone && r.error.code === 'FORBIDDEN')) setError(r.error)
    },
    [ticketId],
  )

  const reload = useCallback(() => load(false), [load])

  useDidShow(() => {
    reload()
  })

  const apply = (t: TicketView) => {
    const moved = ticket === null || ticket.gridId !== t.gridId || ticket.assigneeId !== t.assigneeId
    setTicket((old) => ({
      ...t,
      gridName: moved ? null : (old?.gridName ?? null),
      villageName: moved ? null : (old?.villageName ?? null),
      assigneeName: moved ? null : (old?.assigneeName ?? null),
    }))
    // After a 转办 the ticket is another grid's: the worker may no longer open it, and that is the
    // success they asked for, not a refusal to show. The answer already holds what changed.
    if (moved) load(true)
  }
  return { ticket, error, loading, now, reload, apply }
}

/**
 * 超时督办: overdue tickets in the caller's scope — urgent first, then the highest level and the
 * longest overdue; level in words (催办/督办/挂牌督办), how late, who owns it with their number (masked;
 * 查看号码 asks for it, logged) and a call button,
 * and a warning when the 企业微信 group could not be told. Filter by level.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import PageShell from '../../../../components/PageShell'
import PagedList from '../../../../components/PagedList'
import TicketRow from '../../../../components/TicketRow'
import { supervision } from '../../../../services/api'
import { usePaged } from '../../../../hooks/usePaged'
import { LEVEL_NAMES } from '../../../../lib/format'
import { go } from '../../../../lib/nav'
import AlertsOptIn from '../../components/AlertsOptIn'
import RevealPhone, { useReveal } from '../../../../components/RevealPhone'

/** The owner's number, masked until asked for (查看号码 is logged), then the call button. */
function OwnerPhone({ ticketId, name, masked }: { ticketId: string; name: string | null; masked: string }) {
  const reveal = useReveal(ticketId, 'assignee')
  return (
    <>
      <Text className="card__meta" data-testid={`owner-phone-${ticketId}`}>
        {reveal.phone ?? masked}
      </Text>
      <RevealPhone reveal={reveal} who={`责任人${name ?? ''}`} callLabel="拨打电话" testId={ticketId} />
    </>
  )
}

export default function Overdue() {
  const [minLevel, setMinLevel] = useState(1)
  const list = usePaged((cursor) => supervision.overdueBoard({ cursor, minLevel, pageSize: 20 }))
  const first = useRef(true)
  useEffect(() => {
    if (first.current) first.current = false
    else list.reload()
  }, [minLevel])

  return (
    <PageShell label="超时督办">
      <Text className="title">超时督办</Text>
      <AlertsOptIn />
      <View className="seg" role="tablist" aria-label="督办级别">
        {[1, 2, 3].map((l) => (
          <View
            key={l}
            className={minLevel === l ? 'seg__item seg__item--on' : 'seg__item'}
            role="tab"
            aria-selected={minLevel === l}
            aria-label={l === 1 ? '全部超时工单' : `${LEVEL_NAMES[l]}及以上`}
            onClick={() => setMinLevel(l)}
          >
            <Text>{l === 1 ? '全部' : `${LEVEL_NAMES[l]}起`}</Text>
          </View>
        ))}
      </View>
      <PagedList list={list} empty={{ text: '暂无超时工单' }}>
        {(row) => (
          <View key={row._id}>
            <TicketRow
              row={row}
              now={list.now}
              showCountdown
              showOwner
              onOpen={() => go('task', { id: row._id })}
            />
            {(row.assigneePhone || row.robot?.state === 'failed') && (
              <View className="call-row">
                {row.robot?.state === 'failed' && (
                  <Text className="robot-failed" data-testid={`robot-failed-${row._id}`}>
                    企业微信群提醒发送失败，请电话告知
                  </Text>
                )}
                {row.assigneePhone && (
                  <OwnerPhone ticketId={row._id} name={row.assigneeName} masked={row.assigneePhone} />
                )}
              </View>
            )}
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}

/**
 * 超时督办: overdue tickets in the caller's scope — urgent first, then the highest level and the
 * longest overdue; level in words (催办/督办/挂牌督办), how late, who owns it with a call button,
 * and a warning when the 企业微信 group could not be told. Filter by level.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import PageShell from '../../../../components/PageShell'
import PagedList from '../../../../components/PagedList'
import TicketRow from '../../../../components/TicketRow'
import { supervision } from '../../../../services/api'
import { usePaged } from '../../../../hooks/usePaged'
import { LEVEL_NAMES } from '../../../../lib/format'
import { go } from '../../../../lib/nav'
import AlertsOptIn from '../../components/AlertsOptIn'

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
                  <View
                    className="btn btn--plain"
                    role="button"
                    aria-label={`拨打责任人${row.assigneeName ?? ''}的电话 ${row.assigneePhone}`}
                    data-testid={`call-${row._id}`}
                    onClick={() => Taro.makePhoneCall({ phoneNumber: row.assigneePhone as string })}
                  >
                    <Text>拨打 {row.assigneePhone}</Text>
                  </View>
                )}
              </View>
            )}
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}

/**
 * Home. Residents: 我要上报 (the main action), a report kept unsent on the phone (sent with one tap),
 * 我的上报, 消息中心 with the unread count; 工作人员绑定 behind a small "我是工作人员" link.
 * Staff (after roster.me says so): their entries — 任务收件箱, 超时督办, 退单待派, 代报, 巡查记录,
 * and for the grid office 花名册 and 号码查看记录.
 * A `gridId` or a grid code's `scene` in the address becomes the resident's home grid the first time.
 */
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import PageShell from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { messages, residents } from '../../services/api'
import {
  hasAnyRole,
  PROXY_ROLES,
  REDISPATCH_ROLES,
  STAFF_ROLES_WITH_INBOX,
  SUPERVISING_ROLES,
} from '../../services/session'
import { useMe } from '../../hooks/useMe'
import { go, type PAGES } from '../../lib/nav'
import { roleName } from '../../lib/format'
import { gridFromScene } from '../../lib/scene'
import ErrorNotice from '../../components/ErrorNotice'
import PrivacyNotice from '../../components/PrivacyNotice'
import DraftNotice from '../../components/DraftNotice'
import UnstaffedGrids from '../../components/UnstaffedGrids'
import MyGrid from '../../components/MyGrid'
import CalendarWarning from '../../components/CalendarWarning'

function NavRow({
  label,
  aria,
  page,
  badge,
  testId,
}: {
  label: string
  aria: string
  page: keyof typeof PAGES
  badge?: string
  testId?: string
}) {
  return (
    <View className="btn-link" role="button" aria-label={aria} data-testid={testId} onClick={() => go(page)}>
      <Text>{label}</Text>
      <View className="row-end">
        {badge && <Text className="badge">{badge}</Text>}
        <Text aria-hidden="true">›</Text>
      </View>
    </View>
  )
}

export default function Index() {
  // Shown again (back from 工作人员绑定, say): who-am-I and the unread count are read anew.
  const { me, error, refresh } = useMe({ refreshOnShow: true })
  // A grid's 小程序码 carries the grid as `scene`; a shared link as `gridId`.
  const params = useRouter().params
  const gridId = params.gridId ?? gridFromScene(params.scene)
  const [unread, setUnread] = useState(0)
  const [fallbackId, setFallbackId] = useState('')

  useDidShow(() => {
    messages.unreadCount().then((r) => r.ok && setUnread(r.data.count))
  })

  // The identity line still works when the roster cannot answer (e.g. before the town is set up).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !error) return
    callFunction<{ openid: string }>('system', { action: 'whoami' }).then(
      (r) => r.ok && setFallbackId(r.data.openid),
    )
  }, [error])

  // A grid QR code: adopt its grid as the home grid the first time.
  useEffect(() => {
    if (!gridId || !me || me.resident?.homeGridId) return
    residents.setHomeGrid(gridId).then((r) => {
      if (r.ok) refresh()
    })
  }, [gridId, me])

  const staff = me && me.staff !== null
  const roles = me?.roles
    .filter((r) => r !== 'resident')
    .map(roleName)
    .join('、')
  const needsGrid = me && !staff && !me.resident?.homeGridId && !gridId

  return (
    <PageShell label="一网首页">
      <Text className="title">一网</Text>
      <Text className="subtitle">全镇一张网，有事找网格</Text>
      <PrivacyNotice />
      <View
        className="btn-main"
        role="button"
        aria-label="我要上报，反映身边的问题"
        data-testid="go-report"
        onClick={() => go('report', { gridId })}
      >
        <Text>我要上报</Text>
      </View>
      {me && !staff && <DraftNotice key={me.openid} openid={me.openid} />}
      <NavRow label="我的上报" aria="我的上报，查看办理进度" page="mine" />
      <NavRow
        label="消息中心"
        aria={unread ? `消息中心，${unread}条未读` : '消息中心'}
        page="messages"
        badge={unread ? `${unread}条未读` : undefined}
        testId="go-messages"
      />
      {needsGrid && <NavRow label="选择我家所在的网格" aria="第一次使用，请选择您家所在的网格" page="grid" />}
      {me?.resident?.homeGridId && <MyGrid homeGridId={me.resident.homeGridId} onChanged={refresh} />}
      {staff && (
        <View className="staff-box" aria-label="工作人员入口">
          <Text className="section-title">工作人员{roles ? `（${roles}）` : ''}</Text>
          {hasAnyRole(me, STAFF_ROLES_WITH_INBOX) && (
            <NavRow label="任务收件箱" aria="任务收件箱" page="inbox" testId="go-inbox" />
          )}
          {hasAnyRole(me, SUPERVISING_ROLES) && (
            <NavRow label="超时督办" aria="超时督办" page="overdue" testId="go-overdue" />
          )}
          {hasAnyRole(me, REDISPATCH_ROLES) && (
            <NavRow label="退单待派" aria="退单待派" page="returned" testId="go-returned" />
          )}
          {hasAnyRole(me, PROXY_ROLES) && (
            <NavRow label="代报" aria="代群众上报" page="proxy" testId="go-proxy" />
          )}
          {hasAnyRole(me, ['gridWorker']) && (
            <NavRow label="巡查记录" aria="巡查和摸排记录" page="patrol" testId="go-patrol" />
          )}
          <NavRow
            label="工作记录"
            aria="屋场会、宣传活动、微服务、宣讲记录"
            page="records"
            testId="go-records"
          />
          <NavRow label="统计与台账" aria="统计数据、今年以来和台账导出" page="stats" testId="go-stats" />
          {hasAnyRole(me, ['admin', 'townGuide', 'townSupervisor', 'villageGuide']) && (
            <NavRow
              label="五员考核"
              aria="五员考核：每月评分和排名"
              page="scorecards"
              testId="go-scorecards"
            />
          )}
          {hasAnyRole(me, ['admin']) && (
            <NavRow label="花名册" aria="花名册：工作人员和邀请码" page="roster" testId="go-roster" />
          )}
          {hasAnyRole(me, ['admin']) && (
            <NavRow
              label="号码查看记录"
              aria="号码查看记录：谁在什么时候查看了哪张工单的电话号码"
              page="revealLog"
              testId="go-reveal-log"
            />
          )}
          {hasAnyRole(me, ['admin']) && (
            <NavRow
              label="本镇设置"
              aria="本镇设置：事项分类与时限、督办、消息模板、节假日与调休"
              page="townSettings"
              testId="go-town-settings"
            />
          )}
          {hasAnyRole(me, ['admin']) && <UnstaffedGrids />}
          {hasAnyRole(me, ['admin']) && <CalendarWarning />}
        </View>
      )}
      <NavRow label="我的信息" aria="我的信息：查看、导出、更正、注销" page="me" testId="go-me" />
      {error && !fallbackId && <ErrorNotice error={error} onRetry={refresh} />}
      {me && !staff && (
        <View
          className="link-quiet"
          role="button"
          aria-label="我是工作人员，用邀请码绑定"
          data-testid="go-bind"
          onClick={() => go('bind')}
        >
          <Text>我是工作人员</Text>
        </View>
      )}
      {/* The raw identity helps only a developer: the browser (dev) build shows it, WeChat never. */}
      {process.env.TARO_ENV === 'h5' && (
        <Text className="status" data-testid="whoami">
          当前身份：{me ? me.openid : fallbackId || (error ? '未能确认' : '正在确认…')}
          {me && roles ? `（${roles}）` : ''}
        </Text>
      )}
    </PageShell>
  )
}

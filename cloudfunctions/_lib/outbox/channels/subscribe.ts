/**
 * What a staff member's "allow" means, per template kind. A one-time template: one credit per tap,
 * spent by a send. A long-term template (长期订阅, open to 政务民生 mini-programs): the consent is
 * recorded once (credits = 1) and a send does not spend it; "reject" or "ban" (turned off in
 * WeChat's settings) records it as off (0), and so does a send WeChat refuses with 43101 (the
 * dispatch). Off means the person is reached in-app and through the group robots only.
 */
import type { AlertChannels, Staff, SubscribeDecision, TemplateConfig } from '@shared/index'
import { db } from '../../platform/cloud'
import { C } from '../../store/collections'
import { isDuplicateKey } from '../../store/transactions'
import { grantCredit, subscriptionId, type SubscriptionDocument } from '../subscriptions'

async function setConsent(
  townId: string,
  openid: string,
  templateId: string,
  on: boolean,
  now: Date,
): Promise<void> {
  const _id = subscriptionId(openid, templateId)
  const data = { credits: on ? 1 : 0, updatedAt: now.toISOString() }
  const subs = db().collection<SubscriptionDocument>(C.subscriptions)
  const res = await subs.doc(_id).update({ data })
  if (res.stats.updated === 1 || !on) return
  try {
    await subs.add({ data: { _id, townId, openid, templateId, ...data } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await subs.doc(_id).update({ data })
  }
}

/** Records what the client reported from `wx.requestSubscribeMessage`. */
export async function recordSubscribeReport(
  templates: TemplateConfig,
  townId: string,
  openid: string,
  results: Record<string, SubscribeDecision>,
  now: Date,
): Promise<void> {
  const longTerm = new Set(
    Object.values(templates)
      .filter((t) => t.longTerm)
      .map((t) => t.templateId),
  )
  for (const [templateId, decision] of Object.entries(results)) {
    if (longTerm.has(templateId)) {
      if (decision === 'accept') await setConsent(townId, openid, templateId, true, now)
      else if (decision === 'reject' || decision === 'ban')
        await setConsent(townId, openid, templateId, false, now)
    } else if (decision === 'accept') await grantCredit(townId, openid, templateId, now)
  }
}

/** Whether a group robot posts alerts that concern this staff member (their villages', or the town office's). */
export const robotReaches = (c: AlertChannels, staff: Pick<Staff, 'roles' | 'scope'>): boolean =>
  (c.robots.town !== null &&
    staff.roles.some((r) => r === 'admin' || r === 'townGuide' || r === 'townSupervisor')) ||
  staff.scope.villageIds.some((v) => c.robots.villages[v] !== undefined) ||
  (c.robots.town !== null && staff.scope.villageIds.some((v) => c.robots.villages[v] === undefined))

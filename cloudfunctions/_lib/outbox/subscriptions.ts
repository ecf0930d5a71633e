/**
 * Subscribe-message credits (docs/architecture.md, "Notifications"): each "allow" tap in wx.requestSubscribeMessage earns one
 * send of that template to that user; the client reports the taps, the outbox spends the credits.
 * One document per openid and template, `_id` derived from both.
 */
import { createHash } from 'node:crypto'
import { db } from '../platform/cloud'
import { C } from '../store/collections'
import { isDuplicateKey } from '../store/transactions'

export interface SubscriptionDocument {
  _id: string
  townId: string
  openid: string
  templateId: string
  credits: number
  updatedAt: string
}

export const subscriptionId = (openid: string, templateId: string): string =>
  `s_${createHash('sha1').update(`${openid}\u0000${templateId}`).digest('hex').slice(0, 32)}`

const subscriptions = () => db().collection<SubscriptionDocument>(C.subscriptions)

/** One more credit (an atomic increment; the first tap creates the document). */
export async function grantCredit(
  townId: string,
  openid: string,
  templateId: string,
  now: Date,
): Promise<void> {
  const _id = subscriptionId(openid, templateId)
  const at = now.toISOString()
  const inc = { data: { credits: db().command.inc(1), updatedAt: at } }
  const res = await subscriptions().doc(_id).update(inc)
  if (res.stats.updated === 1) return
  try {
    await subscriptions().add({ data: { _id, townId, openid, templateId, credits: 1, updatedAt: at } })
  } catch (err) {
    // Two taps raced to create it: the other one did; count this one on top.
    if (!isDuplicateKey(err)) throw err
    await subscriptions().doc(_id).update(inc)
  }
}

/** Credits held for many (openid, template) pairs at once, by subscription id (one query per 100). */
export async function creditsHeld(
  pairs: ReadonlyArray<{ openid: string; templateId: string }>,
): Promise<Map<string, number>> {
  const ids = [...new Set(pairs.map((p) => subscriptionId(p.openid, p.templateId)))]
  const held = new Map<string, number>()
  for (let i = 0; i < ids.length; i += 100) {
    const { data } = await subscriptions()
      .where({ _id: db().command.in(ids.slice(i, i + 100)) })
      .field({ credits: true })
      .limit(100)
      .get()
    for (const d of data) held.set(d._id, d.credits)
  }
  return held
}

/** Credits held per template id (one query). */
export async function creditsOf(
  openid: string,
  templateIds: readonly string[],
): Promise<Record<string, number>> {
  const held = await creditsHeld(templateIds.map((templateId) => ({ openid, templateId })))
  return Object.fromEntries(templateIds.map((t) => [t, held.get(subscriptionId(openid, t)) ?? 0]))
}

/** Spends one credit if there is one (a conditional update: two senders never spend the same one). */
export async function spendCredit(openid: string, templateId: string): Promise<boolean> {
  const _ = db().command
  const res = await subscriptions()
    .where({ _id: subscriptionId(openid, templateId), credits: _.gt(0) })
    .update({ data: { credits: _.inc(-1) } })
  return res.stats.updated === 1
}

/** Gives back a credit the send did not use (it failed before WeChat delivered anything). */
export async function refundCredit(openid: string, templateId: string): Promise<void> {
  await subscriptions()
    .doc(subscriptionId(openid, templateId))
    .update({ data: { credits: db().command.inc(1) } })
}

/** WeChat says the user has no credit (43101): our count was stale. */
export async function clearCredits(openid: string, templateId: string): Promise<void> {
  await subscriptions()
    .doc(subscriptionId(openid, templateId))
    .update({ data: { credits: 0 } })
}

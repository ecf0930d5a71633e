/**
 * `messages.reportSubscriptions` with a client request id: the credits and a receipt of the report
 * are written in one transaction, so a retried report adds nothing and answers what the first one
 * answered. The receipt lives beside the credits (`subscriptions`, `_id` = the request's key, with
 * the caller's openid, so deleting an account removes it too) and is never read as a credit.
 */
import type { SubscribeDecision, TemplateConfig } from '@shared/index'
import { C } from '../_lib/store/collections'
import { subscriptionId, type SubscriptionDocument } from '../_lib/outbox/subscriptions'
import type { Transaction } from '../_lib/platform/sdkTypes'
import { Abort, inTransaction, isDuplicateKey } from '../_lib/store/transactions'
import { db } from '../_lib/platform/cloud'

interface ReportReceipt {
  _id: string
  townId: string
  openid: string
  kind: 'subscribeReport'
  /** What the report answered: credits per template id after it. */
  credits: Record<string, number>
  updatedAt: string
}

/** The credits a decision leaves (null: the document is left as it is, or not created). */
function creditsAfter(held: number | null, decision: SubscribeDecision, longTerm: boolean): number | null {
  if (longTerm) {
    if (decision === 'accept') return 1
    if (decision === 'reject' || decision === 'ban') return held === null ? null : 0
    return null
  }
  return decision === 'accept' ? (held ?? 0) + 1 : null
}

/** Applies one report in `txn`, as `recordSubscribeReport` does outside a transaction. */
async function applyReport(
  txn: Transaction,
  templates: TemplateConfig,
  townId: string,
  openid: string,
  results: Record<string, SubscribeDecision>,
  at: string,
): Promise<Record<string, number>> {
  const longTerm = new Set(
    Object.values(templates)
      .filter((t) => t.longTerm)
      .map((t) => t.templateId),
  )
  const subs = txn.collection<SubscriptionDocument>(C.subscriptions)
  const credits: Record<string, number> = {}
  for (const [templateId, decision] of Object.entries(results)) {
    const _id = subscriptionId(openid, templateId)
    const { data } = await subs.doc(_id).get()
    const held = data === null ? null : data.credits
    const next = creditsAfter(held, decision, longTerm.has(templateId))
    credits[templateId] = next ?? held ?? 0
    if (next === null) continue
    await subs.doc(_id).set({ data: { townId, openid, templateId, credits: next, updatedAt: at } })
  }
  return credits
}

/** Records the report once per key; answers the credits the first call with this key answered. */
export async function reportOnce(
  key: string,
  templates: TemplateConfig,
  townId: string,
  openid: string,
  results: Record<string, SubscribeDecision>,
  now: Date,
): Promise<Record<string, number>> {
  const receipts = () => db().collection<ReportReceipt>(C.subscriptions)
  const answered = await inTransaction(async (txn) => {
    const { data: first } = await txn.collection<ReportReceipt>(C.subscriptions).doc(key).get()
    if (first !== null) return new Abort(first.credits)
    const at = now.toISOString()
    const credits = await applyReport(txn, templates, townId, openid, results, at)
    const receipt: ReportReceipt = {
      _id: key,
      townId,
      openid,
      kind: 'subscribeReport',
      credits,
      updatedAt: at,
    }
    try {
      await txn.collection(C.subscriptions).add({ data: receipt })
    } catch (err) {
      // the same report committed first meanwhile: its answer stands
      if (isDuplicateKey(err)) return new Abort(null)
      throw err
    }
    return credits
  })
  if (answered !== null) return answered
  const { data } = await receipts().doc(key).get()
  return data?.credits ?? {}
}

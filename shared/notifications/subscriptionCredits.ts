import type { TemplateConfig } from './templateConfig'
import type { TemplateKey } from './templateInputs'

/**
 * One-time subscribe messages (docs/architecture.md, "Notifications"): each "allow" the user taps earns one send of that
 * template; the server keeps the count per openid and template id and spends one per send.
 * Long-term templates (public-service categories) need no credit.
 */
export type SubscribeCredits = Record<string, number>
export type SubscribeDecision = 'accept' | 'reject' | 'ban' | 'filter'

/** Credits after the client reports what `wx.requestSubscribeMessage` answered. */
export const creditsAfterReport = (
  credits: SubscribeCredits,
  results: Record<string, SubscribeDecision>,
): SubscribeCredits => {
  const next = { ...credits }
  for (const [templateId, decision] of Object.entries(results)) {
    // `ban` means the user switched the template off in settings: earlier credits are void too.
    if (decision === 'accept') next[templateId] = (next[templateId] ?? 0) + 1
    else if (decision === 'ban') next[templateId] = 0
  }
  return next
}

export type SpendResult =
  | { ok: true; credits: SubscribeCredits }
  /** 43101: what WeChat answers for a send without a subscription; the in-app message still goes. */
  | { ok: false; errcode: 43101; credits: SubscribeCredits }

export const spendCredit = (
  credits: SubscribeCredits,
  config: TemplateConfig,
  key: TemplateKey,
): SpendResult => {
  const spec = config[key]
  if (spec.longTerm) return { ok: true, credits }
  const left = credits[spec.templateId] ?? 0
  if (left <= 0) return { ok: false, errcode: 43101, credits }
  return { ok: true, credits: { ...credits, [spec.templateId]: left - 1 } }
}

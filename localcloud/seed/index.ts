/**
 * Seeds a fresh local cloud: the `system` function's `init` action (creates the product's
 * collections, as in the cloud), run as an admin invocation (SOURCE wx_trigger, no OPENID), then
 * the demo town (demoTown.ts, docs/demo-town.md), written in bulk into the database.
 */
import type { Invocation } from '../host'
import { DEMO_TOWN_ID } from './demoRoster'
import { seedDemoTown, type DemoSink } from './demoTown'

export interface SeedContext {
  /** Runs a built function as an admin (timer-like) invocation; null if it is not built. */
  invoke(name: string, event: Record<string, unknown>): Promise<Invocation | null>
  log(message: string): void
  /** Bulk writes into the local database, and its clock. Without them the demo town is not loaded. */
  db?: DemoSink
  now?: () => Date
}

export async function seed(ctx: SeedContext): Promise<void> {
  const inv = await ctx.invoke('system', { action: 'init' })
  if (!inv) throw new Error('seed: the system function is not built (run node scripts/build-functions.mjs)')
  const { outcome } = inv
  const value = outcome.kind === 'ok' ? (outcome.value as { ok?: boolean; data?: unknown } | null) : null
  if (!value?.ok) {
    const why =
      outcome.kind === 'ok'
        ? JSON.stringify(outcome.value)
        : outcome.kind === 'error'
          ? outcome.message
          : outcome.kind
    throw new Error(`seed: system.init failed: ${why}`)
  }
  ctx.log(`seed: system.init → ${JSON.stringify(value.data)}`)
  if (!ctx.db) {
    ctx.log('seed: demo town skipped (the seed was given no database access)')
    return
  }
  const counts = await seedDemoTown(ctx.db, ctx.now?.() ?? new Date())
  ctx.log(`seed: demo town → ${JSON.stringify(counts)}`)
  // Written in bulk, the town was never "changed": its snapshot is built as after a console edit.
  await adminCall(ctx, 'townChanged', { townId: DEMO_TOWN_ID })
}

async function adminCall(ctx: SeedContext, action: string, event: Record<string, unknown>): Promise<void> {
  const inv = await ctx.invoke('system', { action, ...event })
  const outcome = inv?.outcome
  const value = outcome?.kind === 'ok' ? (outcome.value as { ok?: boolean } | null) : null
  if (!value?.ok) throw new Error(`seed: system.${action} failed: ${JSON.stringify(outcome)}`)
}

import * as z from 'zod'

/**
 * Function `sweeper`: started only by its timer trigger. The event is what WeChat sends; the
 * function must also check the context (SOURCE `wx_trigger`), since any user can call any function.
 * A dry run (a trigger named `dryRun`, or `dryRun: true` in an event sent from the console, which
 * carries no user) says what a run would do and writes nothing.
 */
export const sweeperEvent = z.object({
  Type: z.literal('Timer'),
  TriggerName: z.string().min(1),
  Time: z.string().min(1),
  dryRun: z.boolean().optional(),
})
export type SweeperEvent = z.infer<typeof sweeperEvent>

const count = z.number().int().min(0)

/** What one run did to the outbox: delivered, kept in-app only, to retry, given up. */
export const deliveryReport = z.object({
  sent: count,
  inAppOnly: count,
  retried: count,
  failed: count,
  /** Left in `sending` by a crash mid-send (never retried: it may have arrived) and marked `unknown`. */
  unknown: count,
  /** The first (up to 20) of those messages' ids. */
  unknownIds: z.array(z.string()),
})

export const sweeperResponse = z.object({
  examined: count,
  reminded: count,
  escalated: count,
  autoClosed: count,
  conflicts: count,
  /**
   * The ticket changes (`entries`) whose notification and audit documents this run moved out of
   * the tickets' outboxes into the message centre, the delivery queue and the audit log.
   */
  materialised: z.object({ entries: count, notifications: count, audits: count }),
  delivery: deliveryReport,
  /** Finished tickets whose contact details the retention rule removed (hourly, at minute 0). */
  contactsMasked: count,
  /**
   * Towns whose snapshot the nightly check (03:00–03:59 Shanghai, a sixtieth of the towns each
   * minute) found different from the stored one — an edit made in the console and not announced
   * with `system.townChanged` — and announced as a set-up change.
   */
  snapshotsChanged: count,
  /** Towns whose day ticket counter the night's run opened (at 03:00 Shanghai), so the day's first report costs no more than the others. */
  countersOpened: count,
  /** A dry run: nothing was written; the counts are what a run would do. */
  dryRun: z.literal(true).optional(),
  /** The run's time budget ran out with tickets still due; the next run carries on. */
  outOfTime: z.literal(true).optional(),
})
export type SweeperResponse = z.infer<typeof sweeperResponse>

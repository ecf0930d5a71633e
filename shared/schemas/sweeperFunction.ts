import * as z from 'zod'

/**
 * Function `sweeper`: started only by its timer trigger. The event is what WeChat sends; the
 * function must also check the context (SOURCE `wx_trigger`), since any user can call any function.
 */
export const sweeperEvent = z.object({
  Type: z.literal('Timer'),
  TriggerName: z.string().min(1),
  Time: z.string().min(1),
})
export type SweeperEvent = z.infer<typeof sweeperEvent>

export const sweeperResponse = z.object({
  examined: z.number().int().min(0),
  reminded: z.number().int().min(0),
  escalated: z.number().int().min(0),
  autoClosed: z.number().int().min(0),
  conflicts: z.number().int().min(0),
})

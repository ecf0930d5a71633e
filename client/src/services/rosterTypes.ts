/** Response types of the roster's office actions, derived from the schemas in shared/ (types only). */
import type { z } from 'zod'
import type {
  auditEntry,
  gridTeam,
  handoverPlan,
  handoverReport,
  unstaffedGrid,
} from '@shared/schemas/rosterLifecycleSchemas'
import type { importReport } from '@shared/schemas/rosterImportSchemas'
import type { rosterGridResponses } from '@shared/schemas/rosterGridSchemas'

export type HandoverPlan = z.output<typeof handoverPlan>
export type HandoverReport = z.output<typeof handoverReport>
export type GridTeam = z.output<typeof gridTeam>
export type UnstaffedGridView = z.output<typeof unstaffedGrid>
export type AuditEntryView = z.output<typeof auditEntry>
export type ImportReport = z.output<typeof importReport>
export type GridMergeView = z.output<typeof rosterGridResponses.mergeGrids>
export type GridSplitView = z.output<typeof rosterGridResponses.splitGrid>

/** Response types of 查看号码 and its log, derived from the schemas in shared/ (types only). */
import type { z } from 'zod'
import type { revealContactResponse, revealLogEntry } from '@shared/schemas/contactReveal'

export type RevealedContact = z.output<typeof revealContactResponse>
export type RevealLogEntry = z.output<typeof revealLogEntry>

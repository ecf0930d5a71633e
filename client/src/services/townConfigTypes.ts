/** The town configuration's request and response types, from the schemas in shared/ (types only). */
import type { z } from 'zod'
import type { saveTownConfigRequest, townConfigView } from '@shared/schemas/townConfigSchemas'

export type TownConfigView = z.output<typeof townConfigView>
export type CategorySetting = TownConfigView['categories'][number]
export type LadderSetting = TownConfigView['ladder']
export type Duration = CategorySetting['signFor']
export type SaveTownConfig = Omit<z.input<typeof saveTownConfigRequest>, 'action'>

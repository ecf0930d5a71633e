import type { StatsRequest } from '@shared/index'
import type { ActionContext } from '../_lib/entry/defineActions'
import { AppError } from '../_lib/entry/envelope'

type ExportRequest = Extract<StatsRequest, { action: 'export' }>

export async function exportBook(_req: ExportRequest, _ctx: ActionContext): Promise<never> {
  throw new AppError('INTERNAL', '导出暂不可用')
}

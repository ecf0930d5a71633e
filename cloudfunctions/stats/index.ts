/** `stats`: the town's figures, 三率, charts' breakdowns and xlsx exports (shared/schemas/statsFunction.ts). */
import { statsRequest } from '@shared/index'
import { defineActions } from '../_lib/entry/defineActions'
import { breakdown } from './breakdown'
import { exportBook } from './exportBook'
import { scorecards } from './scorecards'
import { summary } from './summary'

export const main = defineActions({
  schema: statsRequest,
  actions: { summary, breakdown, export: exportBook, scorecards },
})

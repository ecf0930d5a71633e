import { residentsRequest, residentsResponses } from './residentsFunction'
import { messagesRequest, messagesResponses } from './messagesFunction'
import { rosterRequest, rosterResponses } from './rosterFunction'
import { supervisionRequest, supervisionResponses } from './supervisionFunction'
import { recordsRequest, recordsResponses } from './recordsFunction'
import { statsRequest, statsResponses } from './statsFunction'
import { sweeperEvent, sweeperResponse } from './sweeperFunction'
import { tasksRequest, tasksResponses } from './tasksFunction'
import { ticketsRequest, ticketsResponses } from './ticketsFunction'

/**
 * Every cloud function's request schema and, per action, the schema of `data` in its `ok` answer.
 * The docs' API reference is generated from this table, so it cannot drift from the code.
 */
export const FUNCTION_SCHEMAS = {
  tickets: { request: ticketsRequest, responses: ticketsResponses },
  tasks: { request: tasksRequest, responses: tasksResponses },
  supervision: { request: supervisionRequest, responses: supervisionResponses },
  residents: { request: residentsRequest, responses: residentsResponses },
  roster: { request: rosterRequest, responses: rosterResponses },
  messages: { request: messagesRequest, responses: messagesResponses },
  stats: { request: statsRequest, responses: statsResponses },
  records: { request: recordsRequest, responses: recordsResponses },
  sweeper: { request: sweeperEvent, responses: { timer: sweeperResponse } },
} as const
export type FunctionName = keyof typeof FUNCTION_SCHEMAS

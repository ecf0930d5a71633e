import { residentsRequest, residentsResponses } from './residentsFunction'
import { messagesRequest, messagesResponses } from './messagesFunction'
import { rosterRequest, rosterResponses } from './rosterFunction'
import { supervisionRequest, supervisionResponses } from './supervisionFunction'
import { sweeperEvent, sweeperResponse } from './sweeperFunction'
import { tasksRequest, tasksResponses } from './tasksFunction'
import { ticketsRequest, ticketsResponses } from './ticketsFunction'
import {
  messagesErrors,
  residentsErrors,
  rosterErrors,
  supervisionErrors,
  sweeperErrors,
  tasksErrors,
  ticketsErrors,
} from './actionErrors'

/**
 * Every cloud function's request schema and, per action, the schema of `data` in its `ok` answer and
 * the error codes it can answer (besides ANY_ACTION_ERRORS). The docs' API reference is generated
 * from this table, so it cannot drift from the code.
 */
export const FUNCTION_SCHEMAS = {
  tickets: { request: ticketsRequest, responses: ticketsResponses, errors: ticketsErrors },
  tasks: { request: tasksRequest, responses: tasksResponses, errors: tasksErrors },
  supervision: { request: supervisionRequest, responses: supervisionResponses, errors: supervisionErrors },
  residents: { request: residentsRequest, responses: residentsResponses, errors: residentsErrors },
  roster: { request: rosterRequest, responses: rosterResponses, errors: rosterErrors },
  messages: { request: messagesRequest, responses: messagesResponses, errors: messagesErrors },
  sweeper: { request: sweeperEvent, responses: { timer: sweeperResponse }, errors: sweeperErrors },
} as const
export type FunctionName = keyof typeof FUNCTION_SCHEMAS

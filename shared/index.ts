/** The public API of the domain core. Import from '@shared' (or '@shared/index') outside shared/. */

// errors and the function envelope
export * from './errors'

// model
export * from './model/roles'
export * from './model/town'
export * from './model/category'
export * from './model/ticket'
export * from './model/dropUndefined'

// request and response schemas
export * from './schemas/limits'
export * from './schemas/inputShape'
export * from './schemas/envelope'
export * from './schemas/ticketView'
export * from './schemas/ticketsFunction'
export * from './schemas/tasksFunction'
export * from './schemas/supervisionFunction'
export * from './schemas/residentsPrivacy'
export * from './schemas/residentsFunction'
export * from './schemas/rosterFunction'
export * from './schemas/contactReveal'
export * from './schemas/rosterLifecycleSchemas'
export * from './schemas/rosterImportSchemas'
export * from './schemas/rosterGridSchemas'
export * from './schemas/townConfigSchemas'
export * from './schemas/systemFunction'
export * from './schemas/messagesFunction'
export * from './schemas/sweeperFunction'
export * from './schemas/actionErrors'
export * from './schemas/functions'

// calendar
export * from './calendar/shanghaiTime'
export * from './calendar/holidayData'
export * from './calendar/workingCalendar'
export * from './calendar/workingTime'

// deadlines and escalation
export * from './deadlines/timeLimitRules'
export * from './deadlines/computeDeadlines'
export * from './deadlines/escalationLadder'
export * from './deadlines/dueActions'

// tickets
export * from './tickets/commands'
export * from './tickets/context'
export * from './tickets/effects'
export * from './tickets/transition'
export * from './tickets/ticketNumber'
export * from './tickets/ticketCounter'
export * from './tickets/inboxKey'
export * from './tickets/residentTimeline'

// routing and permissions
export * from './routing/routeTicket'
export * from './permissions/can'
export * from './permissions/maskContact'
export * from './permissions/presentTicket'

// notifications
export * from './notifications/templateInputs'
export * from './notifications/keywordRules'
export * from './notifications/templateConfig'
export * from './notifications/buildSubscribeMessage'
export * from './notifications/resolveTemplateConfig'
export * from './notifications/subscriptionCredits'
export * from './model/actors'
export * from './schemas/configSchemas'
export * from './geo/wgs84ToGcj02'

// supervision: alert channels, robot messages, lateness, 改派 and 催办
export * from './notifications/alertChannels'
export * from './notifications/robotMessages'
export * from './deadlines/lateness'
export { REMIND_INTERVAL_MS, lastReminderBy, chaseNotice } from './tickets/chaseTicket'

// statistics and field-work records
export * from './stats/index'
export * from './schemas/statsFunction'
export * from './schemas/recordsFunction'
// the roster: placement in the structure, handover, import
export * from './roster/structure'
export * from './roster/places'
export * from './roster/unstaffed'
export * from './roster/importColumns'
export * from './roster/importRows'
export * from './roster/calendarWarning'
export * from './roster/gridMerge'

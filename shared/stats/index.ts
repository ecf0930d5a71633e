/** Statistics and field-work records: definitions, periods, scope, rates and the summary paragraph. */
export * from './filter'
export * from './period'
export * from './themes'
export * from './records'
export * from './figures'
export * from './rates'
export * from './scope'
export * from './paragraph'

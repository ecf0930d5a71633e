export { DatabaseService, type DatabaseServiceOptions } from './service'
export { DbError, type DbErrorCode } from './errors'
export { createTcbHttpHandler } from './http'
export { MAX_LIMIT, DEFAULT_LIMIT } from './protocol'

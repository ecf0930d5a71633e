/** Input limits (docs/architecture.md, "Roles and scope"). The client shows them; the functions enforce them via the schemas. */
export const LIMITS = {
  descriptionMin: 5,
  descriptionMax: 500,
  photosMax: 9,
  /** A voice note (docs/architecture.md, "Elder-friendly screens"): the recorder stops itself at this many seconds. */
  voiceMaxSec: 60,
  noteMin: 2,
  noteMax: 500,
  reasonMin: 2,
  reasonMax: 200,
  commentMax: 200,
  pageSizeMax: 50,
  pageSizeDefault: 20,
  nameMax: 20,
  markReadMax: 50,
  /** Reports one person may submit per (Shanghai) day; a town's config (`limits`) may override it. */
  submissionsPerDay: 20,
  /** wx.requestSubscribeMessage takes at most 3 templates per call. */
  subscriptionsPerReport: 3,
} as const

/**
 * The shape any request must keep before its schema is even tried (docs/api.md, "Limits"): checked by
 * a cheap iterative walk at the functions' entry, so an oversized or over-deep body costs the service
 * nothing. Depth counts the request object as 1 (`{ contact: { name } }` is 2 deep).
 */
export const INPUT_LIMITS = {
  /** Bytes of a request body (the local cloud's HTTP layer refuses more with HTTP 413). */
  bodyBytes: 1024 * 1024,
  /** Nesting of objects and arrays. */
  depth: 10,
  /** Items of any one array. */
  arrayLength: 2000,
  /** Characters of any one string (values and keys). */
  stringLength: 10_000,
  /** Values in the whole request (objects, arrays, strings, numbers, …). */
  nodes: 20_000,
} as const

/** Input limits (DESIGN.md §7). The client shows them; the functions enforce them via the schemas. */
export const LIMITS = {
  descriptionMin: 5,
  descriptionMax: 500,
  photosMax: 9,
  /** A voice note (DESIGN.md §10): the recorder stops itself at this many seconds. */
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

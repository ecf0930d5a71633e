/** Today's Beijing date, `YYYY-MM-DD`, for the record forms' default date (the server checks it). */
export const beijingToday = (ms: number = Date.now()): string =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

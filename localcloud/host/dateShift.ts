/**
 * Shifts the worker's `Date` by the local cloud's clock offset: `Date.now()` and `new Date()` (no
 * arguments) answer virtual time; everything else (`new Date(x)`, `Date.UTC`, `instanceof Date`,
 * the prototype) is the real Date. Timers (setTimeout) are not shifted.
 */
let offsetMs = 0
let installed = false

export function setClockOffset(ms: number): void {
  offsetMs = ms
}

export function installDateShift(): void {
  if (installed) return
  installed = true
  const RealDate = Date
  const realNow = RealDate.now.bind(RealDate)
  function ShiftedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(realNow() + offsetMs).toString()
    const ctorArgs = args.length === 0 ? [realNow() + offsetMs] : args
    return Reflect.construct(RealDate, ctorArgs, new.target)
  }
  Object.setPrototypeOf(ShiftedDate, RealDate)
  Object.defineProperty(ShiftedDate, 'prototype', { value: RealDate.prototype, writable: false })
  Object.defineProperty(ShiftedDate, 'name', { value: 'Date' })
  ;(ShiftedDate as unknown as { now: () => number }).now = () => realNow() + offsetMs
  globalThis.Date = ShiftedDate as unknown as DateConstructor
}

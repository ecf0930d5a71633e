/**
 * Integration and browser tests start servers and browsers: on a busy two-core machine one test can
 * take several seconds. The tests assert outcomes, counts and order, never time, so a generous
 * per-test limit is not a loophole; jest's 5 s default was failing clean clones on busy machines.
 */
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS ?? 90_000))

import { buildSync } from 'esbuild'
import { join } from 'node:path'

/**
 * shared/ is bundled into the mini-program's main package (2 MB cap, docs/architecture.md, "Cost model") and into every
 * function. Measured when written: ≈ 150 KB minified for everything, ≈ 100 KB of it zod. The
 * budget leaves room to grow but catches an accidental whole-library import (`import { z } from
 * 'zod'` alone pulls in every locale: ≈ 450 KB).
 */
const bundle = (entry: string): number => {
  const result = buildSync({
    entryPoints: [join(__dirname, '../../../shared', entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].contents.length
}

describe('shared/ bundle size', () => {
  it('keeps the whole public API under 250 KB minified', () => {
    expect(bundle('index.ts')).toBeLessThan(250_000)
  })
  it('keeps the calendar and deadlines (no zod) under 20 KB', () => {
    expect(bundle('deadlines/dueActions.ts')).toBeLessThan(20_000)
  })
})

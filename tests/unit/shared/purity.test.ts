import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'

/**
 * shared/ is the pure domain: bundled into the mini-program and every function, it must not reach
 * for the platform or read the clock (time is a parameter). This test reads the sources, so it
 * fails the moment somebody adds such an import or call, whatever the tests cover.
 */
const root = join(__dirname, '../../../shared')

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : []
  })

/** Comments may talk about the clock ("no Date.now() here"); only code counts. */
const withoutComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')

const importedModules = (source: string): string[] =>
  [
    ...source.matchAll(
      /(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4])

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const forbiddenModule = (spec: string): string | null => {
  if (spec === 'wx-server-sdk' || spec.startsWith('wx-server-sdk/')) return 'the WeChat server SDK'
  if (spec.startsWith('@tarojs/')) return 'Taro'
  if (spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]))
    return 'a Node built-in'
  if (spec.startsWith('@shared/')) return 'the @shared alias (use relative imports inside shared/)'
  return null
}

const CLOCK_READS: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() without an argument'],
  [/\bnew\s+Date\b(?!\s*\()/, 'new Date without an argument'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bprocess\.hrtime\b/, 'process.hrtime'],
]

export const purityViolations = (file: string, source: string): string[] => {
  const code = withoutComments(source)
  const problems: string[] = []
  for (const spec of importedModules(code)) {
    const why = forbiddenModule(spec)
    if (why !== null) problems.push(`${file} imports '${spec}' (${why})`)
  }
  for (const [pattern, what] of CLOCK_READS)
    if (pattern.test(code)) problems.push(`${file} reads the clock: ${what}`)
  return problems
}

describe('shared/ stays pure', () => {
  const files = sourceFiles(root)

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  it('imports no platform module and reads no clock', () => {
    const problems = files.flatMap((f) => purityViolations(relative(root, f), readFileSync(f, 'utf8')))
    expect(problems).toEqual([])
  })

  it('keeps files small: one concept per file', () => {
    const long = files
      .map((f) => [relative(root, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300)
    expect(long).toEqual([])
  })

  describe('the check itself', () => {
    it.each([
      ["import cloud from 'wx-server-sdk'", 'WeChat server SDK'],
      ["import Taro from '@tarojs/taro'", 'Taro'],
      ["import { readFileSync } from 'fs'", 'Node built-in'],
      ["import { join } from 'node:path'", 'Node built-in'],
      ["const fs = require('fs/promises')", 'Node built-in'],
      ["const x = await import('node:crypto')", 'Node built-in'],
      ["export { x } from 'child_process'", 'Node built-in'],
      ["import 'http'", 'Node built-in'],
      ["import { z } from '@shared/schemas/common'", '@shared alias'],
      ['const t = Date.now()', 'Date.now()'],
      ['const t = new Date()', 'new Date() without an argument'],
      ['const t = new Date', 'new Date without an argument'],
      ['const t = performance.now()', 'performance.now()'],
    ])('catches %s', (line, what) => {
      expect(purityViolations('x.ts', line).join()).toContain(what)
    })
    it.each([
      "import { z } from 'zod'",
      "import { toIso } from '../calendar/shanghaiTime'",
      'const d = new Date(ms)',
      'const d = new Date(Date.UTC(2026, 0, 1))',
      '// Date.now() is forbidden here',
      '/** never new Date() */',
    ])('allows %s', (line) => {
      expect(purityViolations('x.ts', line)).toEqual([])
    })
  })
})

// The README's test command: typecheck, lint, unit tests (with shared/ coverage), build, integration
// tests on the local cloud, then browser tests on the h5 build. Stops at the first failure.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const run = (title, cmd, args, env = {}) => {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${r.status})`)
    process.exit(r.status || 1)
  }
}

const npx = (title, ...args) => run(title, 'npx', ['--no-install', ...args])

npx('typecheck', 'tsc', '--noEmit', '-p', 'tsconfig.json')
npx('lint', 'eslint', '.')
run('API reference is current', 'node', ['scripts/gen-api-docs.mjs', '--check'])
npx('unit tests', 'jest', '--selectProjects', 'unit', '--coverage')
run('build functions and local cloud', 'node', ['scripts/build-functions.mjs'])
run('build weapp', 'node', ['scripts/build-client.mjs', 'weapp'])
run('weapp package size and miniprogram-ci code quality', 'node', ['scripts/weapp-size.mjs'])
run('build h5', 'node', ['scripts/build-client.mjs', 'h5'])
npx('integration tests', 'jest', '--selectProjects', 'integration', '--runInBand')

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  if (process.env.CI) {
    console.error(`✗ CI: Chromium not found at ${chromium}; browser tests cannot be skipped in CI`)
    process.exit(1)
  }
  console.warn('\n' + '!'.repeat(78))
  console.warn(`!!! BROWSER TESTS SKIPPED: Chromium not found at ${chromium}.`)
  console.warn('!!! Install it with: apt-get install -y chromium fonts-noto-cjk   (CI never skips)')
  console.warn('!'.repeat(78) + '\n')
} else {
  npx('browser tests', 'jest', '--selectProjects', 'browser', '--runInBand')
}
console.log('\n✓ all checks passed')

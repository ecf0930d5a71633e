/** Three projects: pure unit tests, integration tests on the local cloud, browser tests on the h5 build. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } } }]
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@shared$': '<rootDir>/shared/index.ts', '^@shared/(.*)$': '<rootDir>/shared/$1' },
  testEnvironment: 'node',
}
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    // A busy two-core machine can take seconds per server start: the tests assert outcomes, not time.
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/tests/helpers/slowMachine.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/tests/helpers/slowMachine.ts'] },
  ],
  collectCoverageFrom: ['shared/**/*.ts', '!shared/**/index.ts'],
  coverageThreshold: { './shared/': { lines: 95, branches: 90 } },
  coverageReporters: ['text-summary', 'text'],
}

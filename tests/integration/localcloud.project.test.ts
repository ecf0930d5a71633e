/** The build layout the WeChat devtools and miniprogram-ci expect: project.config.json and function folders. */
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { BUILT_FUNCTIONS, ensureBuilt, REPO } from '../helpers/localcloud'

test('project.config.json passes miniprogram-ci schema validation and points at build/', async () => {
  const ci = require('miniprogram-ci') as { schemaValidate(kind: string, json: unknown): unknown }
  const json = JSON.parse(readFileSync(join(REPO, 'project.config.json'), 'utf8'))
  expect(await ci.schemaValidate('projectconfig', json)).toEqual({ warning: '', error: [] })
  expect(json).toMatchObject({
    miniprogramRoot: 'build/weapp/',
    cloudfunctionRoot: 'build/cloudfunctions/',
    compileType: 'miniprogram',
  })
})

test('every built function is a deployable folder: bundle, package.json with only wx-server-sdk, config.json', () => {
  ensureBuilt()
  const names = readdirSync(BUILT_FUNCTIONS)
  expect(names).toContain('system')
  for (const name of names) {
    const pkg = JSON.parse(readFileSync(join(BUILT_FUNCTIONS, name, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } })
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk'])
    JSON.parse(readFileSync(join(BUILT_FUNCTIONS, name, 'config.json'), 'utf8'))
    const bundle = readFileSync(join(BUILT_FUNCTIONS, name, 'index.js'), 'utf8')
    const requires = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
    expect(
      requires.filter((r) => r !== 'wx-server-sdk' && !r.startsWith('node:') && !builtinModules.includes(r)),
    ).toEqual([])
  }
})

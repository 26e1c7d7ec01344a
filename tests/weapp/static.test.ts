// The built output itself, before anything runs: syntax older iOS base libraries accept, no Node-only
// names, the backend baked in, and a project.config.json WeChat DevTools can open.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BAKED_API_BASE, BAKED_CLOUD_ENV } from '../support/weapp/host'
import { buildDir, type Transport } from '../support/weapp/builds'
import { bundleContains, identifierUses, jsFiles, syntaxErrors, type Finding } from '../support/weapp/static'

const show = (f: Finding[]) => f.map((x) => `${x.file}:${x.line}:${x.column} ${x.message}`).join('\n')

describe.each<Transport>(['https', 'cloud'])('the %s weapp build', (transport) => {
  const dir = buildDir(transport)

  it('should parse as ES2019 scripts when loaded by an older iOS base library', () => {
    expect(jsFiles(dir).length).toBeGreaterThan(20)
    expect(show(syntaxErrors(dir, 2019))).toBe('')
  })

  it('should never refer to process when run in the mini-program runtime', () => {
    expect(show(identifierUses(dir, ['process']))).toBe('')
  })

  it('should bake in its own backend when built with it', () => {
    if (transport === 'https') {
      expect(bundleContains(dir, BAKED_API_BASE)).toBe(true)
      expect(bundleContains(dir, BAKED_CLOUD_ENV)).toBe(false)
    } else {
      expect(bundleContains(dir, BAKED_CLOUD_ENV)).toBe(true)
      expect(bundleContains(dir, BAKED_API_BASE)).toBe(false)
    }
  })

  it('should have every page of app.json when WeChat opens it', () => {
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
    const routes: string[] = [...app.pages, ...app.subPackages.flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`))]
    const missing = routes.flatMap((r) => ['js', 'json', 'wxml'].filter((ext) => !fs.existsSync(path.join(dir, `${r}.${ext}`))).map((ext) => `${r}.${ext}`))
    expect(missing).toEqual([])
  })

  it('should not point at a missing cloud folder when its project.config.json is opened', () => {
    const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8'))
    for (const key of ['miniprogramRoot', 'cloudfunctionRoot'])
      if (cfg[key]) expect({ [key]: fs.existsSync(path.resolve(dir, cfg[key])) }).toEqual({ [key]: true })
  })
})

describe('a weapp production build', () => {
  const root = path.resolve(__dirname, '../..')
  // The build also reads Taro's .env files; a developer's own backend setting there would make it succeed.
  const envFiles = ['.env', '.env.local', '.env.production', '.env.production.local'].filter((f) => fs.existsSync(path.join(root, f)))
  const configured = envFiles.some((f) => /^\s*TARO_APP_(API_BASE|CLOUD_ENV)\s*=\s*\S/m.test(fs.readFileSync(path.join(root, f), 'utf8')))
  const run = configured ? it.skip : it

  run.each([
    ['neither setting', {}],
    ['a plain-http gateway', { TARO_APP_API_BASE: 'http://api.example.cn' }],
  ])('should fail, naming both settings, when built with %s', (_label, vars: Record<string, string>) => {
    const env: Record<string, string | undefined> = { ...process.env, ...vars, NODE_ENV: 'production', WEAPP_OUT_DIR: path.join(os.tmpdir(), `wu-weapp-refused-${process.pid}`) }
    if (!('TARO_APP_API_BASE' in vars)) delete env.TARO_APP_API_BASE
    delete env.TARO_APP_CLOUD_ENV
    const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 })
    expect(r.status).not.toBe(0)
    expect(`${r.stdout}${r.stderr}`).toMatch(/TARO_APP_CLOUD_ENV=.*TARO_APP_API_BASE=https:\/\//s)
    expect(fs.existsSync(path.join(env.WEAPP_OUT_DIR!, 'app.js'))).toBe(false)
  }, 150_000)
})

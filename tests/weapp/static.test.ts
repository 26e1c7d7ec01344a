// The built output itself, before anything runs: syntax older iOS base libraries accept, no Node-only
// names, the backend baked in, and a project.config.json WeChat DevTools can open.
import fs from 'node:fs'
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

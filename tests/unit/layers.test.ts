// The layer rules of cloud/ (.dependency-cruiser.cjs) run with the suite: no import circles, arrows only down
// (server/gateway -> functions -> domain -> platform/db, everything -> types), nothing below loads the demo.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

describe('cloud layers', () => {
  it('should find no dependency violation when npm run lint:deps cruises cloud/ and types/', () => {
    const r = spawnSync('npm', ['run', '-s', 'lint:deps', '--', '--output-type', 'err'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' })
    expect(`${r.stdout}${r.stderr}`.trim()).toMatch(/no dependency violations found/)
    expect(r.status).toBe(0)
  }, 60_000)
})

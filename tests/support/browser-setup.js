// Builds the H5 app once per test run, before any browser test file starts, so parallel workers
// never build into the same directory at the same time.
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

module.exports = async function browserSetup() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!fs.existsSync(chromium) && !process.env.CI) return
  const root = path.resolve(__dirname, '../..')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`H5 build failed:\n${(r.stdout || '').slice(-3000)}\n${(r.stderr || '').slice(-3000)}`)
}

// Builds the weapp once per test run, in both transports, into a temporary folder, and tells the test
// files where (WEAPP_HTTPS_DIR, WEAPP_CLOUD_DIR). Set both variables yourself to reuse earlier builds.
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const VARIANTS = {
  // What the tests expect baked in (tests/support/weapp/host.ts).
  https: { TARO_APP_API_BASE: 'https://api.example.cn' },
  cloud: { TARO_APP_CLOUD_ENV: 'test-env' },
}

function build(root, out, vars) {
  const env = { ...process.env, ...vars, NODE_ENV: 'production', WEAPP_OUT_DIR: out }
  // Only this variant's backend setting: the shell's own would make the build refuse both.
  for (const k of ['TARO_APP_API_BASE', 'TARO_APP_CLOUD_ENV']) if (!(k in vars)) delete env[k]
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0 && fs.existsSync(path.join(out, 'app.js'))) resolve(Date.now() - started)
      else reject(new Error(`weapp build into ${out} failed (${code}):\n${log.slice(-4000)}`))
    })
  })
}

module.exports = async function weappSetup() {
  if (process.env.WEAPP_HTTPS_DIR && process.env.WEAPP_CLOUD_DIR) return
  const root = path.resolve(__dirname, '../../..')
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-weapp-'))
  process.env.WEAPP_BUILD_ROOT = base
  // The folder names stay fixed so each variant keeps its webpack cache between runs.
  const dirs = { https: path.join(base, 'weapp-https'), cloud: path.join(base, 'weapp-cloud') }
  const times = await Promise.all(Object.entries(VARIANTS).map(([k, vars]) => build(root, dirs[k], vars)))
  process.env.WEAPP_HTTPS_DIR = dirs.https
  process.env.WEAPP_CLOUD_DIR = dirs.cloud
  process.stdout.write(`\nweapp builds: https ${Math.round(times[0] / 1000)} s, cloud ${Math.round(times[1] / 1000)} s (in parallel) into ${base}\n`)
}

// One CloudBase-like function instance (forked by tests/support/cloudbase.ts with cwd = the function
// folder): loads ./index.js on the first call, serves one call at a time, sets the per-call environment
// the platform sets (WX_OPENID, ...) and removes it afterwards, and reports unhandled rejections.
const path = require('node:path')

let mod = null
let queue = Promise.resolve()

const crash = (e) => process.send({ type: 'crash', error: String((e && e.stack) || e) })
process.on('unhandledRejection', crash)
process.on('uncaughtException', crash)

async function invoke({ id, event, context, env }) {
  const names = Object.keys(env)
  for (const n of names) process.env[n] = env[n]
  try {
    mod = mod || require(path.join(process.cwd(), 'index.js'))
    const result = await mod.main(event, context)
    process.send({ type: 'result', id, result, node: process.version })
  } catch (e) {
    process.send({ type: 'error', id, error: String((e && e.stack) || e), node: process.version })
  } finally {
    for (const n of names) delete process.env[n]
  }
}

process.on('message', (m) => {
  queue = queue.then(() => invoke(m))
})
process.on('disconnect', () => process.exit(0))

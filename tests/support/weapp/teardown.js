// Removes the builds tests/support/weapp/setup.js made (never folders given through WEAPP_*_DIR).
const fs = require('node:fs')

module.exports = async function weappTeardown() {
  const base = process.env.WEAPP_BUILD_ROOT
  if (base && !process.env.WEAPP_KEEP_BUILDS) fs.rmSync(base, { recursive: true, force: true })
}

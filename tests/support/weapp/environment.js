// Jest's node environment plus one hook: a harness can own the unhandled rejections of promises made
// inside its vm context (Jest's handlers keep every other one). Test code cannot reach the real
// process object itself, so this runs here, outside the sandbox.
const { TestEnvironment } = require('jest-environment-node')

class WeappEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    const trackers = new Set()
    let saved = null
    const dispatch = (reason, promise) => {
      for (const t of trackers) if (t.owns(promise)) return t.record(reason)
      for (const l of saved) l(reason, promise)
    }
    const uninstall = () => {
      if (!saved) return
      const rest = process.listeners('unhandledRejection')
      process.removeListener('unhandledRejection', dispatch)
      // Give Jest its listeners back unless it re-installed them itself meanwhile.
      if (rest.length === 1 && rest[0] === dispatch) for (const l of saved) process.on('unhandledRejection', l)
      saved = null
    }
    this.releaseAll = () => {
      trackers.clear()
      uninstall()
    }
    this.global.__weappRejections = (owns, record) => {
      const t = { owns, record }
      if (!saved) {
        saved = process.listeners('unhandledRejection')
        process.removeAllListeners('unhandledRejection')
        process.on('unhandledRejection', dispatch)
      }
      trackers.add(t)
      return () => {
        trackers.delete(t)
        if (trackers.size === 0) uninstall()
      }
    }
  }

  async teardown() {
    this.releaseAll()
    await super.teardown()
  }
}

module.exports = WeappEnvironment

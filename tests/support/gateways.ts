// Several real gateway processes (`cloud/server.ts`) on one PostgreSQL database with the same secrets,
// as a load balancer would run them: for the multi-instance tests.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, spawnServer, waitUp, type ServerProcess } from './server-process'
import { productionSettings } from './settings'

export interface Gateways {
  urls: string[]
  /** Each gateway's exit code and signal (null while it runs). */
  exits(): { code: number | null; signal: NodeJS.Signals | null }[]
  /** What each gateway printed. */
  output(i: number): string
  stop(): Promise<void>
}

export interface GatewayOptions {
  /** node:cluster workers behind each port (WEB_CONCURRENCY); default one process. */
  workers?: number
  /**
   * As production runs (NODE_ENV=production, every setting it demands, rate limits on in memory, no output
   * checks), believing the X-Forwarded-For a load generator sends from 127.0.0.1 as each client's address.
   */
  production?: boolean
}

/**
 * Starts `n` gateways on `databaseUrl`, all at once: outside `production` they migrate it themselves and
 * rate limits are off (the tests are load from one address); in production it must be migrated already.
 */
export async function startGateways(n: number, databaseUrl: string, secrets: Record<string, string>, opts: GatewayOptions = {}): Promise<Gateways> {
  // A stand-in H5 build, so no process builds the real one.
  const h5 = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-h5-stub-'))
  fs.writeFileSync(path.join(h5, 'index.html'), '<!doctype html><title>stub</title>')
  const children: ServerProcess[] = []
  // One set of settings for all (production's include a payment key pair, made once).
  const mode = opts.production ? { ...productionSettings(), TRUST_PROXY: '127.0.0.1' } : { NODE_ENV: 'test', RATE_LIMITS: 'off' }
  for (let i = 0; i < n; i++) {
    const env: Record<string, string | undefined> = {
      ...process.env,
      ...mode,
      ...secrets,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      H5_OUT_DIR: h5,
      WEB_CONCURRENCY: String(opts.workers ?? 1),
    }
    delete env.REDIS_URL
    if (opts.production) delete env.RATE_LIMITS
    children.push(spawnServer(await freePort(), env))
  }
  await Promise.all(children.map((c) => waitUp(c, '/readyz')))
  return {
    urls: children.map((c) => c.url),
    exits: () => children.map((c) => ({ code: c.child.exitCode, signal: c.child.signalCode })),
    output: (i) => children[i].output(),
    stop: async () => {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.child.exitCode !== null) return resolve()
              c.child.once('exit', () => resolve())
              c.child.kill('SIGTERM')
            }),
        ),
      )
      fs.rmSync(h5, { recursive: true, force: true })
    },
  }
}

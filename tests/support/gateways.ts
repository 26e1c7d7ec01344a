// Several real gateway processes (`cloud/server.ts`) on one PostgreSQL database with the same secrets,
// as a load balancer would run them: for the multi-instance tests.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

export interface Gateways {
  urls: string[]
  /** Each gateway's exit code and signal (null while it runs). */
  exits(): { code: number | null; signal: NodeJS.Signals | null }[]
  /** What each gateway printed. */
  output(i: number): string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

async function up(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`gateway ${url} did not start:\n${output().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/**
 * Starts `n` gateways on `databaseUrl`, all at once. Rate limits are off: the tests are load from one address.
 * Each is one process unless `workers` asks for node:cluster workers behind its port (WEB_CONCURRENCY).
 */
export async function startGateways(n: number, databaseUrl: string, secrets: Record<string, string>, opts: { workers?: number } = {}): Promise<Gateways> {
  // A stand-in H5 build, so no process builds the real one.
  const h5 = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-h5-stub-'))
  fs.writeFileSync(path.join(h5, 'index.html'), '<!doctype html><title>stub</title>')
  const children: { child: ChildProcess; url: string; out: string }[] = []
  for (let i = 0; i < n; i++) {
    const port = await freePort()
    const env: Record<string, string | undefined> = {
      ...process.env,
      ...secrets,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      H5_OUT_DIR: h5,
      RATE_LIMITS: 'off',
      WEB_CONCURRENCY: String(opts.workers ?? 1),
    }
    delete env.REDIS_URL
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'cloud/server.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const entry = { child, url: `http://127.0.0.1:${port}`, out: '' }
    child.stdout?.on('data', (d) => (entry.out += d))
    child.stderr?.on('data', (d) => (entry.out += d))
    children.push(entry)
  }
  await Promise.all(children.map((c) => up(c.url, c.child, () => c.out)))
  return {
    urls: children.map((c) => c.url),
    exits: () => children.map((c) => ({ code: c.child.exitCode, signal: c.child.signalCode })),
    output: (i) => children[i].out,
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

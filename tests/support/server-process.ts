// Real gateway processes (`cloud/server.ts` under tsx) on free ports, and headless Chromium: shared by the
// browser tests, the multi-instance tests and the first-screen bench. No jest globals here.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const ROOT = path.resolve(__dirname, '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** What the process printed so far. */
  output(): string
}

/** Starts `cloud/server.ts` on `port` with exactly this environment (HOST is 127.0.0.1). */
export function spawnServer(port: number, env: Record<string, string | undefined>): ServerProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'cloud/server.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  return { url: `http://127.0.0.1:${port}`, child, output: () => out }
}

/** Waits until `probe` (/healthz or /readyz) answers 200; fails with the process's output if it exits or takes over 90 s. */
export async function waitUp(p: ServerProcess, probe = '/healthz'): Promise<void> {
  const deadline = Date.now() + 90_000
  for (;;) {
    const ok = await fetch(`${p.url}${probe}`).then((r) => r.ok, () => false)
    if (ok) return
    if (p.child.exitCode !== null || Date.now() > deadline) throw new Error(`gateway ${p.url} did not start:\n${p.output().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  // playwright gives every launch a fresh, empty profile directory of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  })
}

export interface H5Stack {
  url: string
  browser: Browser
  stop(): Promise<void>
}

export interface H5StackOptions {
  /** The H5 build to serve (default: the gateway's own, dist-h5). */
  h5Dir?: string
  /** Extra Chromium flags, made once the gateway is up (e.g. a fake camera showing a QR fetched from it). */
  chromiumArgs?: (url: string) => string[] | Promise<string[]>
}

/** The demo as `npm start` runs it (PGlite in a fresh folder, rate limits in memory) and a Chromium to drive it. */
export async function startH5Stack(opts: H5StackOptions = {}): Promise<H5Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-stack-'))
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' }
  if (opts.h5Dir) env.H5_OUT_DIR = opts.h5Dir
  delete env.DATABASE_URL
  // Each stack counts its own rate limits, in memory.
  delete env.REDIS_URL
  const server = spawnServer(await freePort(), env)
  await waitUp(server)
  const browser = await launchChromium((await opts.chromiumArgs?.(server.url)) ?? [])
  return {
    url: server.url,
    browser,
    stop: async () => {
      await browser.close().catch(() => undefined)
      server.child.kill('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

// Browser tests: build the H5 app once, start the real gateway (PGlite, demo data) on a free port,
// and drive headless Chromium with playwright-core.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const ROOT = path.resolve(__dirname, '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = path.join(ROOT, 'test-results')

/** In CI a missing browser is a failure; on a developer machine without Chromium the browser tests are skipped. */
export const browserAvailable = fs.existsSync(CHROMIUM)
export const describeBrowser = browserAvailable || process.env.CI ? describe : describe.skip

// The H5 app is built once per run by the browser project's globalSetup (tests/support/browser-setup.js).

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

export interface Stack {
  url: string
  browser: Browser
  page: Page
  stop(): Promise<void>
}

export interface StackOptions {
  /** Extra Chromium flags, made once the gateway is up (e.g. a fake camera showing a QR fetched from it). */
  chromiumArgs?: (url: string) => string[] | Promise<string[]>
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wu-browser-'))
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' }
  delete env.DATABASE_URL
  // Each test file's server counts its own rate limits, in memory.
  delete env.REDIS_URL
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'cloud/server.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`)
      if (r.ok) break
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`gateway did not start:\n${output.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...((await opts.chromiumArgs?.(url)) ?? [])],
    // playwright gives every launch a fresh, empty profile directory of its own.
  })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  return {
    url,
    browser,
    page,
    stop: async () => {
      await browser.close().catch(() => undefined)
      child.kill('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Logs in through the H5 login page with a dev code. */
export async function loginAs(s: Stack, openid: string): Promise<void> {
  await s.page.goto(`${s.url}/#/pages/login/index`)
  await s.page.locator('.login-code input').first().fill(`dev:${openid}`)
  await s.page.locator('.login-submit').first().click()
  // The login page relaunches the home page; Taro H5 rewinds the history first. Wait until the home page
  // shows, so the test's next navigation is not undone by that rewind.
  await s.page.waitForFunction(() => location.hash.includes('pages/index/index'), undefined, { timeout: 15_000 })
  await s.page.locator('.home').first().waitFor({ state: 'visible', timeout: 15_000 })
  await s.page.waitForLoadState('networkidle')
}

export const uniqueOpenid = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`

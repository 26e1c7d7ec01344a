// Browser tests: build the H5 app once, start the real gateway (PGlite, demo data) on a free port,
// and drive headless Chromium with playwright-core.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { CHROMIUM, startH5Stack, type H5StackOptions } from './server-process'

const ROOT = path.resolve(__dirname, '../..')
export { CHROMIUM }
export const SCREENSHOTS = path.join(ROOT, 'test-results')

/** In CI a missing browser is a failure; on a developer machine without Chromium the browser tests are skipped. */
export const browserAvailable = fs.existsSync(CHROMIUM)
export const describeBrowser = browserAvailable || process.env.CI ? describe : describe.skip

// The H5 app is built once per run by the browser project's globalSetup (tests/support/browser-setup.js).

export interface Stack {
  url: string
  browser: Browser
  page: Page
  stop(): Promise<void>
}

export type StackOptions = Omit<H5StackOptions, 'h5Dir'>

/** The demo gateway serving the H5 build, and a phone-sized Chromium page on it. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const stack = await startH5Stack(opts)
  const context = await stack.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  return { ...stack, page: await context.newPage() }
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

/**
 * Opens a route (`packages/...`, with or without a leading slash) with a fresh load: after signing in, the
 * login page's reLaunch can still be rewriting history when a test changes the hash, which would land it
 * back on the home page.
 */
export async function openRoute(s: Stack, route: string): Promise<void> {
  await s.page.goto(`${s.url}/#/${route.replace(/^\//, '')}`)
  await s.page.reload()
}

export const uniqueOpenid = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`

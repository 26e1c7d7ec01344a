// First screen on a weak network: how long a phone on 3G (300 ms round trip, 400 kbit/s each way) waits
// for the home tiles and the finder's first stations, cold cache, in headless Chromium, and how many
// compressed bytes arrived before they showed. Medians of RUNS fresh browser contexts.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { BrowserContext, CDPSession } from 'playwright-core'
import { startH5Stack } from '../tests/support/server-process'

const ROOT = path.resolve(__dirname, '..')
const RUNS = 3
/** CDP Network.emulateNetworkConditions: 300 ms latency, 50,000 bytes/s (400 kbit/s) each way. */
export const THREE_G = { offline: false, latency: 300, downloadThroughput: 50_000, uploadThroughput: 50_000 }
/** Near Jianwai SOHO, Beijing (WGS-84, as a browser reports it). */
const POSITION = { latitude: 39.9073, longitude: 116.4435 }

export interface Screen {
  name: string
  route: string
  /** What counts as meaningful content: the first such element on screen. */
  selector: string
  /** A member who signed in before (a session in storage; the HTTP cache is still cold). */
  session?: string
}

export const SCREENS: Screen[] = [
  // The prerendered shell's tiles and stations count as much as the app's own.
  { name: 'home', route: '/#/pages/index/index', selector: '.tile, .shell-tile' },
  { name: 'finder', route: '/#/pages/stations/index', selector: '.station-item, .shell-station' },
  { name: 'finder, signed in', route: '/#/pages/stations/index', selector: '.station-item, .shell-station', session: 'demo-m-rider' },
]

export interface ScreenResult {
  screen: Screen
  /** Navigation start to the first meaningful element painted, seconds (median). */
  firstContentS: number
  /** Compressed bytes (headers included) of the requests finished by then (median). */
  bytes: number
  /** Requests finished by then, in the median run. */
  requests: string[]
}

// Records when the first element matching the selector is laid out on screen (next frame after insertion).
export const WATCH = (selector: string) => `
(() => {
  const seen = () => [...document.querySelectorAll(${JSON.stringify(selector)})].some((e) => {
    const r = e.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && r.top < innerHeight
  })
  const check = () => {
    if (window.__fmc || !seen()) return
    window.__fmc = -1
    requestAnimationFrame(() => (window.__fmc = performance.now()))
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true })
})()`

interface Req {
  url: string
  end?: number
  bytes: number
}

/** Requests by id, and the offset from CDP's monotonic clock to wall-clock seconds. */
async function track(cdp: CDPSession): Promise<{ reqs: Map<string, Req>; wallOffset: () => number }> {
  const reqs = new Map<string, Req>()
  let wallOffset = 0
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!wallOffset) wallOffset = e.wallTime - e.timestamp
    reqs.set(e.requestId, { url: e.request.url, bytes: 0 })
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId)
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength })
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', THREE_G)
  return { reqs, wallOffset: () => wallOffset }
}

async function sessionToken(url: string, openid: string): Promise<string> {
  const r = await fetch(`${url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'login', data: { code: `dev:${openid}` } }) })
  const body = (await r.json()) as { ok: boolean; data: { token: string } }
  if (!body.ok) throw new Error(`login ${openid} failed`)
  return body.data.token
}

/** Longest wait for a screen; one that never shows counts as this (and names where the app went instead). */
const GIVE_UP_MS = 60_000

async function once(context: BrowserContext, url: string, screen: Screen): Promise<{ s: number; bytes: number; requests: string[] }> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const { reqs, wallOffset } = await track(cdp)
  await page.addInitScript(WATCH(screen.selector))
  await page.goto(url + screen.route, { waitUntil: 'commit' })
  const shown = await page.waitForFunction(() => ((window as { __fmc?: number }).__fmc ?? 0) > 0, undefined, { timeout: GIVE_UP_MS, polling: 100 }).then(
    () => true,
    () => false,
  )
  if (!shown) {
    const where = await page.evaluate(() => location.hash)
    await page.close()
    return { s: Infinity, bytes: Infinity, requests: [`not shown within ${GIVE_UP_MS / 1000} s; the app went to ${where}`] }
  }
  const { fmcMs, origin } = await page.evaluate(() => ({ fmcMs: (window as unknown as { __fmc: number }).__fmc, origin: performance.timeOrigin }))
  // The moment content showed, on CDP's monotonic clock (its events carry both clocks).
  const cut = (origin + fmcMs) / 1000 - wallOffset()
  const done = [...reqs.values()].filter((r) => r.end !== undefined && r.end <= cut)
  await page.close()
  return { s: fmcMs / 1000, bytes: done.reduce((n, r) => n + r.bytes, 0), requests: done.map((r) => `${new URL(r.url).pathname} ${(r.bytes / 1024).toFixed(1)} KB`) }
}

const median = <T>(xs: T[], by: (x: T) => number): T => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)]

/** Measures the H5 build in `h5Dir` (BENCH_H5_DIR, default: a fresh production build in dist-h5). */
export async function benchFirstScreen(h5Dir = process.env.BENCH_H5_DIR): Promise<ScreenResult[]> {
  if (!h5Dir) {
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`H5 build failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`)
  }
  const stack = await startH5Stack({ h5Dir: path.resolve(ROOT, h5Dir || process.env.H5_OUT_DIR || 'dist-h5') })
  try {
    const out: ScreenResult[] = []
    for (const screen of SCREENS) {
      const token = screen.session ? await sessionToken(stack.url, screen.session) : null
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        // A fresh context each run: empty HTTP cache, no service worker, no storage but the session.
        const context = await stack.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
        await context.grantPermissions(['geolocation'], { origin: stack.url })
        await context.setGeolocation(POSITION)
        if (token) await context.addInitScript(`localStorage.setItem('wu.session', ${JSON.stringify(JSON.stringify({ data: token }))})`)
        runs.push(await once(context, stack.url, screen))
        await context.close()
      }
      const m = median(runs, (r) => r.s)
      out.push({ screen, firstContentS: m.s, bytes: median(runs, (r) => r.bytes).bytes, requests: m.requests })
    }
    return out
  } finally {
    await stack.stop()
  }
}

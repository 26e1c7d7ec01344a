// The built mini-program, launched as WeChat would: app.js, then App's onLaunch/onShow; pages opened onto
// a stack with onLoad(query)/onShow/onReady, hidden and unloaded as navigation goes. Navigations the app
// asks for are recorded; a test follows one with follow().
import fs from 'node:fs'
import path from 'node:path'
import { describeError, Runtime, type Problem } from './runtime'
import { WeappPage } from './page'
import { createWx, type Navigation, type WeappHost, type WxAnswers, type WxRecord } from './wx'

export { WeappPage }

export interface LaunchOptions {
  /** The weapp output folder (taro build --type weapp). */
  dir: string
  host: WeappHost
  /** Origins wx.request may reach; default https://api.example.cn. */
  requestDomains?: string[]
  answers?: WxAnswers
}

type Lifecycle = (this: unknown, ...a: unknown[]) => unknown

/** settle() waits until nothing is in flight and no timer is due within HORIZON_MS. */
const HORIZON_MS = 1000
const SETTLE_TIMEOUT_MS = 15_000

export class MiniProgram {
  readonly runtime: Runtime
  readonly wx: Record<string, unknown>
  readonly record: WxRecord
  readonly dir: string
  readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; requiredPrivateInfos?: string[] }
  readonly routes = new Set<string>()
  readonly stack: WeappPage[] = []
  /** Navigations recorded but not yet followed. */
  readonly unfollowed: Navigation[] = []
  app: Record<string, unknown> | undefined
  readonly components: unknown[] = []
  private readonly pageConfigs = new Map<string, Record<string, unknown>>()
  private loading: string | null = null

  constructor(readonly options: LaunchOptions) {
    const dir = path.resolve(options.dir)
    this.appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
    for (const p of this.appJson.pages) this.routes.add(p)
    for (const s of this.appJson.subPackages ?? []) for (const p of s.pages) this.routes.add(`${s.root}/${p}`)
    this.dir = dir
    this.runtime = new Runtime(dir, (this.appJson.subPackages ?? []).map((s) => s.root))
    this.runtime.currentRoute = () => this.top?.route
    const { wx, record } = createWx(this.runtime, {
      host: options.host,
      requestDomains: options.requestDomains ?? ['https://api.example.cn'],
      routes: this.routes,
      requiredPrivateInfos: this.appJson.requiredPrivateInfos ?? [],
      answers: options.answers ?? {},
      current: () => (this.top ? { route: this.top.route, id: this.top.id } : undefined),
      stackDepth: () => this.stack.length,
      onNavigate: (n) => this.unfollowed.push(n),
    })
    this.wx = wx
    this.record = record
    const rt = this.runtime
    this.runtime.install({
      wx,
      App: (config: Record<string, unknown>) => {
        if (this.app) rt.problem('error', 'App() called twice')
        this.app = config
      },
      getApp: () => this.app,
      Page: (config: Record<string, unknown>) => {
        if (!this.loading) return rt.problem('error', 'Page() called outside a page file')
        this.pageConfigs.set(this.loading, config)
      },
      Component: (config: unknown) => void this.components.push(config),
      getCurrentPages: () => rt.Array.from(this.stack.map((p) => p.instance)),
      require: (r: string) => rt.require(null, r),
    })
  }

  get top(): WeappPage | undefined {
    return this.stack[this.stack.length - 1]
  }

  get problems(): Problem[] {
    return this.runtime.problems
  }

  /** Runs app.js and App's onLaunch/onShow with the launch options of the home page. */
  async launch(): Promise<void> {
    this.load('app', 'app.js')
    if (!this.app) this.runtime.problem('error', 'app.js did not call App()')
    const opts = this.runtime.toVm({ path: this.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} })
    for (const hook of ['onLaunch', 'onShow']) {
      const fn = this.app?.[hook] as Lifecycle | undefined
      if (fn) this.runtime.guard(`App ${hook}`, () => fn.call(this.app, opts))
    }
    await this.settle()
  }

  /**
   * Opens route as WeChat would for `how`: navigateTo pushes (hiding the current page), redirectTo
   * replaces it, reLaunch clears the stack. Resolves once the page has settled.
   */
  async open(route: string, query: Record<string, string> = {}, how: 'navigateTo' | 'redirectTo' | 'reLaunch' = 'navigateTo'): Promise<WeappPage> {
    route = route.replace(/^\//, '').replace(/\.js$/, '')
    if (!this.routes.has(route)) throw new Error(`${route} is not a page in app.json`)
    if (!this.pageConfigs.has(route)) this.load(route, `${route}.js`)
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`Page "${route}" has not been registered yet (its file did not call Page()); problems:\n${this.report()}`)
    if (how === 'navigateTo') this.top?.hide()
    if (how === 'redirectTo') this.stack.pop()?.unload()
    if (how === 'reLaunch') while (this.stack.length) this.stack.pop()!.unload()
    const page = new WeappPage(
      {
        runtime: this.runtime,
        dir: this.dir,
        calls: () => this.record.calls,
        settle: () => this.settle(),
        createSelectorQuery: () => (this.wx.createSelectorQuery as () => unknown)(),
      },
      route,
      query,
      config,
    )
    this.stack.push(page)
    page.call('onLoad', this.runtime.toVm(query))
    page.call('onShow')
    this.runtime.later(`${route} onReady`, () => void page.call('onReady'))
    await this.settle()
    return page
  }

  /** Carries out the oldest navigation the app asked for (or the one given); resolves with the page now on top. */
  async follow(nav?: Navigation): Promise<WeappPage> {
    const n = nav ?? this.unfollowed[0]
    if (!n) throw new Error(`No navigation to follow; navigations so far: ${JSON.stringify(this.record.navigations)}`)
    const i = this.unfollowed.indexOf(n)
    if (i >= 0) this.unfollowed.splice(i, 1)
    if (n.api === 'navigateBack') return this.back(n.delta)
    if (n.api === 'switchTab') throw new Error('switchTab cannot be followed: app.json has no tabBar')
    return this.open(n.route, n.query, n.api)
  }

  /** Closes the top `delta` pages and shows the one below. */
  async back(delta = 1): Promise<WeappPage> {
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.stack.pop()!.unload()
    this.top!.show()
    await this.settle()
    return this.top!
  }

  /** Resolves when no host call is in flight and no timer is due soon; throws if that never happens. */
  async settle(timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
    const end = Date.now() + timeoutMs
    let quiet = 0
    while (quiet < 3) {
      await new Promise((r) => setTimeout(r, 5))
      quiet = this.runtime.idle(HORIZON_MS) ? quiet + 1 : 0
      if (Date.now() > end) throw new Error(`The mini-program did not settle in ${timeoutMs} ms: ${this.runtime.describePending()}`)
    }
  }

  /** Problems so far, one per line ('' when none). */
  report(problems: Problem[] = this.problems): string {
    return problems.map((p) => `[${p.kind}${p.page ? ` @ ${p.page}` : ''}] ${p.message}`).join('\n')
  }

  /** Throws with every recorded problem (uncaught errors, unhandled rejections, unknown APIs, ...). */
  assertHealthy(): void {
    if (this.problems.length) throw new Error(`The mini-program reported ${this.problems.length} problem(s):\n${this.report()}`)
  }

  close(): void {
    this.runtime.close()
  }

  private load(route: string, file: string): void {
    this.loading = route
    try {
      this.runtime.require(null, file)
    } catch (e) {
      this.runtime.problem('error', `Uncaught error while loading ${file}: ${describeError(e)}`)
    } finally {
      this.loading = null
    }
  }
}

/** Launches the built app; close() it when done (afterEach). */
export async function launchWeapp(options: LaunchOptions): Promise<MiniProgram> {
  const mp = new MiniProgram(options)
  await mp.launch()
  return mp
}

// The mini-program logic layer as a Node vm context: only the globals WeChat gives page code, WeChat's
// require() over the built output folder, timers the harness can wait for, and a record of every
// uncaught error. wx, App, Page and friends are installed by mini-program.ts.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

export type ProblemKind = 'error' | 'rejection' | 'unknown-api' | 'console.error' | 'navigation' | 'request' | 'render'

export interface Problem {
  kind: ProblemKind
  message: string
  /** The page on top of the stack when it happened. */
  page?: string
}

// WeChat's define() wraps each file in a function whose parameters shadow these browser names with
// undefined; process, fetch and global are simply not there.
const SHADOWED = 'window,document,frames,self,location,navigator,localStorage,history,Caches,screen,alert,confirm,prompt,XMLHttpRequest,WebSocket,Reporter,webkit,WeixinJSCore'
const WRAP_HEAD = `(function (require, module, exports, ${SHADOWED}) {`

// Globals Node or browsers have and WeChat does not. Reading one throws the ReferenceError the real
// runtime would and is recorded, even where the app catches it (as a `typeof` probe would also be:
// built code must not name them at all).
const ABSENT = ['process', 'global', 'fetch']

// Compiled once per worker and run in each test's fresh context.
const scripts = new Map<string, vm.Script>()
function compile(file: string): vm.Script {
  let s = scripts.get(file)
  if (!s) {
    s = new vm.Script(`${WRAP_HEAD}${fs.readFileSync(file, 'utf8')}\n})`, { filename: file })
    scripts.set(file, s)
  }
  return s
}

type Rejections = (owns: (p: unknown) => boolean, record: (reason: unknown) => void) => () => void
declare const __weappRejections: Rejections | undefined

export function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { stack?: unknown; message?: unknown; errMsg?: unknown }
    if (typeof o.stack === 'string') return o.stack.split('\n').slice(0, 6).join('\n')
    if (typeof o.message === 'string') return o.message
    if (typeof o.errMsg === 'string') return o.errMsg
    try {
      return JSON.stringify(e)
    } catch {
      /* fall through */
    }
  }
  return String(e)
}

export class Runtime {
  readonly context: vm.Context
  readonly problems: Problem[] = []
  readonly consoleLines: { level: string; text: string }[] = []
  /** Host operations (requests, function calls, async wx APIs) still running. */
  pending = 0
  closed = false
  /** Set by mini-program.ts: the route on top of the page stack, for problem reports. */
  currentRoute: () => string | undefined = () => undefined
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly timers = new Map<number, { due: number; handle: NodeJS.Timeout; repeat: boolean }>()
  private nextTimer = 1
  private readonly release: () => void
  private readonly vmParse: (s: string) => unknown
  /** The vm realm's own constructors: what its code sees as Promise, Object and Array. */
  readonly Promise: PromiseConstructor
  readonly Object: ObjectConstructor
  readonly Array: ArrayConstructor

  constructor(
    readonly dir: string,
    /** Subpackage roots from app.json: their files may be required only from inside them. */
    private readonly subRoots: string[],
  ) {
    // Strings cannot become code: WeChat refuses eval and new Function in the logic layer.
    this.context = vm.createContext({}, { name: 'weapp', codeGeneration: { strings: false, wasm: false } })
    vm.runInContext('delete globalThis.WebAssembly', this.context)
    this.vmParse = vm.runInContext('JSON.parse', this.context)
    this.Promise = vm.runInContext('Promise', this.context)
    this.Object = vm.runInContext('Object', this.context)
    this.Array = vm.runInContext('Array', this.context)
    this.install({
      console: this.makeConsole(),
      setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => this.addTimer(fn, ms, args, false),
      setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => this.addTimer(fn, ms, args, true),
      clearTimeout: (id: number) => this.clearTimer(id),
      clearInterval: (id: number) => this.clearTimer(id),
    })
    const VmReferenceError = vm.runInContext('ReferenceError', this.context) as ReferenceErrorConstructor
    for (const name of ABSENT)
      Object.defineProperty(this.context, name, {
        configurable: true,
        get: () => {
          const at = (new Error().stack ?? '').split('\n').find((l) => l.includes(this.dir))?.trim() ?? ''
          this.problem('error', `The built code read the global "${name}", which the mini-program runtime does not have (${at})`)
          throw new VmReferenceError(`${name} is not defined`)
        },
      })
    if (typeof __weappRejections !== 'function') throw new Error('The weapp harness needs the test environment tests/support/weapp/environment.js')
    const VmPromise = this.Promise
    this.release = __weappRejections(
      (p) => p instanceof VmPromise,
      (reason) => this.problem('rejection', `Unhandled promise rejection: ${describeError(reason)}`),
    )
  }

  /** Defines globals inside the context. */
  install(globals: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(globals)) Object.defineProperty(this.context, k, { value: v, writable: true, configurable: true, enumerable: false })
  }

  problem(kind: ProblemKind, message: string): void {
    if (!this.closed) this.problems.push({ kind, message, page: this.currentRoute() })
  }

  /** JSON-clones host data into objects of the vm's own realm, as WeChat's bridge serializes it. */
  toVm<T>(value: T): T {
    const json = JSON.stringify(value)
    return (json === undefined ? undefined : this.vmParse(json)) as T
  }

  /** JSON-clones vm data out to the host. */
  fromVm<T>(value: T): T {
    const json = JSON.stringify(value)
    return json === undefined ? (undefined as T) : JSON.parse(json)
  }

  /** Runs vm code from a host callback; a throw is an uncaught error in the mini-program. */
  guard<A extends unknown[]>(what: string, fn: ((...a: A) => unknown) | undefined, ...args: A): unknown {
    if (this.closed || typeof fn !== 'function') return undefined
    try {
      return fn(...args)
    } catch (e) {
      this.problem('error', `Uncaught error in ${what}: ${describeError(e)}`)
      return undefined
    }
  }

  /** Counts a host operation as pending until it settles (settle() waits for it). */
  track<T>(p: Promise<T>): Promise<T> {
    this.pending++
    return p.finally(() => {
      this.pending--
    })
  }

  /** Runs fn on a later macrotask, as WeChat delivers API callbacks. */
  later(what: string, fn: () => void, ms = 0): void {
    this.pending++
    setTimeout(() => {
      this.pending--
      this.guard(what, fn)
    }, ms)
  }

  /**
   * WeChat's require(): relative to the requiring file (null: the platform loading app.js or a page),
   * '.js' optional, each file evaluated once; a subpackage's files only from inside that subpackage.
   */
  require(from: string | null, request: string): unknown {
    const base = request.startsWith('/') || !from ? this.dir : path.dirname(from)
    let file = path.resolve(base, request.replace(/^\//, ''))
    if (!file.endsWith('.js')) file += '.js'
    const rel = path.relative(this.dir, file).split(path.sep).join('/')
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const root = this.subRoots.find((r) => rel.startsWith(`${r}/`))
    const fromRel = from ? path.relative(this.dir, from).split(path.sep).join('/') : null
    if (rel.startsWith('..') || !fs.existsSync(file) || (root && fromRel !== null && !fromRel.startsWith(`${root}/`)))
      throw new Error(`module '${rel}' is not defined, require args is '${request}'`)
    const module = { exports: {} as unknown }
    this.modules.set(file, module)
    const fn = compile(file).runInContext(this.context) as (...a: unknown[]) => void
    fn(
      (r: string) => this.require(file, r),
      module,
      module.exports,
    )
    return module.exports
  }

  /** True when nothing is pending and no one-shot timer is due within `horizonMs` (intervals never end). */
  idle(horizonMs: number): boolean {
    if (this.pending > 0) return false
    const limit = Date.now() + horizonMs
    for (const t of this.timers.values()) if (!t.repeat && t.due <= limit) return false
    return true
  }

  describePending(): string {
    const now = Date.now()
    const due = [...this.timers.values()].filter((t) => !t.repeat).map((t) => t.due - now).sort((a, b) => a - b)
    return `${this.pending} host operation(s) pending, timers due in [${due.slice(0, 5).join(', ')}] ms`
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const t of this.timers.values()) clearTimeout(t.handle)
    this.timers.clear()
    this.release()
  }

  private addTimer(fn: unknown, ms: number | undefined, args: unknown[], repeat: boolean): number {
    const id = this.nextTimer++
    const delay = Math.max(0, Number(ms) || 0)
    if (this.closed) return id
    const run = () => {
      if (repeat) this.timers.set(id, { due: Date.now() + delay, handle, repeat })
      else this.timers.delete(id)
      this.guard(repeat ? 'setInterval callback' : 'setTimeout callback', fn as (...a: unknown[]) => unknown, ...args)
    }
    const handle = repeat ? setInterval(run, delay) : setTimeout(run, delay)
    this.timers.set(id, { due: Date.now() + delay, handle, repeat })
    return id
  }

  private clearTimer(id: number): void {
    const t = this.timers.get(id)
    if (!t) return
    clearTimeout(t.handle)
    this.timers.delete(id)
  }

  private makeConsole(): Record<string, (...a: unknown[]) => void> {
    const out = (level: string) => (...args: unknown[]) => {
      const text = args.map((a) => (typeof a === 'string' ? a : describeError(a))).join(' ')
      this.consoleLines.push({ level, text })
      if (process.env.WEAPP_DEBUG) process.stdout.write(`[weapp ${level}] ${text}\n`)
      // Taro's stand-in for an API the platform object lacks.
      const unsupported = /^小程序暂不支持 (\S+)/.exec(text)
      if (unsupported) this.problem('unknown-api', `Taro.${unsupported[1]} called, but wx.${unsupported[1]} does not exist in the harness`)
      else if (level === 'error') this.problem('console.error', text)
    }
    return { log: out('log'), info: out('info'), debug: out('debug'), warn: out('warn'), error: out('error'), group: out('log'), groupEnd: () => undefined, time: () => undefined, timeEnd: () => undefined }
  }
}

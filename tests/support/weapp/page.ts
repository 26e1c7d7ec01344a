// A page instance as WeChat makes one from Page(config): its data (setData paths applied the way the
// bridge applies them), lifecycles, and what a member can see and do with the rendered page.
import type { Runtime } from './runtime'
import { eventPath, findAll, mpEvent, render, textLines, type Found, type Query, type VNode } from './view'
import type { ApiCall } from './wx'

/** Splits a setData key: WeChat's `a.b[0].c` and Taro's `root.cn.[0].v`. */
export function parsePath(key: string): (string | number)[] {
  const out: (string | number)[] = []
  for (const part of key.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) throw new Error(`setData key "${key}" is not a data path`)
    if (m[1]) out.push(m[1])
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]))
  }
  return out
}

/** Writes value at key inside data, creating objects and arrays on the way, as WeChat does. */
export function applyPath(data: Record<string, unknown>, key: string, value: unknown, makeObject: () => object, makeArray: () => unknown[]): void {
  const keys = parsePath(key)
  let cur = data as Record<string | number, unknown>
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      cur[k] = value
      return
    }
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof keys[i + 1] === 'number' ? makeArray() : makeObject()
    cur = cur[k] as Record<string | number, unknown>
  })
}

/** What a page needs from the mini-program around it. */
export interface PageHost {
  runtime: Runtime
  dir: string
  calls(): ApiCall[]
  settle(): Promise<void>
  createSelectorQuery(): unknown
}

type Instance = Record<string, unknown> & { data: Record<string, unknown> }

/** WeChat refuses a single setData above 1 MB. */
const SET_DATA_LIMIT = 1024 * 1024
let pageIds = 0

export class WeappPage {
  readonly id = ++pageIds
  readonly instance: Instance
  setDataCount = 0
  state: 'shown' | 'hidden' | 'unloaded' = 'shown'
  private view: { at: number; tree: VNode } | null = null

  constructor(
    private readonly host: PageHost,
    readonly route: string,
    readonly query: Record<string, string>,
    config: Record<string, unknown>,
  ) {
    const rt = host.runtime
    const inst = new rt.Object() as Instance
    for (const [k, v] of Object.entries(config)) if (k !== 'data') inst[k] = v
    inst.data = rt.toVm((config.data as Record<string, unknown>) ?? {})
    Object.assign(inst, {
      route,
      __route__: route,
      options: rt.toVm(query),
      __wxWebviewId__: this.id,
      __wxExparserNodeId__: `page-${this.id}`,
      is: route,
      setData: (data: Record<string, unknown>, cb?: () => void) => this.setData(data, cb),
      getPageId: () => `pageId:${this.id}`,
      selectComponent: () => null,
      selectAllComponents: () => new rt.Array(),
      createSelectorQuery: () => host.createSelectorQuery(),
      getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
    })
    this.instance = inst
  }

  /** Calls a lifecycle or handler on the instance as WeChat does; a throw is an uncaught error. */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.instance[name] as ((...a: unknown[]) => unknown) | undefined
    return this.host.runtime.guard(`${this.route} ${name}`, fn ? (...a: unknown[]) => fn.apply(this.instance, a) : undefined, ...args)
  }

  hide(): void {
    if (this.state !== 'shown') return
    this.state = 'hidden'
    this.call('onHide')
  }

  show(): void {
    this.state = 'shown'
    this.call('onShow')
  }

  unload(): void {
    if (this.state === 'unloaded') return
    this.call('onUnload')
    this.state = 'unloaded'
  }

  get data(): Record<string, unknown> {
    return this.instance.data
  }

  /** The page as WeChat's WXML compiler renders its current data. */
  tree(): VNode {
    if (!this.view || this.view.at !== this.setDataCount) {
      const { tree, warnings } = render(this.host.dir, `${this.route}.wxml`, this.data)
      for (const w of warnings) this.host.runtime.problem('render', w)
      this.view = { at: this.setDataCount, tree }
    }
    return this.view.tree
  }

  /** Rendered text, one line per run of adjacent text. */
  lines(): string[] {
    return textLines(this.tree())
  }

  text(): string {
    return this.lines().join('\n')
  }

  /** Backend calls made while this page was on top. */
  get calls(): ApiCall[] {
    return this.host.calls().filter((c) => c.pageId === this.id)
  }

  /** "function.action" of each backend call this page made. */
  callNames(): string[] {
    return this.calls.map((c) => `${c.fn}.${c.action}`)
  }

  find(q: Query): Found[] {
    return findAll(this.tree(), q)
  }

  /** An attribute of the element matching q, by its camel-cased WXML name (src, markers, value...). */
  attr(q: Query, name: string): unknown {
    return this.one(q).node.attr[name]
  }

  /** Taps the innermost element matching q; the tap bubbles to every element bound to it, as in WeChat. */
  async tap(q: Query | string): Promise<void> {
    const found = this.one(typeof q === 'string' ? { text: q } : q)
    const path = eventPath(found, 'tap')
    if (!path.length) throw new Error(`Nothing around ${describe(q)} on ${this.route} handles a tap`)
    for (const { node, handler } of path) this.call(handler, this.host.runtime.toVm(mpEvent('tap', found.node, node, { x: 10, y: 10 })))
    await this.host.settle()
  }

  /** Types value into the input matching q (one input event, as pasting does). */
  async input(q: Query, value: string): Promise<void> {
    await this.trigger(q, 'input', { value, cursor: value.length, keyCode: 0 })
  }

  /** Fires one event at the element matching q (input, change, confirm...), if the element binds it. */
  async trigger(q: Query, type: string, detail: unknown): Promise<void> {
    const found = this.one(q)
    const path = eventPath(found, type)
    if (!path.length) throw new Error(`<${found.tag}> ${describe(q)} on ${this.route} does not bind ${type}`)
    for (const { node, handler } of path) this.call(handler, this.host.runtime.toVm(mpEvent(type, found.node, node, detail)))
    await this.host.settle()
  }

  async pullDownRefresh(): Promise<void> {
    this.call('onPullDownRefresh')
    await this.host.settle()
  }

  /** Waits until the rendered text contains `text`. */
  async waitForText(text: string, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs
    while (!this.text().includes(text)) {
      if (Date.now() > end) throw new Error(`"${text}" never appeared on ${this.route}; it shows:\n${this.text()}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  private one(q: Query): Found {
    const all = this.find(q)
    if (!all.length) throw new Error(`No element matches ${describe(q)} on ${this.route}; it shows:\n${this.text()}`)
    return all[0]
  }

  private setData(data: Record<string, unknown>, cb?: () => void): void {
    const rt = this.host.runtime
    if (rt.closed) return
    if (this.state === 'unloaded') rt.problem('error', `setData on the unloaded page ${this.route}`)
    const size = JSON.stringify(data ?? {}).length
    if (size > SET_DATA_LIMIT) rt.problem('error', `setData of ${size} bytes on ${this.route} exceeds WeChat's 1 MB limit`)
    this.setDataCount++
    for (const [key, value] of Object.entries(data ?? {})) {
      // WeChat ignores (and warns about) undefined values.
      if (value !== undefined) applyPath(this.instance.data, key, rt.toVm(value), () => new rt.Object(), () => new rt.Array())
    }
    if (typeof cb === 'function') rt.later(`${this.route} setData callback`, () => cb.call(this.instance))
  }
}

function describe(q: Query | string): string {
  return JSON.stringify(q, (_k, v) => (v instanceof RegExp ? String(v) : v))
}

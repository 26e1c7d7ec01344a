// The view layer: WeChat's own WXML compiler (wcc, shipped in the npm package miniprogram-compiler)
// compiles every .wxml of the output once; a page's data then renders to the element tree WeChat would
// show. Text, element queries and event bubbling read that tree.
import vm from 'node:vm'

export interface VNode {
  tag: string
  attr: Record<string, unknown>
  children: (VNode | string)[]
}

type Generate = (data: unknown, env: unknown, scope: unknown) => VNode
type Gwx = (file: string) => Generate | undefined

interface Compiled {
  gwx: Gwx
  parse: (s: string) => unknown
  warnings: string[]
}

// One compilation per output folder per worker (wcc takes ~50 ms; rendering is per call).
const compiled = new Map<string, Compiled>()

function compile(dir: string): Compiled {
  let c = compiled.get(dir)
  if (c) return c
  // Resolved lazily: the compiler comes in through @tarojs/webpack5-runner -> miniprogram-simulate.
  const { wxmlToJs } = require('miniprogram-compiler') as { wxmlToJs(root: string): string }
  const warnings: string[] = []
  const say = (...a: unknown[]) => void warnings.push(a.map(String).join(' '))
  const ctx = vm.createContext({ console: { log: say, warn: say, error: say, info: say, debug: say } })
  // The generated code expects a browser-like global, as in WeChat's webview.
  vm.runInContext('var window = globalThis; var __wxAppCode__ = {}; var __vd_version_info__ = {};', ctx)
  const gwx = vm.runInContext(`(function () {${wxmlToJs(dir)}\n})()`, ctx) as Gwx
  // Data must be of the compiler's realm: its WXS bridge checks `o.constructor === Object`.
  c = { gwx, parse: vm.runInContext('JSON.parse', ctx), warnings }
  compiled.set(dir, c)
  return c
}

/** Renders `file` (e.g. pages/card/index.wxml) with data; custom `comp` elements are expanded in place. */
export function render(dir: string, file: string, data: unknown): { tree: VNode; warnings: string[] } {
  const c = compile(dir)
  const from = c.warnings.length
  const run = (f: string, d: unknown): VNode => {
    const gen = c.gwx(f)
    if (!gen) throw new Error(`${f} is not in the compiled WXML`)
    return expand(gen(c.parse(JSON.stringify(d ?? {})), {}, {}))
  }
  // Taro hands nodes deeper than its template levels to the recursive `comp` component.
  const expand = (n: VNode): VNode => ({
    ...n,
    children: (n.children ?? []).flatMap((ch) => {
      if (typeof ch === 'string') return [ch]
      if (ch.tag === 'comp') return run('comp.wxml', { i: ch.attr.i, l: ch.attr.l }).children
      return [expand(ch)]
    }),
  })
  const tree = run(file, data)
  return { tree, warnings: c.warnings.slice(from) }
}

const tagOf = (n: VNode) => n.tag.replace(/^wx-/, '')
const classes = (n: VNode) => String(n.attr?.class ?? '').split(/\s+/).filter(Boolean)

/** Visible text in document order, one entry per run of adjacent text. */
export function textLines(tree: VNode): string[] {
  const lines: string[] = []
  let cur = ''
  const flush = () => {
    const t = cur.trim()
    if (t) lines.push(t)
    cur = ''
  }
  const walk = (n: VNode | string) => {
    if (typeof n === 'string') {
      cur += n
      return
    }
    flush()
    n.children.forEach(walk)
    flush()
  }
  walk(tree)
  return lines
}

export interface Query {
  /** Part of the element's text (or a pattern). */
  text?: string | RegExp
  /** One of its classes. */
  cls?: string
  /** Its tag without "wx-": view, text, button, input, image, map... */
  tag?: string
}

export interface Found {
  node: VNode
  /** From the page down to the node's parent. */
  ancestors: VNode[]
  tag: string
  text: string
}

/** Elements matching q in document order; a text-only query gives the innermost element with that text. */
export function findAll(tree: VNode, q: Query): Found[] {
  const textOnly = q.text !== undefined && !q.cls && !q.tag
  const visit = (n: VNode, ancestors: VNode[]): Found[] => {
    const inner = n.children.flatMap((c) => (typeof c === 'string' ? [] : visit(c, [...ancestors, n])))
    const text = textLines(n).join('')
    const ok =
      (!q.cls || classes(n).includes(q.cls)) &&
      (!q.tag || tagOf(n) === q.tag) &&
      (q.text === undefined || (typeof q.text === 'string' ? text.includes(q.text) : q.text.test(text)))
    return ok && !(textOnly && inner.length) ? [{ node: n, ancestors, tag: tagOf(n), text }, ...inner] : inner
  }
  return visit(tree, [])
}

/** How an element binds `type`: its handler name and whether it catches (stops bubbling). */
export function binding(n: VNode, type: string): { handler: string; capture: 'bind' | 'catch' } | null {
  for (const capture of ['catch', 'bind'] as const) {
    const h = n.attr?.[`${capture}${type}`] ?? n.attr?.[`${capture}:${type}`]
    if (typeof h === 'string' && h) return { handler: h, capture }
  }
  return null
}

const BUBBLES = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])

/** The elements, innermost first, that receive `type` fired at found: bubbling stops at a catch. */
export function eventPath(found: Found, type: string): { node: VNode; handler: string }[] {
  const out: { node: VNode; handler: string }[] = []
  for (const n of [found.node, ...[...found.ancestors].reverse()]) {
    const b = binding(n, type)
    if (b) out.push({ node: n, handler: b.handler })
    if ((b && b.capture === 'catch') || !BUBBLES.has(type)) break
  }
  return out
}

/** The event object WeChat passes to a handler: target is where it happened, currentTarget who bound it. */
export function mpEvent(type: string, target: VNode, current: VNode, detail: unknown): Record<string, unknown> {
  const ref = (n: VNode) => ({ id: n.attr?.id ?? '', dataset: { sid: n.attr?.['data-sid'] }, offsetLeft: 0, offsetTop: 0 })
  return { type, timeStamp: Date.now(), detail, target: ref(target), currentTarget: ref(current), mark: {}, touches: [], changedTouches: [] }
}

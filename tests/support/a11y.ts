// Accessibility checks on the rendered H5 page: axe-core (injected from node_modules), and what the
// MIIT rules for older users ask, measured from the page itself (getBoundingClientRect and computed
// styles): touch targets, text contrast, text size and line spacing. Also the gateway calls the tests
// need for ids (a campaign, a station, an order).
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { openRoute, type Stack } from './browser'

const AXE = fs.readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** axe-core on the whole document; evaluated over CDP, so the page's CSP does not block it. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: any[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n: any) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`) }))
  })
}

export const serious = (vs: AxeViolation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical')

export interface Measured {
  what: string
  text: string
  value: number
  need: number
}

export interface PageMeasures {
  /** Interactive elements smaller than the target size. */
  smallTargets: Measured[]
  /** Text below the contrast it needs (4.5:1, or 3:1 for 24 px / 18.66 px bold and larger). */
  lowContrast: Measured[]
  /** Text smaller than minFont (elder mode). */
  smallText: Measured[]
  /** Text with line spacing under 1.3. */
  tightLines: Measured[]
  /** How many were measured, so an empty page cannot pass. */
  counted: { targets: number; texts: number }
  /** The smallest target and the lowest contrast seen, for the report. */
  minTarget: number
  minContrast: number
  minFont: number
}

export interface MeasureOptions {
  /** Minimum width and height of any control, CSS px. */
  target: number
  /** Minimum of primary buttons (.wu-btn-lg, home tiles). */
  primaryTarget: number
  /** Minimum text size, CSS px (0: not checked). */
  minFont: number
}

/** Measures the page shown now (the visible Taro page only). */
export async function measure(page: Page, o: MeasureOptions): Promise<PageMeasures> {
  return page.evaluate((o) => {
    const root = document.querySelector('.taro_page:not([style*="display: none"]) .wu-screen') ?? document.body
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05
    }
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join('.')}`
    const textOf = (el: Element) => (el.getAttribute('aria-label') || (el as HTMLElement).innerText || '').trim().slice(0, 30)

    // ---- touch targets ----
    const controls = root.querySelectorAll('[role="button"],[role="tab"],[role="checkbox"],[role="radio"],[role="link"],taro-button-core,button,a[href],input:not([type="hidden"]),textarea')
    const smallTargets: any[] = []
    let counted = 0
    let minTarget = Infinity
    for (const el of controls) {
      if (!visible(el)) continue
      counted++
      const r = el.getBoundingClientRect()
      const primary = el.matches('.wu-btn-lg, .tile')
      const need = primary ? o.primaryTarget : o.target
      const size = Math.min(r.width, r.height)
      minTarget = Math.min(minTarget, size)
      if (r.width + 0.5 < need || r.height + 0.5 < need) smallTargets.push({ what: label(el), text: textOf(el), value: Math.round(size * 10) / 10, need })
    }

    // ---- text: contrast, size, line spacing ----
    type RGBA = [number, number, number, number]
    const parse = (c: string): RGBA | null => {
      const m = c.match(/rgba?\(([^)]+)\)/)
      if (!m) return null
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]
    }
    const lum = ([r, g, b]: RGBA) => {
      const f = (v: number) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)]
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
    }
    const over = (fg: RGBA, bg: RGBA): RGBA => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1) as RGBA
    /** The colours behind an element: the first opaque background up the tree (every stop of a gradient). */
    const backgrounds = (el: Element): RGBA[] => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.backgroundImage && s.backgroundImage !== 'none') {
          const stops = (s.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter(Boolean) as RGBA[]
          if (stops.length) return stops
        }
        const bg = parse(s.backgroundColor)
        if (bg && bg[3] > 0.95) return [bg]
      }
      return [[255, 255, 255, 1]]
    }
    const off = (el: Element) => !!el.closest('[disabled],[aria-disabled="true"],.stepper-btn-off')
    const lowContrast: any[] = []
    const smallText: any[] = []
    const tightLines: any[] = []
    let texts = 0
    let minContrast = Infinity
    let minFont = Infinity
    const all = root.querySelectorAll('*')
    for (const el of all) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())
      if (!own || !visible(el)) continue
      const s = getComputedStyle(el)
      texts++
      const size = parseFloat(s.fontSize)
      const bold = Number(s.fontWeight) >= 700
      minFont = Math.min(minFont, size)
      const text = (el.textContent ?? '').trim().slice(0, 30)
      if (!off(el)) {
        const fg = parse(s.color)!
        const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5
        const worst = Math.min(...backgrounds(el).map((bg) => ratio(over(fg, bg), bg)))
        minContrast = Math.min(minContrast, worst)
        if (worst + 0.005 < need) lowContrast.push({ what: label(el), text, value: Math.round(worst * 100) / 100, need })
      }
      if (o.minFont && size + 0.05 < o.minFont) smallText.push({ what: label(el), text, value: size, need: o.minFont })
      const lh = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / size
      // A single line set in a taller box (a button, a chip) is not "tight".
      const lines = Math.round(el.getBoundingClientRect().height / (s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight)))
      if (lh < 1.3 && lines > 1) tightLines.push({ what: label(el), text, value: Math.round(lh * 100) / 100, need: 1.3 })
    }
    return { smallTargets, lowContrast, smallText, tightLines, counted: { targets: counted, texts }, minTarget, minContrast, minFont }
  }, o)
}

/** Names of controls a screen reader cannot announce as such: Taro buttons without role, or unnamed. */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.taro_page:not([style*="display: none"])') ?? document.body
    const out: string[] = []
    for (const el of root.querySelectorAll('taro-button-core, [role="button"], [role="tab"], [role="checkbox"], [role="radio"]')) {
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) continue
      const name = (el.getAttribute('aria-label') || (el as HTMLElement).innerText || '').trim()
      if (!el.getAttribute('role')) out.push(`${el.tagName.toLowerCase()}.${el.className} has no role`)
      else if (!name) out.push(`${el.tagName.toLowerCase()}.${el.className} has no name`)
      if (el.matches('.wu-chip') && !el.hasAttribute('aria-pressed')) out.push(`${el.className} chip without aria-pressed`)
      if (el.getAttribute('role') === 'tab' && !el.hasAttribute('aria-selected')) out.push(`${el.className} tab without aria-selected`)
    }
    for (const el of root.querySelectorAll('input:not([type="hidden"]), textarea')) {
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) continue
      if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !(el as HTMLInputElement).labels?.length) out.push(`${el.parentElement?.className ?? el.tagName} input without a label`)
    }
    return out
  })
}

/** A gateway call from the test (not the page): { action, data } to /api/<fn>. */
export async function gatewayCall<T = any>(s: Stack, fn: string, action: string, data: unknown, token?: string): Promise<T> {
  const res = await fetch(`${s.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  })
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown }
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
  return body.data
}

export async function gatewayToken(s: Stack, openid: string): Promise<string> {
  return (await gatewayCall<{ token: string }>(s, 'auth', 'login', { code: `dev:${openid}` })).token
}

/** Elder mode on or off for the pages opened next (what the toggle stores, in Taro's H5 storage form). */
export async function setElderStored(page: Page, on: boolean): Promise<void> {
  await page.evaluate((v) => localStorage.setItem('wu.elder', JSON.stringify({ data: v })), on ? 'on' : 'off')
}

/** Opens a page fresh (a reload, so Taro keeps no earlier page in the DOM) and waits until it has loaded. */
export async function openFresh(s: Stack, route: string): Promise<void> {
  await openRoute(s, route)
  await s.page.locator('.taro_page .wu-screen').first().waitFor({ timeout: 20_000 })
  await s.page.waitForLoadState('networkidle')
  await s.page.waitForFunction(() => !document.querySelector('.state-loading'), undefined, { timeout: 20_000 }).catch(() => undefined)
  await s.page.waitForTimeout(300)
}

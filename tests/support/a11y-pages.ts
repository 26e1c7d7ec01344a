// The page-by-page accessibility run shared by tests/browser/a11y-*.test.ts: each page opened fresh as
// its user, in normal mode and in 长辈版, checked with axe-core (no serious or critical violation), for
// controls without a role or a name, for a title and a way back, and (main pages) measured for touch
// targets, contrast, text size and line spacing. A screenshot of each and a JSON summary are kept in
// test-results/.
import fs from 'node:fs'
import path from 'node:path'
import { describeBrowser, loginAs, screenshot, SCREENSHOTS, startStack, type Stack } from './browser'
import { axeViolations, measure, openFresh, serious, setElderStored, unnamedControls, type PageMeasures } from './a11y'

export interface A11yPage {
  /** The route after #/, with its query. */
  route: string | ((ids: Record<string, string>) => string)
  user: string
  /** Measured for touch targets, contrast, size and spacing. */
  main?: boolean
  /** The home page has no way back. */
  home?: boolean
  /** Runs once before the page is opened (e.g. put something in the cart). */
  prepare?: (s: Stack, ids: Record<string, string>) => Promise<void>
}

interface Row {
  route: string
  mode: 'normal' | 'elder'
  violations: { id: string; impact: string | null; nodes: number }[]
  unnamed: string[]
  measures?: PageMeasures
}

/** Normal mode: 44 px everywhere (primary 48); elder: 44 px, primary 60, text 18 px. */
export const TARGETS = { normal: { target: 44, primaryTarget: 44, minFont: 0 }, elder: { target: 44, primaryTarget: 60, minFont: 18 } }

export function describeA11y(title: string, pages: A11yPage[], ids: (s: Stack) => Promise<Record<string, string>>): void {
  describeBrowser(title, () => {
    let s: Stack
    let known: Record<string, string> = {}
    const rows: Row[] = []
    let who = ''

    beforeAll(async () => {
      s = await startStack()
      await s.page.context().grantPermissions(['geolocation'])
      await s.page.context().setGeolocation({ latitude: 39.9087, longitude: 116.3975 })
      known = await ids(s)
    }, 240_000)
    afterAll(async () => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true })
      fs.writeFileSync(path.join(SCREENSHOTS, `a11y-${title.replace(/\W+/g, '-')}.json`), JSON.stringify(rows, null, 2))
      await s?.stop()
    })

    it.each(pages.map((p) => [typeof p.route === 'string' ? p.route : p.route({}).split('?')[0], p] as const))('should be accessible in both modes when %s opens', async (_name, p) => {
      if (p.user !== who) {
        await loginAs(s, p.user)
        who = p.user
      }
      await p.prepare?.(s, known)
      const route = typeof p.route === 'string' ? p.route : p.route(known)
      const problems: string[] = []
      for (const mode of ['normal', 'elder'] as const) {
        await setElderStored(s.page, mode === 'elder')
        await openFresh(s, route)
        const elderOn = await s.page.locator('.taro_page .wu-screen.wu-elder').count()
        if ((mode === 'elder') !== elderOn > 0) problems.push(`${mode}: the page root ${elderOn ? 'is' : 'is not'} in elder mode`)
        const violations = await axeViolations(s.page)
        const unnamed = await unnamedControls(s.page)
        const row: Row = { route, mode, violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })), unnamed }
        for (const v of serious(violations)) problems.push(`${mode}: axe ${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`)
        for (const u of unnamed) problems.push(`${mode}: ${u}`)
        // H5 draws the title bar WeChat draws on weapp: a title and a way back.
        const title = (await s.page.locator('.taro_page .wu-header-title').first().innerText().catch(() => '')).trim()
        if (!title) problems.push(`${mode}: no page title`)
        if (!p.home && !(await s.page.locator('.taro_page .wu-header-back').count())) problems.push(`${mode}: no way back`)
        if (p.main) {
          const m = await measure(s.page, TARGETS[mode])
          row.measures = m
          if (m.counted.targets === 0 || m.counted.texts === 0) problems.push(`${mode}: nothing measured`)
          for (const x of m.smallTargets) problems.push(`${mode}: target ${x.what} "${x.text}" ${x.value}px < ${x.need}px`)
          for (const x of m.lowContrast) problems.push(`${mode}: contrast ${x.what} "${x.text}" ${x.value}:1 < ${x.need}:1`)
          for (const x of m.smallText) problems.push(`${mode}: text ${x.what} "${x.text}" ${x.value}px < ${x.need}px`)
          for (const x of m.tightLines) problems.push(`${mode}: line spacing ${x.what} "${x.text}" ${x.value} < ${x.need}`)
        }
        rows.push(row)
        await screenshot(s.page, `a11y-${mode}-${route.split('?')[0].replace(/\W+/g, '-')}`)
      }
      expect(problems).toEqual([])
    }, 120_000)
  })
}

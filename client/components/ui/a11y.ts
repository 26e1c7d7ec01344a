// Accessibility props that reach the screen reader on both platforms. H5: `role`, `aria-*` and
// `tabindex` land on Taro's custom elements as attributes. Weapp: WeChat reads `aria-role` (not `role`)
// and `aria-*` on components (config/plugins/weapp-aria.ts lets Taro's templates carry them).
const WEAPP = process.env.TARO_ENV === 'weapp'

export interface A11y {
  role?: string
  /** What a screen reader says instead of the visible text. */
  label?: string
  pressed?: boolean
  selected?: boolean
  checked?: boolean
  disabled?: boolean
  expanded?: boolean
  hidden?: boolean
  /** Heading level (with role heading). */
  level?: number
  /** Announce changes (a result that appears after an action). */
  live?: 'polite' | 'assertive'
  /** H5: in the tab order (controls drawn from a View or Text). */
  focusable?: boolean
}

const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'true' : 'false')

/** Props for a Taro component; undefined values are left out. */
export function a11y(o: A11y): Record<string, string | number> {
  const out: Record<string, string | number | undefined> = {
    [WEAPP ? 'aria-role' : 'role']: o.role,
    'aria-label': o.label,
    'aria-pressed': flag(o.pressed),
    'aria-selected': flag(o.selected),
    'aria-checked': flag(o.checked),
    'aria-disabled': o.disabled ? 'true' : undefined,
    'aria-expanded': flag(o.expanded),
    'aria-hidden': o.hidden ? 'true' : undefined,
    'aria-level': o.level,
    'aria-live': o.live,
  }
  if (!WEAPP && o.focusable) out.tabindex = o.disabled ? -1 : 0
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k]
  return out as Record<string, string | number>
}

type Key = { key?: string; preventDefault?: () => void; currentTarget?: unknown }

/** H5: Enter and Space press a control drawn by Taro (a custom element), as they press a native button. */
export function keyActivate(): { onKeyDown?: (e: Key) => void } {
  if (WEAPP) return {}
  return {
    onKeyDown: (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      e.preventDefault?.()
      // A click reaches the element's own handlers (a disabled Taro button stops it there).
      ;(e.currentTarget as { click?: () => void } | undefined)?.click?.()
    },
  }
}

// Brings a result that appears after an action into view (and to a screen reader's attention): on H5 the
// page scrolls inside Taro's page element, which Taro.pageScrollTo does not find, so the result is
// scrolled into view and focused there; weapp uses pageScrollTo. Called after the result is rendered.
import Taro from '@tarojs/taro'

export function reveal(selector: string): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.nextTick(() => void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined))
    return
  }
  if (typeof document === 'undefined') return
  setTimeout(() => {
    // Taro H5 keeps earlier pages in the DOM, hidden: the one shown is the last.
    const all = document.querySelectorAll<HTMLElement>(selector)
    const el = all[all.length - 1]
    if (!el) return
    el.scrollIntoView?.({ behavior: 'smooth', block: 'start' })
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1')
    el.focus?.({ preventScroll: true })
  }, 50)
}

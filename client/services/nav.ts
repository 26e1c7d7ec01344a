// Navigation helpers that keep the page stack short (Taro H5 keeps earlier pages in the DOM).
import Taro from '@tarojs/taro'

function routeOf(page: unknown): string {
  const p = page as { route?: string; path?: string } | undefined
  return String(p?.route || p?.path || '').replace(/^\//, '')
}

/** Goes back when the previous page is `url` (it reloads on show); otherwise replaces this page with it. */
export function backOrRedirect(url: string): void {
  let pages: unknown[] = []
  try {
    pages = Taro.getCurrentPages()
  } catch {
    /* not available */
  }
  const target = url.replace(/^\//, '').replace(/\?.*$/, '')
  if (pages.length >= 2 && routeOf(pages[pages.length - 2]).startsWith(target)) {
    Taro.navigateBack({ delta: 1 })
    return
  }
  Taro.redirectTo({ url })
}

// Login and error handling shared by the station pages.
import { ApiCallError } from '../../services/api'
import { ensureLogin, hasSession } from '../../services/session'

/**
 * True when requests carry an identity (a token, or WeChat's own over wx.cloud), or one was just made.
 * Then no extra round trip: the API call itself reports UNAUTHENTICATED, and session.ts opens the login page.
 */
export async function haveSession(): Promise<boolean> {
  if (hasSession()) return true
  try {
    return (await ensureLogin()) !== null || hasSession()
  } catch {
    return false
  }
}

/**
 * A sentence for the member. On UNAUTHENTICATED the handler that services/session.ts installs (imported
 * above) has already opened the login page, so this only words it.
 */
export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) {
    if (e.code === 'UNAUTHENTICATED') return '登录已过期，请重新登录'
    if (e.code === 'FORBIDDEN') return '仅限工会工作人员使用'
    return e.message
  }
  return '网络不太好，请稍后重试'
}

export const isNetworkError = (e: unknown) => e instanceof ApiCallError && e.code === 'NETWORK'
export const isLoginError = (e: unknown) => e instanceof ApiCallError && e.code === 'UNAUTHENTICATED'

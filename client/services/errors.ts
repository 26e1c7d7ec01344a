// How a failed call reads to the user, the same on every page. It never navigates: on UNAUTHENTICATED
// the handler services/session.ts installs has already opened the login page, so this only words it.
import { ApiCallError } from './api'

/** What staff pages say when the server answers FORBIDDEN. */
export const STAFF_ONLY = '仅限工会工作人员使用'

export const errorCode = (e: unknown): string | null => (e instanceof ApiCallError ? e.code : null)
export const isForbidden = (e: unknown) => errorCode(e) === 'FORBIDDEN'

/** A sentence for the user; `forbidden` words FORBIDDEN where the page has its own wording. */
export function errorText(e: unknown, forbidden?: string): string {
  if (!(e instanceof ApiCallError)) return '网络不太好，请稍后重试'
  if (e.code === 'UNAUTHENTICATED') return '登录已过期，请重新登录'
  if (e.code === 'FORBIDDEN' && forbidden) return forbidden
  return e.message
}

// Error wording shared by the staff pages.
import { ApiCallError } from '../../services/api'

export const staffMessage = (e: unknown): string =>
  e instanceof ApiCallError ? (e.code === 'FORBIDDEN' ? '仅限工会工作人员使用' : e.message) : '网络不太好，请稍后重试'

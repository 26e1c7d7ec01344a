// Payments over HTTP, one implementation for the `payNotify` function and the gateway's routes.
// WeChat Pay's notifications: the raw body goes to handleNotification, and its reply becomes what WeChat Pay
// expects (204 when applied or already applied; 4xx/5xx with {code: 'FAIL', message} to be retried or looked at).
import type { App } from '../../platform/app'
import { handleNotification } from '../../domain/shop/payments'

// The simulated provider (outside production): its notifications delivered in process, and the "member paid" step.
export { deliverSimulated } from '../../domain/shop/payments'
export { simulatePayment } from '../../domain/shop/simulate'

export const NOTIFY_PATHS = ['/pay/notify', '/pay/refund-notify'] as const

/** An HTTP access path that carries a notification (the function may sit under a prefix, e.g. /wu/pay/notify). */
export const isNotifyPath = (path: string) => NOTIFY_PATHS.some((p) => path === p || path.endsWith(p))

export interface HttpReply {
  status: number
  headers: Record<string, string>
  body: string
}

export async function answerNotification(app: App, headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<HttpReply> {
  const r = await handleNotification(app, headers, rawBody)
  if (!r.body) return { status: r.status, headers: {}, body: '' }
  return { status: r.status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(r.body) }
}

// Helpers shared by the shop pages: opening a page, payment, remembered address.
import Taro from '@tarojs/taro'
import { api, ApiCallError } from '../../services/api'
import { REMEMBERED_ADDRESS_KEY, rememberedAddress } from '../../services/known'
import { formatYuan } from '../../../types/money'
import type { OrderStatus } from '../../../types/shop'
import type { AddressForm } from './validate'

/** Opens a page (a url from services/routes); when the page stack is full, replaces this one instead. */
export const go = (url: string) => Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }))

// ---- remembered address: only when the member ticks 记住地址 (services/known.ts reads it for other forms) ----
export const ADDRESS_KEY = REMEMBERED_ADDRESS_KEY

export const loadAddress = (): AddressForm | null => rememberedAddress()
export function rememberAddress(f: AddressForm | null): void {
  try {
    if (f) Taro.setStorageSync(ADDRESS_KEY, JSON.stringify(f))
    else Taro.removeStorageSync(ADDRESS_KEY)
  } catch {
    /* ignore */
  }
}

// ---- payment ----
export const POLL_TIMEOUT_MS = 15_000
export const POLL_INTERVAL_MS = 1_000

export type PayOutcome =
  | { kind: 'paid'; status: OrderStatus }
  | { kind: 'not-pending'; status: OrderStatus }
  | { kind: 'timeout' }
  | { kind: 'user-cancelled' }
  | { kind: 'wechat-only' }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Asks for the order until it leaves PENDING_PAYMENT, for at most timeoutMs. */
export async function waitPaid(orderId: string, timeoutMs = POLL_TIMEOUT_MS, intervalMs = POLL_INTERVAL_MS): Promise<PayOutcome> {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const o = await api.shop.order({ orderId })
      if (o.status !== 'PENDING_PAYMENT') return o.status === 'CANCELLED' ? { kind: 'not-pending', status: o.status } : { kind: 'paid', status: o.status }
    } catch (e) {
      if (e instanceof ApiCallError && e.code !== 'NETWORK') throw e
    }
    if (Date.now() + intervalMs > until) return { kind: 'timeout' }
    await sleep(intervalMs)
  }
}

/**
 * The simulated provider's "member paid" step (development servers only, on H5 and weapp alike): the
 * member confirms, then the server completes the payment as WeChat Pay would. False when they decline.
 */
async function simulatedPay(orderId: string, payableFen: number): Promise<boolean> {
  const c = await Taro.showModal({
    title: '模拟支付',
    content: `当前为测试环境，不会真实扣款。确认支付 ¥${formatYuan(payableFen)}？`,
    confirmText: '模拟支付',
    cancelText: '取消',
  })
  if (!c.confirm) return false
  await api.shop.simulatePay({ orderId })
  return true
}

/**
 * Pays an order: prepay on the server, then the WeChat cashier (weapp) or the simulator (a development
 * server), then waits for the server to see the payment. `onConfirming` is called when the waiting starts.
 */
export async function payOrder(orderId: string, onConfirming?: () => void): Promise<PayOutcome> {
  let p: Awaited<ReturnType<typeof api.shop.pay>>
  try {
    p = await api.shop.pay({ orderId })
  } catch (e) {
    // Paid already (another tap, another device) or cancelled: say what the order is now.
    if (e instanceof ApiCallError && e.code === 'INVALID_STATE') {
      const o = await api.shop.order({ orderId })
      if (o.status !== 'PENDING_PAYMENT') return o.status === 'CANCELLED' ? { kind: 'not-pending', status: o.status } : { kind: 'paid', status: o.status }
    }
    throw e
  }
  if (p.provider === 'simulated') {
    if (!(await simulatedPay(orderId, p.payableFen))) return { kind: 'user-cancelled' }
  } else if (process.env.TARO_ENV === 'h5') {
    return { kind: 'wechat-only' }
  } else {
    try {
      await Taro.requestPayment({ ...p.params })
    } catch (e) {
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      if (/cancel/i.test(msg)) return { kind: 'user-cancelled' }
      // The cashier failed, but the payment may still have gone through: ask the server below.
    }
  }
  onConfirming?.()
  return waitPaid(orderId)
}

/** "mm:ss" until the deadline; null when passed. */
export function countdown(deadlineIso: string | null, now: number): string | null {
  if (!deadlineIso) return null
  const left = Math.floor((Date.parse(deadlineIso) - now) / 1000)
  if (!(left > 0)) return null
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(Math.floor(left / 60))}:${p(left % 60)}`
}

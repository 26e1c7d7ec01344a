// Pure shop rules: the order state machine, order numbers, what unpaid orders may hold, placement refusals. No I/O here.
import crypto from 'node:crypto'
import type { ErrorCode } from '../../../types/common'
import type { OrderStatus } from '../../../types/shop'
import type { ShopPolicy } from '../../../config/policies'

/** Every allowed move of an order; anything else is refused. */
export const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'READY_FOR_PICKUP', 'REFUNDING'],
  SHIPPED: ['COMPLETED', 'REFUNDING'],
  READY_FOR_PICKUP: ['COMPLETED', 'REFUNDING'],
  COMPLETED: ['REFUNDING'],
  // A payment that lands after its order was cancelled is refunded straight away.
  CANCELLED: ['REFUNDING'],
  REFUNDING: ['REFUNDED'],
  REFUNDED: [],
}

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Asia/Shanghai is UTC+8 all year (no daylight saving): its date without the time-zone database, on every order. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** WU + Shanghai date + 10 random digits: readable on the phone, unique in the database. */
export function newOrderNo(now: Date): string {
  const day = new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '')
  return `WU${day}${String(crypto.randomInt(0, 1e10)).padStart(10, '0')}`
}

/** The refund number is derived from the order, so a retried refund asks the provider for the same refund. */
export const refundNoFor = (orderNo: string) => `RF${orderNo}`

/** Whether a member may ask for a refund: paid and not yet refunded, and within the window after completion. */
export function refundAllowed(status: OrderStatus, completedAt: Date | null, now: Date, windowDays: number): boolean {
  if (status === 'CANCELLED' || !canMove(status, 'REFUNDING')) return false
  if (status !== 'COMPLETED') return true
  return !!completedAt && now.getTime() - completedAt.getTime() <= windowDays * 86400_000
}

export interface Refusal {
  code: Extract<ErrorCode, 'VALIDATION_FAILED' | 'NOT_FOUND' | 'OUT_OF_STOCK' | 'QUOTA_FULL'>
  message: string
  fields?: Record<string, string>
}

/** Why a member order cannot be placed whatever the stock: a line above the per-line cap, or more units than any buyer may hold. */
export function memberOrderRefusal(p: ShopPolicy, items: { qty: number }[]): Refusal | null {
  const max = p.memberMaxQtyPerLine
  if (items.some((i) => i.qty > max)) return { code: 'VALIDATION_FAILED', message: `个人每种商品最多购买 ${max} 件，单位团购请使用工会团购`, fields: { items: `每种商品最多 ${max} 件` } }
  const units = items.reduce((n, i) => n + i.qty, 0)
  const held = p.maxHeldUnitsPerMember
  if (units > held) return { code: 'VALIDATION_FAILED', message: `一笔订单最多 ${held} 件商品，请减少数量后再下单`, fields: { items: `合计最多 ${held} 件` } }
  return null
}

/** What placing an order found, from orders.ts's one statement. */
export type Outcome = 'placed' | 'seen' | 'station' | 'not_found' | 'out_of_stock' | 'mixed_seller' | 'held'

export interface OutcomeDetail {
  /** The first line short of stock. */
  short?: { name: string; stock: number } | null
  /** The buyer's unpaid member orders and their units, when the caps refused. */
  hold?: { orders: number; units: number } | null
}

/** The error for an order refused at placement; null when it was placed (or placed before, by the same request). */
export function placementRefusal(outcome: Outcome, d: OutcomeDetail, p: ShopPolicy): Refusal | null {
  switch (outcome) {
    case 'placed':
    case 'seen':
      return null
    case 'station':
      return { code: 'VALIDATION_FAILED', message: '所选自提站点不存在或已关闭', fields: { 'delivery.stationId': '请重新选择自提站点' } }
    case 'not_found':
      return { code: 'NOT_FOUND', message: '商品不存在或已下架' }
    case 'out_of_stock':
      return { code: 'OUT_OF_STOCK', message: `“${d.short?.name ?? '商品'}”库存不足，仅剩 ${d.short?.stock ?? 0} 件` }
    case 'mixed_seller':
      return { code: 'VALIDATION_FAILED', message: '不同工会专柜的商品请分开下单' }
    case 'held': {
      const orders = d.hold?.orders ?? 0
      if (orders >= p.maxUnpaidOrdersPerMember) return { code: 'QUOTA_FULL', message: `您已有 ${orders} 笔待支付订单，请先支付或取消后再下单` }
      return { code: 'QUOTA_FULL', message: `待支付订单最多为您保留 ${p.maxHeldUnitsPerMember} 件商品（已保留 ${d.hold?.units ?? 0} 件），请先支付或取消部分订单后再下单` }
    }
  }
}

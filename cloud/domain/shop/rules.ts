// Pure shop rules: the order state machine, order numbers, deadlines. No I/O here.
import crypto from 'node:crypto'
import type { OrderStatus } from '../../../types/shop'
import { shanghai } from '../../platform/time'

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

/** WU + Shanghai date + 10 random digits: readable on the phone, unique in the database. */
export function newOrderNo(now: Date): string {
  return `WU${shanghai(now).format('YYYYMMDD')}${String(crypto.randomInt(0, 1e10)).padStart(10, '0')}`
}

/** The refund number is derived from the order, so a retried refund asks the provider for the same refund. */
export const refundNoFor = (orderNo: string) => `RF${orderNo}`

/** Payable amount in fen: member price for card holders and union bulk purchases, list price otherwise. */
export function linePrice(p: { price_fen: number; member_price_fen: number }, memberPrice: boolean): number {
  return memberPrice ? p.member_price_fen : p.price_fen
}

/** Whether a member may ask for a refund: paid and not yet refunded, and within the window after completion. */
export function refundAllowed(status: OrderStatus, completedAt: Date | null, now: Date, windowDays: number): boolean {
  if (status === 'CANCELLED' || !canMove(status, 'REFUNDING')) return false
  if (status !== 'COMPLETED') return true
  return !!completedAt && now.getTime() - completedAt.getTime() <= windowDays * 86400_000
}

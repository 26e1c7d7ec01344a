// The order life cycle after placement: the state machine's moves, cancelling and expiring unpaid orders,
// fulfilment and receipt. Locks follow the order documented in store.ts.
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import type { Caller } from '../../platform/caller'
import type { OrderStatus } from '../../../types/shop'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { scopeRoot } from '../../platform/scope'
import { audit } from '../audit/service'
import { reverseOrderSubsidy } from '../subsidy/checkout'
import { orderById, releaseHolds, restock, statusOf, type OrderRow } from './store'
import { canMove } from './rules'
import { tellFulfilled } from './messages'

/** Moves an order along the state machine (locking it first), and audits the move; null when not allowed now. */
export async function move(q: Queryable, orderId: string, to: OrderStatus, actor: Caller | null, set: Record<string, unknown> = {}, note?: string): Promise<OrderRow | null> {
  const cur = await orderById(q, orderId, true)
  if (!cur || !canMove(cur.status, to)) return null
  const cols = Object.keys(set)
  const [o] = await q.query<OrderRow>(
    `update orders set status = $2${cols.map((c, i) => `, ${c} = $${i + 3}`).join('')} where id = $1 returning *`,
    [orderId, to, ...Object.values(set)],
  )
  await audit(q, { actor, action: `order.${to.toLowerCase()}`, entity: 'order', entityId: orderId, unionId: o.buyer_union_id, before: { status: cur.status }, after: { status: to, ...(note ? { note } : {}) } })
  return o
}

/**
 * Cancels unpaid orders, once: only orders still PENDING_PAYMENT move. Then, in lock order, their open
 * payments close, their stock returns, their holds are released and any subsidy goes back.
 */
export async function cancelOrders(q: Queryable, ids: string[], reason: string, actor: Caller | null, now: Date): Promise<string[]> {
  if (!ids.length) return []
  const rows = await q.query<{ id: string; buyer_union_id: string | null }>(
    `with locked as materialized (select id from orders where id = any($1::uuid[]) and status = 'PENDING_PAYMENT' order by id for no key update)
     update orders o set status = 'CANCELLED', cancelled_at = $2, cancel_reason = $3 from locked k
     where o.id = k.id and o.status = 'PENDING_PAYMENT' returning o.id, o.buyer_union_id`,
    [ids, now, reason],
  )
  if (!rows.length) return []
  const moved = rows.map((r) => r.id)
  await q.query(`update payments set status = 'closed' where order_id = any($1::uuid[]) and status = 'created'`, [moved])
  await restock(q, moved)
  await releaseHolds(q, moved)
  await reverseOrderSubsidy(q, moved, now)
  for (const r of rows) await audit(q, { actor, action: 'order.cancel', entity: 'order', entityId: r.id, unionId: r.buyer_union_id, before: { status: 'PENDING_PAYMENT' }, after: { status: 'CANCELLED', reason } })
  return moved
}

/** Closes the provider's side of cancelled orders, so a late payment cannot land (best effort, after commit). */
async function closeTrades(app: App, orderIds: string[]) {
  if (!orderIds.length) return
  const rows = await app.db.query<{ out_trade_no: string }>('select out_trade_no from payments where order_id = any($1::uuid[])', [orderIds])
  for (const r of rows) await app.pay.close(r.out_trade_no).catch((e) => app.log.warn({ err: e }, 'close trade failed'))
}

/**
 * Cancels the caller's (or everyone's) unpaid orders whose deadline has passed. Runs on read and as a job.
 * Orders another path holds locked (a payment being applied) are skipped: the next run sees what it decided.
 */
export async function expireDue(app: App, userId?: string): Promise<number> {
  const now = app.now()
  const ids = await app.db.tx(async (q) => {
    const due = await q.query<{ id: string }>(
      `select id from orders where status = 'PENDING_PAYMENT' and pay_deadline <= $1 ${userId ? 'and user_id = $2' : ''}
       order by pay_deadline limit 500 for no key update skip locked`,
      userId ? [now, userId] : [now],
    )
    return cancelOrders(q, due.map((d) => d.id), '超时未支付，系统自动取消', null, now)
  })
  await closeTrades(app, ids)
  return ids.length
}

/** The caller's own order (NOT_FOUND for anyone else's), expired first when its deadline has passed. */
export async function ownOrder(app: App, caller: Caller, orderId: string): Promise<OrderRow> {
  const o = await orderById(app.db, orderId)
  if (!o || o.user_id !== caller.userId) throw new AppError('NOT_FOUND', '订单不存在')
  if (o.status === 'PENDING_PAYMENT' && o.pay_deadline <= app.now()) {
    await expireDue(app, caller.userId)
    return (await orderById(app.db, orderId))!
  }
  return o
}

export async function cancelOrder(app: App, caller: Caller, input: ActionData<'shop', 'cancelOrder'>) {
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status !== 'PENDING_PAYMENT') {
    if (o.status === 'CANCELLED') return { orderId: o.id, status: o.status }
    throw new AppError('INVALID_STATE', '订单已支付，如需退款请申请售后')
  }
  const moved = await app.db.tx((q) => cancelOrders(q, [o.id], input.reason || '买家取消', caller, app.now()))
  await closeTrades(app, moved)
  const now = await statusOf(app.db, o.id)
  if (now !== 'CANCELLED') throw new AppError('INVALID_STATE', '订单已支付，如需退款请申请售后')
  return { orderId: o.id, status: now }
}

export async function confirmReceipt(app: App, caller: Caller, input: ActionData<'shop', 'confirmReceipt'>) {
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status === 'COMPLETED') return { orderId: o.id, status: o.status }
  if (o.status !== 'SHIPPED' && o.status !== 'READY_FOR_PICKUP') throw new AppError('INVALID_STATE', '订单尚未发货，不能确认收货')
  const moved = await app.db.tx((q) => move(q, o.id, 'COMPLETED', caller, { completed_at: app.now() }, '买家确认收货'))
  if (!moved) throw new AppError('INVALID_STATE', '订单状态已变化，请刷新')
  return { orderId: o.id, status: 'COMPLETED' as const }
}

/** Completes orders shipped or ready for pickup more than the policy's days ago. */
export async function autoConfirm(app: App): Promise<number> {
  const cutoff = new Date(app.now().getTime() - app.policies.shop.autoConfirmDays * 86400_000)
  const due = await app.db.query<{ id: string }>(`select id from orders where status in ('SHIPPED', 'READY_FOR_PICKUP') and fulfilled_at <= $1 limit 500`, [cutoff])
  let n = 0
  for (const d of due) if (await app.db.tx((q) => move(q, d.id, 'COMPLETED', null, { completed_at: app.now() }, '超时自动确认收货'))) n++
  return n
}

/** The selling union ships an address order, or makes a pickup order ready at its station. */
export async function fulfil(app: App, caller: Caller, input: ActionData<'shop', 'fulfil'>) {
  const o = await orderById(app.db, input.orderId)
  if (!o) throw new AppError('NOT_FOUND', '订单不存在')
  await scopeRoot(app.db, caller, o.seller_union_id)
  if (o.status !== 'PAID') throw new AppError('INVALID_STATE', '只有已支付待发货的订单可以发货')
  if (o.delivery_type === 'address' && !input.trackingNo) throw new AppError('VALIDATION_FAILED', '请填写快递单号', { trackingNo: '请填写快递单号' })
  const to: OrderStatus = o.delivery_type === 'address' ? 'SHIPPED' : 'READY_FOR_PICKUP'
  const moved = await app.db.tx((q) => move(q, o.id, to, caller, { fulfilled_at: app.now(), tracking_no: input.trackingNo ?? null }))
  if (!moved) throw new AppError('INVALID_STATE', '订单状态已变化，请刷新')
  await tellFulfilled(app, { ...o, tracking_no: input.trackingNo ?? null }, to)
  return { orderId: o.id, status: to }
}

// The relief shop: catalogue, order placement, the order life cycle and starting a payment.
import type { App } from '../../platform/app'
import { isUuid, likeEscape } from '../../db/sql'
import type { Queryable } from '../../db'
import { uniqueViolation } from '../../db'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { Category, OrderDetail, OrderStatus, ProductDetail, ProductSummary } from '../../../types/shop'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { assertInScope } from '../../platform/scope'
import { audit } from '../audit/service'
import { applyCheckoutSubsidy, reverseOrderSubsidy } from '../subsidy/service'
import { getUnion } from '../union/service'
import { maskName, maskPhone } from '../../../types/mask'
import { canMove, linePrice, newOrderNo, refundAllowed, refundNoFor } from './rules'

interface ProductRow {
  id: string
  union_id: string
  name: string
  province: string
  county: string
  category: Category
  supplier_name: string
  supplier_license: string
  supplier_contact: string
  unit: string
  price_fen: number
  member_price_fen: number
  stock: number
  images: string[]
  relief: boolean
  status: 'on_sale' | 'off_shelf'
  description: string
}

const toSummary = (p: ProductRow): ProductSummary => ({
  id: p.id,
  name: p.name,
  province: p.province,
  county: p.county,
  category: p.category,
  unit: p.unit,
  priceFen: p.price_fen,
  memberPriceFen: p.member_price_fen,
  stock: p.stock,
  image: p.images[0] ?? null,
  relief: p.relief,
  status: p.status,
})

export async function products(app: App, input: ActionData<'shop', 'products'>) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const where = [`status = 'on_sale'`]
  const params: unknown[] = []
  const add = (cond: string, v: unknown) => {
    params.push(v)
    where.push(cond.replace('?', `$${params.length}`))
  }
  if (input.q) add(`(name ilike ? or county ilike $${params.length + 1} or province ilike $${params.length + 1})`, `%${likeEscape(input.q)}%`)
  if (input.category) add('category = ?', input.category)
  if (input.province) add('province = ?', input.province)
  if (input.county) add('county = ?', input.county)
  if (input.reliefOnly) where.push('relief')
  const limit = input.limit ?? 20
  const rows = await app.db.query<ProductRow>(
    `select * from products where ${where.join(' and ')} order by relief desc, created_at, id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit + 1, offset],
  )
  const origins = await app.db.query<{ province: string; county: string; count: number }>(
    `select province, county, count(*)::int as count from products where status = 'on_sale' group by province, county order by province, county`,
  )
  const page = pageOf(rows, limit, offset)
  return { items: page.rows.map(toSummary), nextCursor: page.nextCursor, origins }
}

async function loadProduct(q: Queryable, id: string): Promise<ProductRow> {
  const [p] = isUuid(id) ? await q.query<ProductRow>('select * from products where id = $1', [id]) : []
  if (!p) throw new AppError('NOT_FOUND', '商品不存在或已下架')
  return p
}

export async function product(app: App, id: string): Promise<ProductDetail> {
  const p = await loadProduct(app.db, id)
  return {
    ...toSummary(p),
    description: p.description,
    images: p.images,
    supplier: { name: p.supplier_name, licenseNo: p.supplier_license, contact: p.supplier_contact },
    unionId: p.union_id,
  }
}

interface Delivery {
  type: 'address' | 'pickup'
  name?: string
  phone?: string
  region?: string
  detail?: string
  stationId?: string
}

interface OrderRow {
  id: string
  order_no: string
  user_id: string
  kind: 'member' | 'bulk'
  status: OrderStatus
  buyer_union_id: string | null
  seller_union_id: string
  total_fen: number
  payable_fen: number
  subsidy_fen: number
  delivery_type: 'address' | 'pickup'
  station_id: string | null
  contact_enc: string | null
  contact_masked: { name?: string; phone?: string; region?: string } | null
  invoice_title: string | null
  invoice_tax_no: string | null
  tracking_no: string | null
  pay_deadline: Date
  paid_at: Date | null
  completed_at: Date | null
  created_at: Date
}

interface PlaceOrder {
  requestId: string
  kind: 'member' | 'bulk'
  items: { productId: string; qty: number }[]
  delivery: Delivery
  buyerUnionId: string | null
  memberPrice: boolean
  invoice?: { title: string; taxNo: string }
  note?: string
  reliefSubsidy?: boolean
}

function orderResult(o: { id: string; status: OrderStatus; payable_fen: number; subsidy_fen: number }) {
  return { orderId: o.id, status: o.status, payableFen: o.payable_fen, subsidyFen: o.subsidy_fen }
}

async function existingOrder(q: Queryable, userId: string, requestId: string) {
  const [o] = await q.query<OrderRow>('select * from orders where user_id = $1 and request_id = $2', [userId, requestId])
  return o
}

/**
 * Places an order: stock is held with conditional updates that never take it below zero, all lines or
 * none. The client's request id makes a retried call return the first order.
 */
async function placeOrder(app: App, caller: Caller, o: PlaceOrder) {
  const seen = await existingOrder(app.db, caller.userId, o.requestId)
  if (seen) return orderResult(seen)
  const now = app.now()
  if (o.delivery.type === 'pickup') {
    const [st] = isUuid(o.delivery.stationId!) ? await app.db.query<{ status: string }>('select status from stations where id = $1', [o.delivery.stationId]) : []
    if (!st || st.status !== 'active') throw new AppError('VALIDATION_FAILED', '所选自提站点不存在或已关闭', { 'delivery.stationId': '请重新选择自提站点' })
  }
  const lines = [...o.items].sort((a, b) => a.productId.localeCompare(b.productId)) // one lock order: no deadlocks
  try {
    return await app.db.tx(async (q) => {
      let total = 0
      let payable = 0
      let seller: string | null = null
      const held: { p: ProductRow; qty: number; price: number }[] = []
      for (const line of lines) {
        if (!isUuid(line.productId)) throw new AppError('NOT_FOUND', '商品不存在或已下架')
        const [p] = await q.query<ProductRow>(
          `update products set stock = stock - $2 where id = $1 and status = 'on_sale' and stock >= $2 returning *`,
          [line.productId, line.qty],
        )
        if (!p) {
          const [exists] = await q.query<{ name: string; stock: number; status: string }>('select name, stock, status from products where id = $1', [line.productId])
          if (!exists || exists.status !== 'on_sale') throw new AppError('NOT_FOUND', '商品不存在或已下架')
          throw new AppError('OUT_OF_STOCK', `“${exists.name}”库存不足，仅剩 ${exists.stock} 件`)
        }
        if (seller && p.union_id !== seller) throw new AppError('VALIDATION_FAILED', '不同工会专柜的商品请分开下单')
        seller = p.union_id
        const price = linePrice(p, o.memberPrice)
        total += p.price_fen * line.qty
        payable += price * line.qty
        held.push({ p, qty: line.qty, price })
      }
      const contact = o.delivery.type === 'address' ? { name: o.delivery.name!, phone: o.delivery.phone!, region: o.delivery.region!, detail: o.delivery.detail! } : null
      const [order] = await q.query<OrderRow>(
        `insert into orders (order_no, user_id, request_id, kind, status, buyer_union_id, seller_union_id, total_fen, payable_fen, delivery_type, station_id,
           contact_enc, contact_masked, invoice_title, invoice_tax_no, note, pay_deadline, created_at)
         values ($1, $2, $3, $4, 'PENDING_PAYMENT', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning *`,
        [
          newOrderNo(now),
          caller.userId,
          o.requestId,
          o.kind,
          o.buyerUnionId,
          seller,
          total,
          payable,
          o.delivery.type,
          o.delivery.stationId ?? null,
          contact ? app.sealer.encrypt(JSON.stringify(contact)) : null,
          contact ? JSON.stringify({ name: maskName(contact.name), phone: maskPhone(contact.phone), region: contact.region }) : null,
          o.invoice?.title ?? null,
          o.invoice?.taxNo ?? null,
          o.note ?? null,
          new Date(now.getTime() + app.policies.shop.paymentWindowMinutes * 60_000),
          now,
        ],
      )
      for (const h of held) {
        await q.query(
          `insert into order_items (order_id, product_id, name, unit, category, province, county, supplier_name, supplier_license, relief, unit_price_fen, qty, amount_fen)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [order.id, h.p.id, h.p.name, h.p.unit, h.p.category, h.p.province, h.p.county, h.p.supplier_name, h.p.supplier_license, h.p.relief, h.price, h.qty, h.price * h.qty],
        )
      }
      let placed = order
      if (o.reliefSubsidy) {
        const reliefFen = held.filter((h) => h.p.relief).reduce((sum, h) => sum + h.price * h.qty, 0)
        const subsidy = await applyCheckoutSubsidy(app, q, caller.userId, order.id, reliefFen, payable)
        ;[placed] = await q.query<OrderRow>('update orders set subsidy_fen = $2, payable_fen = payable_fen - $2 where id = $1 returning *', [order.id, subsidy])
      }
      await audit(q, {
        actor: caller,
        action: 'order.create',
        entity: 'order',
        entityId: order.id,
        unionId: o.buyerUnionId,
        after: { status: 'PENDING_PAYMENT', payableFen: placed.payable_fen, subsidyFen: placed.subsidy_fen, kind: o.kind },
      })
      return orderResult(placed)
    })
  } catch (e) {
    // The same request sent again while the first was in flight: answer with the first order.
    if (uniqueViolation(e) === 'orders_request_key') {
      const first = await existingOrder(app.db, caller.userId, o.requestId)
      if (first) return orderResult(first)
    }
    throw e
  }
}

export async function createOrder(app: App, caller: Caller, input: ActionData<'shop', 'createOrder'>) {
  const max = app.policies.shop.memberMaxQtyPerLine
  if (input.items.some((i) => i.qty > max)) throw new AppError('VALIDATION_FAILED', `个人每种商品最多购买 ${max} 件，单位团购请使用工会团购`, { items: `每种商品最多 ${max} 件` })
  return placeOrder(app, caller, { ...input, kind: 'member', buyerUnionId: caller.memberUnionId, memberPrice: caller.isMember })
}

export async function bulkOrder(app: App, caller: Caller, input: ActionData<'shop', 'bulkOrder'>) {
  assertInScope(caller, await getUnion(app.db, input.unionId))
  return placeOrder(app, caller, {
    requestId: input.requestId,
    kind: 'bulk',
    items: input.items,
    delivery: { type: 'address', ...input.delivery },
    buyerUnionId: input.unionId,
    memberPrice: true,
    invoice: input.invoice,
    note: input.note,
  })
}

/** Cancels unpaid orders and returns their stock, once: only orders still PENDING_PAYMENT move. */
export async function cancelOrders(q: Queryable, ids: string[], reason: string, actor: Caller | null, now: Date): Promise<string[]> {
  if (!ids.length) return []
  const rows = await q.query<{ id: string; buyer_union_id: string | null }>(
    `update orders set status = 'CANCELLED', cancelled_at = $2, cancel_reason = $3 where id = any($1::uuid[]) and status = 'PENDING_PAYMENT' returning id, buyer_union_id`,
    [ids, now, reason],
  )
  if (!rows.length) return []
  const moved = rows.map((r) => r.id)
  await q.query(
    `update products p set stock = p.stock + x.qty
     from (select product_id, sum(qty)::int as qty from order_items where order_id = any($1::uuid[]) group by product_id) x
     where p.id = x.product_id`,
    [moved],
  )
  await q.query(`update payments set status = 'closed' where order_id = any($1::uuid[]) and status = 'created'`, [moved])
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

/** Cancels the caller's (or everyone's) unpaid orders whose deadline has passed. Runs on read and as a job. */
export async function expireDue(app: App, userId?: string): Promise<number> {
  const now = app.now()
  const ids = await app.db.tx(async (q) => {
    const due = await q.query<{ id: string }>(
      `select id from orders where status = 'PENDING_PAYMENT' and pay_deadline <= $1 ${userId ? 'and user_id = $2' : ''} order by pay_deadline limit 500`,
      userId ? [now, userId] : [now],
    )
    return cancelOrders(q, due.map((d) => d.id), '超时未支付，系统自动取消', null, now)
  })
  await closeTrades(app, ids)
  return ids.length
}

/** The caller's own order (NOT_FOUND for anyone else's), expired first when its deadline has passed. */
export async function ownOrder(app: App, caller: Caller, orderId: string): Promise<OrderRow> {
  const [o] = isUuid(orderId) ? await app.db.query<OrderRow>('select * from orders where id = $1', [orderId]) : []
  if (!o || o.user_id !== caller.userId) throw new AppError('NOT_FOUND', '订单不存在')
  if (o.status === 'PENDING_PAYMENT' && o.pay_deadline <= app.now()) {
    await expireDue(app, caller.userId)
    return (await app.db.query<OrderRow>('select * from orders where id = $1', [orderId]))[0]
  }
  return o
}

export async function pay(app: App, caller: Caller, orderId: string) {
  const o = await ownOrder(app, caller, orderId)
  if (o.status === 'CANCELLED') throw new AppError('INVALID_STATE', '订单已取消（超时未支付或已手动取消），请重新下单')
  if (o.status !== 'PENDING_PAYMENT') throw new AppError('INVALID_STATE', '订单已支付，无需重复付款')
  const [first] = await app.db.query<{ name: string }>('select name from order_items where order_id = $1 order by name limit 1', [o.id])
  let [p] = await app.db.query<{ out_trade_no: string; prepay_id: string | null }>('select out_trade_no, prepay_id from payments where order_id = $1', [o.id])
  if (!p) {
    await app.db.query(`insert into payments (order_id, out_trade_no, provider, amount_fen) values ($1, $2, $3, $4) on conflict (order_id) do nothing`, [o.id, o.order_no, app.pay.name, o.payable_fen])
    ;[p] = await app.db.query('select out_trade_no, prepay_id from payments where order_id = $1', [o.id])
  }
  let prepayId = p.prepay_id
  if (!prepayId) {
    ;({ prepayId } = await app.pay.prepay({ outTradeNo: p.out_trade_no, amountFen: o.payable_fen, description: `暖心工会-${first?.name ?? '消费帮扶'}`, openid: caller.openid, expireAt: o.pay_deadline }))
    await app.db.query('update payments set prepay_id = $2, prepaid_at = $3 where order_id = $1 and prepay_id is null', [o.id, prepayId, app.now()])
  }
  return { orderId: o.id, provider: app.pay.name, outTradeNo: p.out_trade_no, payableFen: o.payable_fen, params: app.pay.paymentParams(prepayId!) }
}

export async function cancelOrder(app: App, caller: Caller, input: ActionData<'shop', 'cancelOrder'>) {
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status !== 'PENDING_PAYMENT') {
    if (o.status === 'CANCELLED') return { orderId: o.id, status: o.status }
    throw new AppError('INVALID_STATE', '订单已支付，如需退款请申请售后')
  }
  const moved = await app.db.tx((q) => cancelOrders(q, [o.id], input.reason || '买家取消', caller, app.now()))
  await closeTrades(app, moved)
  const [now] = await app.db.query<{ status: OrderStatus }>('select status from orders where id = $1', [o.id])
  if (now.status !== 'CANCELLED') throw new AppError('INVALID_STATE', '订单已支付，如需退款请申请售后')
  return { orderId: o.id, status: now.status }
}

/** Moves an order along the state machine (locking it first), and audits the move; null when not allowed now. */
export async function move(q: Queryable, orderId: string, to: OrderStatus, actor: Caller | null, set: Record<string, unknown> = {}, note?: string): Promise<OrderRow | null> {
  const [cur] = await q.query<{ status: OrderStatus }>('select status from orders where id = $1 for update', [orderId])
  if (!cur || !canMove(cur.status, to)) return null
  const cols = Object.keys(set)
  const [o] = await q.query<OrderRow>(
    `update orders set status = $2${cols.map((c, i) => `, ${c} = $${i + 3}`).join('')} where id = $1 returning *`,
    [orderId, to, ...Object.values(set)],
  )
  await audit(q, { actor, action: `order.${to.toLowerCase()}`, entity: 'order', entityId: orderId, unionId: o.buyer_union_id, before: { status: cur.status }, after: { status: to, ...(note ? { note } : {}) } })
  return o
}

export async function confirmReceipt(app: App, caller: Caller, orderId: string) {
  const o = await ownOrder(app, caller, orderId)
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

export async function fulfil(app: App, caller: Caller, input: ActionData<'shop', 'fulfil'>) {
  const [o] = isUuid(input.orderId) ? await app.db.query<OrderRow & { path: string }>('select o.*, u.path from orders o join unions u on u.id = o.seller_union_id where o.id = $1', [input.orderId]) : []
  if (!o) throw new AppError('NOT_FOUND', '订单不存在')
  assertInScope(caller, o)
  if (o.status !== 'PAID') throw new AppError('INVALID_STATE', '只有已支付待发货的订单可以发货')
  if (o.delivery_type === 'address' && !input.trackingNo) throw new AppError('VALIDATION_FAILED', '请填写快递单号', { trackingNo: '请填写快递单号' })
  const to: OrderStatus = o.delivery_type === 'address' ? 'SHIPPED' : 'READY_FOR_PICKUP'
  const moved = await app.db.tx((q) => move(q, o.id, to, caller, { fulfilled_at: app.now(), tracking_no: input.trackingNo ?? null }))
  if (!moved) throw new AppError('INVALID_STATE', '订单状态已变化，请刷新')
  return { orderId: o.id, status: to }
}

export async function requestRefund(app: App, caller: Caller, input: ActionData<'shop', 'refund'>) {
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status === 'REFUNDING' || o.status === 'REFUNDED') return { orderId: o.id, status: o.status }
  if (!refundAllowed(o.status, o.completed_at, app.now(), app.policies.shop.refundWindowDays)) {
    throw new AppError('INVALID_STATE', o.status === 'COMPLETED' ? `已超过售后期限（收货后 ${app.policies.shop.refundWindowDays} 天）` : '该订单当前不能申请退款')
  }
  await app.db.tx(async (q) => {
    const moved = await move(q, o.id, 'REFUNDING', caller, {}, input.reason)
    if (!moved) throw new AppError('INVALID_STATE', '订单状态已变化，请刷新')
    await q.query(
      `insert into refunds (order_id, out_refund_no, amount_fen, reason, restock) values ($1, $2, $3, $4, $5) on conflict (order_id) do nothing`,
      [o.id, refundNoFor(o.order_no), o.payable_fen, input.reason, o.status === 'PAID'],
    )
  })
  await sendRefund(app, o.id)
  return { orderId: o.id, status: 'REFUNDING' as const }
}

/** Asks the provider to refund; the stable out_refund_no makes a retry the same refund. */
export async function sendRefund(app: App, orderId: string) {
  const [r] = await app.db.query<{ out_refund_no: string; amount_fen: number; reason: string; out_trade_no: string; total: number }>(
    `select r.out_refund_no, r.amount_fen, r.reason, p.out_trade_no, p.amount_fen as total from refunds r join payments p on p.order_id = r.order_id where r.order_id = $1 and r.status = 'processing'`,
    [orderId],
  )
  if (!r) return
  try {
    const res = await app.pay.refund({ outTradeNo: r.out_trade_no, outRefundNo: r.out_refund_no, refundFen: r.amount_fen, totalFen: r.total, reason: r.reason })
    await app.db.query('update refunds set refund_id = $2 where order_id = $1', [orderId, res.refundId])
  } catch (e) {
    // The reconciliation job retries refunds still processing.
    app.log.warn({ err: e, orderId }, 'refund request failed')
  }
}

export async function myOrders(app: App, caller: Caller, input: ActionData<'shop', 'myOrders'>) {
  await expireDue(app, caller.userId)
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const limit = input.limit ?? 20
  const params: unknown[] = [caller.userId]
  let cond = ''
  if (input.status) {
    params.push(input.status)
    cond = 'and o.status = $2'
  }
  const rows = await app.db.query<OrderRow & { item_count: number; first_name: string }>(
    `select o.*, (select count(*)::int from order_items i where i.order_id = o.id) as item_count,
       (select name from order_items i where i.order_id = o.id order by name limit 1) as first_name
     from orders o where o.user_id = $1 ${cond} order by o.created_at desc, o.id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit + 1, offset],
  )
  const page = pageOf(rows, limit, offset)
  return { items: page.rows.map((o) => summary(o, o.item_count, o.first_name)), nextCursor: page.nextCursor }
}

function summary(o: OrderRow, itemCount: number, firstName: string) {
  return {
    orderId: o.id,
    orderNo: o.order_no,
    kind: o.kind,
    status: o.status,
    payableFen: o.payable_fen,
    itemCount,
    firstItemName: firstName,
    createdAt: o.created_at.toISOString(),
    payDeadline: o.status === 'PENDING_PAYMENT' ? o.pay_deadline.toISOString() : null,
  }
}

export async function order(app: App, caller: Caller, orderId: string): Promise<OrderDetail> {
  const o = await ownOrder(app, caller, orderId)
  const items = await app.db.query<{ product_id: string; name: string; unit: string; unit_price_fen: number; qty: number; amount_fen: number; province: string; county: string }>(
    'select * from order_items where order_id = $1 order by name',
    [o.id],
  )
  const [refund] = await app.db.query<{ out_refund_no: string; status: string; amount_fen: number; reason: string }>('select * from refunds where order_id = $1', [o.id])
  const events = await app.db.query<{ at: Date; after: { status: OrderStatus; note?: string; reason?: string } }>(
    `select at, after from audit_log where entity = 'order' and entity_id = $1 order by id`,
    [o.id],
  )
  let delivery: OrderDetail['delivery']
  if (o.delivery_type === 'pickup') {
    const [st] = await app.db.query<{ id: string; name: string; address: string }>('select id, name, address from stations where id = $1', [o.station_id])
    delivery = { type: 'pickup', stationId: st.id, stationName: st.name, stationAddress: st.address }
  } else {
    // The buyer sees their own address; the phone stays masked on screen, as everywhere else.
    // Orders from demo data seeded before contacts were sealed carry only the masked copy.
    const m = o.contact_masked ?? {}
    const c = o.contact_enc
      ? (JSON.parse(app.sealer.decrypt(o.contact_enc)) as { name: string; phone: string; region: string; detail: string })
      : { name: m.name ?? '', phone: '', region: m.region ?? '', detail: '' }
    delivery = { type: 'address', ...c, phone: o.contact_enc ? maskPhone(c.phone) : (m.phone ?? '') }
  }
  return {
    ...summary(o, items.length, items[0]?.name ?? ''),
    items: items.map((i) => ({ productId: i.product_id, name: i.name, unit: i.unit, unitPriceFen: i.unit_price_fen, qty: i.qty, amountFen: i.amount_fen, province: i.province, county: i.county })),
    totalFen: o.total_fen,
    subsidyFen: o.subsidy_fen,
    delivery,
    invoice: o.invoice_title ? { title: o.invoice_title, taxNo: o.invoice_tax_no! } : null,
    trackingNo: o.tracking_no,
    paidAt: o.paid_at ? o.paid_at.toISOString() : null,
    refund: refund ? { outRefundNo: refund.out_refund_no, status: refund.status, amountFen: refund.amount_fen, reason: refund.reason } : null,
    timeline: events.map((e) => ({ at: e.at.toISOString(), status: e.after.status, note: e.after.note ?? e.after.reason ?? null })),
  }
}

export async function saveProduct(app: App, caller: Caller, input: ActionData<'shop', 'saveProduct'>) {
  assertInScope(caller, await getUnion(app.db, input.unionId))
  return app.db.tx(async (q) => {
    const values = [input.unionId, input.name, input.province, input.county, input.category, input.supplier.name, input.supplier.licenseNo, input.supplier.contact, input.unit, input.priceFen, input.memberPriceFen, input.stock, input.images ?? [], input.relief, input.status, input.description ?? '', app.now()]
    let id: string
    let before: unknown = null
    if (input.id) {
      const old = await loadProduct(q, input.id)
      const [u] = await q.query<{ path: string }>('select path from unions where id = $1', [old.union_id])
      assertInScope(caller, u)
      before = { priceFen: old.price_fen, memberPriceFen: old.member_price_fen, stock: old.stock, status: old.status }
      await q.query(
        `update products set union_id = $1, name = $2, province = $3, county = $4, category = $5, supplier_name = $6, supplier_license = $7, supplier_contact = $8,
           unit = $9, price_fen = $10, member_price_fen = $11, stock = $12, images = $13, relief = $14, status = $15, description = $16, updated_at = $17 where id = $18`,
        [...values, input.id],
      )
      id = input.id
    } else {
      const [row] = await q.query<{ id: string }>(
        `insert into products (union_id, name, province, county, category, supplier_name, supplier_license, supplier_contact, unit, price_fen, member_price_fen, stock, images, relief, status, description, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id`,
        values,
      )
      id = row.id
    }
    await audit(q, { actor: caller, action: input.id ? 'product.update' : 'product.create', entity: 'product', entityId: id, unionId: input.unionId, before, after: { priceFen: input.priceFen, memberPriceFen: input.memberPriceFen, stock: input.stock, status: input.status } })
    return { id }
  })
}

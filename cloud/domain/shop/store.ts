// The shop's rows and the SQL its services share: row types, SELECTs, mappers, and the writes more than one
// path makes (products, settled orders, payments, the one refund insert, the one restock, releasing holds).
//
// Lock order. Every path that locks more than one of these rows takes them in this order, never going back:
//   1. orders  2. payments  3. refunds  4. products  5. order_holds  6. subsidy rows (domain/subsidy)
// Placement (shop_place_order_v1, migration 013) locks products, then the buyer's hold, then the subsidy file.
// Payment and refund notifications, reconciliation, the expiry job, cancel and refund lock the order before its
// payment or refund, and return stock and holds after. Several rows of one table are locked in id order
// (`order by ... for no key update`); the expiry job skips orders locked by others (`skip locked`).
import type { Queryable } from '../../db'
import { isUuid } from '../../db/sql'
import type { ActionData } from '../../../types/contract'
import type { Category, OrderStatus, ProductDetail, ProductSummary } from '../../../types/shop'

export interface ProductRow {
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

export interface OrderRow {
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

export interface ItemRow {
  product_id: string
  name: string
  unit: string
  unit_price_fen: number
  qty: number
  amount_fen: number
  province: string
  county: string
}

export const toSummary = (p: ProductRow): ProductSummary => ({
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

export const toDetail = (p: ProductRow): ProductDetail => ({
  ...toSummary(p),
  description: p.description,
  images: p.images,
  supplier: { name: p.supplier_name, licenseNo: p.supplier_license, contact: p.supplier_contact },
  unionId: p.union_id,
})

/** An order as the buyer's list shows it. */
export function orderSummary(o: OrderRow, itemCount: number, firstName: string) {
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

export const toItem = (i: ItemRow) => ({ productId: i.product_id, name: i.name, unit: i.unit, unitPriceFen: i.unit_price_fen, qty: i.qty, amountFen: i.amount_fen, province: i.province, county: i.county })

// ---------- reads ----------

export async function productById(q: Queryable, id: string): Promise<ProductRow | undefined> {
  return isUuid(id) ? (await q.query<ProductRow>('select * from products where id = $1', [id]))[0] : undefined
}

/** An order; `lock` takes it for the transaction (lock order step 1). */
export async function orderById(q: Queryable, id: string, lock = false): Promise<OrderRow | undefined> {
  if (!isUuid(id)) return undefined
  return (await q.query<OrderRow>(`select * from orders where id = $1${lock ? ' for no key update' : ''}`, [id]))[0]
}

export async function orderByRequest(q: Queryable, userId: string, requestId: string): Promise<OrderRow | undefined> {
  return (await q.query<OrderRow>('select * from orders where user_id = $1 and request_id = $2', [userId, requestId]))[0]
}

export async function statusOf(q: Queryable, orderId: string): Promise<OrderStatus> {
  return (await q.query<{ status: OrderStatus }>('select status from orders where id = $1', [orderId]))[0].status
}

export async function itemsOf(q: Queryable, orderId: string): Promise<ItemRow[]> {
  return q.query<ItemRow>('select * from order_items where order_id = $1 order by name', [orderId])
}

// ---------- shared writes ----------

export type ProductFields = Omit<ActionData<'shop', 'saveProduct'>, 'id'>

const productValues = (p: ProductFields, now: Date) => [
  p.unionId, p.name, p.province, p.county, p.category, p.supplier.name, p.supplier.licenseNo, p.supplier.contact,
  p.unit, p.priceFen, p.memberPriceFen, p.stock, p.images ?? [], p.relief, p.status, p.description ?? '', now,
]

export async function insertProduct(q: Queryable, p: ProductFields, now: Date): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into products (union_id, name, province, county, category, supplier_name, supplier_license, supplier_contact, unit, price_fen, member_price_fen, stock, images, relief, status, description, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id`,
    productValues(p, now),
  )
  return row.id
}

export async function updateProduct(q: Queryable, id: string, p: ProductFields, now: Date): Promise<void> {
  await q.query(
    `update products set union_id = $1, name = $2, province = $3, county = $4, category = $5, supplier_name = $6, supplier_license = $7, supplier_contact = $8,
       unit = $9, price_fen = $10, member_price_fen = $11, stock = $12, images = $13, relief = $14, status = $15, description = $16, updated_at = $17 where id = $18`,
    [...productValues(p, now), id],
  )
}

export interface OrderFields {
  orderNo: string
  userId: string
  requestId: string
  kind: 'member' | 'bulk'
  status: OrderStatus
  buyerUnionId: string | null
  contactEnc: string | null
  contactMasked: string | null
  invoice?: { title: string; taxNo: string }
  at: Date
}

/**
 * A settled order with its items and payment, written whole (demo history): stock and holds are not touched.
 * Orders members place go through orders.ts, which holds stock first.
 */
export async function insertSettledOrder(q: Queryable, o: OrderFields, lines: { productId: string; qty: number }[], pay: { provider: string; transactionId: string }): Promise<string> {
  // Settled at the member price (card holders and union purchases), with a copy of each product on its line.
  const [row] = await q.query<{ id: string; payable_fen: number }>(
    `with l as (select p.*, x.qty from unnest($11::uuid[], $12::int[]) as x(product_id, qty) join products p on p.id = x.product_id),
     placed as (
       insert into orders (order_no, user_id, request_id, kind, status, buyer_union_id, seller_union_id, total_fen, payable_fen, delivery_type, contact_enc, contact_masked,
         invoice_title, invoice_tax_no, pay_deadline, paid_at, fulfilled_at, completed_at, created_at)
       select $1, $2, $3, $4, $5, $6, (array_agg(l.union_id))[1], sum(l.price_fen::bigint * l.qty), sum(l.member_price_fen::bigint * l.qty), 'address', $7, $8, $9, $10, $13, $13, $13, $13, $13
       from l returning id, payable_fen),
     items as (
       insert into order_items (order_id, product_id, name, unit, category, province, county, supplier_name, supplier_license, relief, unit_price_fen, qty, amount_fen)
       select o.id, l.id, l.name, l.unit, l.category, l.province, l.county, l.supplier_name, l.supplier_license, l.relief, l.member_price_fen, l.qty, l.member_price_fen::bigint * l.qty
       from placed o, l)
     select * from placed`,
    [o.orderNo, o.userId, o.requestId, o.kind, o.status, o.buyerUnionId, o.contactEnc, o.contactMasked, o.invoice?.title ?? null, o.invoice?.taxNo ?? null, lines.map((x) => x.productId), lines.map((x) => x.qty), o.at],
  )
  await insertPayment(q, { orderId: row.id, outTradeNo: o.orderNo, provider: pay.provider, amountFen: row.payable_fen, paid: { transactionId: pay.transactionId, at: o.at } })
  return row.id
}

/** The order's payment row, once (a second call changes nothing); `paid` records a settled one. */
export async function insertPayment(q: Queryable, p: { orderId: string; outTradeNo: string; provider: string; amountFen: number; paid?: { transactionId: string; at: Date } }): Promise<void> {
  await q.query(
    `insert into payments (order_id, out_trade_no, provider, amount_fen, status, transaction_id, paid_at, prepaid_at) values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict (order_id) do nothing`,
    [p.orderId, p.outTradeNo, p.provider, p.amountFen, p.paid ? 'success' : 'created', p.paid?.transactionId ?? null, p.paid?.at ?? null],
  )
}

/** Every verified notification once, for the record; `applied` says whether it changed anything. */
export async function recordNotification(q: Queryable, id: string, kind: 'transaction' | 'refund', ref: string, applied: boolean): Promise<void> {
  await q.query('insert into pay_notifications (id, kind, out_trade_no, applied) values ($1, $2, $3, $4) on conflict (id) do nothing', [id, kind, ref, applied])
}

/** The one refund insert: at most one refund per order; its number derives from the order's (refundNoFor). */
export async function insertRefund(q: Queryable, r: { orderId: string; outRefundNo: string; amountFen: number; reason: string; restock: boolean }): Promise<void> {
  await q.query(`insert into refunds (order_id, out_refund_no, amount_fen, reason, restock) values ($1, $2, $3, $4, $5) on conflict (order_id) do nothing`, [
    r.orderId,
    r.outRefundNo,
    r.amountFen,
    r.reason,
    r.restock,
  ])
}

/** The one restock: the orders' items go back on the shelf, products locked in id order (lock order step 4). */
export async function restock(q: Queryable, orderIds: string[]): Promise<void> {
  await q.query(
    `with back as (select product_id, sum(qty)::int as qty from order_items where order_id = any($1::uuid[]) group by product_id),
     locked as materialized (select p.id from products p join back b on b.product_id = p.id order by p.id for no key update of p)
     update products p set stock = p.stock + b.qty from back b join locked k on k.id = b.product_id where p.id = b.product_id`,
    [orderIds],
  )
}

/**
 * Unpaid member orders that were just paid or cancelled stop counting against their buyers' holds (step 5).
 * Never below zero: an order placed by an older release (during a rolling deploy) held nothing.
 */
export async function releaseHolds(q: Queryable, orderIds: string[]): Promise<void> {
  await q.query(
    `with gone as (select o.user_id, count(distinct o.id)::int as orders, sum(i.qty)::int as units
                   from orders o join order_items i on i.order_id = o.id where o.id = any($1::uuid[]) and o.kind = 'member' group by o.user_id),
     locked as materialized (select h.user_id from order_holds h join gone g on g.user_id = h.user_id order by h.user_id for no key update of h)
     update order_holds h set open_orders = greatest(0, h.open_orders - g.orders), held_units = greatest(0, h.held_units - g.units)
     from gone g join locked k on k.user_id = g.user_id where h.user_id = g.user_id`,
    [orderIds],
  )
}

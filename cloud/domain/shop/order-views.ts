// What buyers read about their orders: their list, and one order with its items, delivery, refund and timeline.
import type { App } from '../../platform/app'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import type { OrderDetail, OrderStatus } from '../../../types/shop'
import { AppError } from '../../platform/errors'
import { maskPhone } from '../../../types/mask'
import { itemsOf, orderSummary, toItem, type OrderRow } from './store'
import { expireDue, ownOrder } from './lifecycle'

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
  return { items: page.rows.map((o) => orderSummary(o, o.item_count, o.first_name)), nextCursor: page.nextCursor }
}

/** The delivery as its buyer sees it: their own address with the phone masked, as everywhere else, or the pickup station. */
async function deliveryOf(app: App, o: OrderRow): Promise<OrderDetail['delivery']> {
  if (o.delivery_type === 'pickup') {
    const [st] = await app.db.query<{ id: string; name: string; address: string }>('select id, name, address from stations where id = $1', [o.station_id])
    return { type: 'pickup', stationId: st.id, stationName: st.name, stationAddress: st.address }
  }
  // Orders from demo data seeded before contacts were sealed carry only the masked copy.
  const m = o.contact_masked ?? {}
  const c = o.contact_enc
    ? (JSON.parse(app.sealer.decrypt(o.contact_enc)) as { name: string; phone: string; region: string; detail: string })
    : { name: m.name ?? '', phone: '', region: m.region ?? '', detail: '' }
  return { type: 'address', ...c, phone: o.contact_enc ? maskPhone(c.phone) : (m.phone ?? '') }
}

export async function order(app: App, caller: Caller, input: ActionData<'shop', 'order'>): Promise<OrderDetail> {
  const o = await ownOrder(app, caller, input.orderId)
  const items = await itemsOf(app.db, o.id)
  const [refund] = await app.db.query<{ out_refund_no: string; status: string; amount_fen: number; reason: string }>('select * from refunds where order_id = $1', [o.id])
  const events = await app.db.query<{ at: Date; after: { status: OrderStatus; note?: string; reason?: string } }>(
    `select at, after from audit_log where entity = 'order' and entity_id = $1 order by id`,
    [o.id],
  )
  return {
    ...orderSummary(o, items.length, items[0]?.name ?? ''),
    items: items.map(toItem),
    totalFen: o.total_fen,
    subsidyFen: o.subsidy_fen,
    delivery: await deliveryOf(app, o),
    invoice: o.invoice_title ? { title: o.invoice_title, taxNo: o.invoice_tax_no! } : null,
    trackingNo: o.tracking_no,
    paidAt: o.paid_at ? o.paid_at.toISOString() : null,
    refund: refund ? { outRefundNo: refund.out_refund_no, status: refund.status, amountFen: refund.amount_fen, reason: refund.reason } : null,
    timeline: events.map((e) => ({ at: e.at.toISOString(), status: e.after.status, note: e.after.note ?? e.after.reason ?? null })),
  }
}

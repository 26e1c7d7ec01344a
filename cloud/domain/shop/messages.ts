// What a buyer is told: their order shipped (or is ready at the station) and their refund arrived.
import type { App } from '../../platform/app'
import { formatYuan } from '../../../types/shop'
import { notify } from '../notify/service'

const orderPage = (orderId: string) => `/packages/shop/order/index?orderId=${orderId}`

export async function tellFulfilled(app: App, o: { id: string; user_id: string; order_no: string; tracking_no: string | null }, to: 'SHIPPED' | 'READY_FOR_PICKUP'): Promise<void> {
  await notify(app, o.user_id, {
    kind: 'order_shipped',
    eventKey: `order-fulfilled:${o.id}`,
    title: to === 'SHIPPED' ? '您的订单已发货' : '您的订单可以到驿站自提了',
    body: to === 'SHIPPED' ? `快递单号 ${o.tracking_no ?? ''}，订单 ${o.order_no}` : `订单 ${o.order_no}，请凭订单到驿站领取`,
    page: orderPage(o.id),
  })
}

export async function tellRefunded(app: App, orderId: string): Promise<void> {
  const [o] = await app.db.query<{ user_id: string; order_no: string; amount_fen: string }>(
    `select o.user_id, o.order_no, r.amount_fen from orders o join refunds r on r.order_id = o.id and r.status = 'success' where o.id = $1`,
    [orderId],
  )
  if (!o) return
  await notify(app, o.user_id, {
    kind: 'refund_completed',
    eventKey: `order-refunded:${orderId}`,
    title: '退款已到账',
    body: `¥${formatYuan(Number(o.amount_fen))} 已原路退回，订单 ${o.order_no}`,
    page: orderPage(orderId),
  })
}

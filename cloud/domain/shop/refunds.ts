// Refunds: a member asks for one, the provider is asked (again, by reconciliation, until it answers), and its
// notification settles it once. Locks: order, then refund, then products (store.ts).
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { reverseOrderSubsidy } from '../subsidy/checkout'
import { insertRefund, orderById, recordNotification, restock } from './store'
import { move, ownOrder } from './lifecycle'
import { refundAllowed, refundNoFor } from './rules'
import { tellRefunded } from './messages'

export async function requestRefund(app: App, caller: Caller, input: ActionData<'shop', 'refund'>) {
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status === 'REFUNDING' || o.status === 'REFUNDED') return { orderId: o.id, status: o.status }
  if (!refundAllowed(o.status, o.completed_at, app.now(), app.policies.shop.refundWindowDays)) {
    throw new AppError('INVALID_STATE', o.status === 'COMPLETED' ? `已超过售后期限（收货后 ${app.policies.shop.refundWindowDays} 天）` : '该订单当前不能申请退款')
  }
  await app.db.tx(async (q) => {
    const moved = await move(q, o.id, 'REFUNDING', caller, {}, input.reason)
    if (!moved) throw new AppError('INVALID_STATE', '订单状态已变化，请刷新')
    // Goods not yet shipped go back on the shelf when the refund succeeds.
    await insertRefund(q, { orderId: o.id, outRefundNo: refundNoFor(o.order_no), amountFen: o.payable_fen, reason: input.reason, restock: o.status === 'PAID' })
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

/** Records a successful refund once (locking the order, then the refund); returns stock when the goods never left. */
export async function applyRefunded(app: App, outRefundNo: string, refundId: string, refundFen: number, status: string, notificationId?: string): Promise<boolean> {
  if (status !== 'SUCCESS') {
    if (status === 'ABNORMAL' || status === 'CLOSED') app.log.error({ outRefundNo, status }, 'refund needs attention')
    return false
  }
  let orderId = ''
  const done = await app.db.tx(async (q) => {
    const [ref] = await q.query<{ order_id: string }>('select order_id from refunds where out_refund_no = $1', [outRefundNo])
    if (!ref) throw new AppError('CONFLICT', '未知的退款单号')
    orderId = ref.order_id
    await orderById(q, ref.order_id, true)
    const [r] = await q.query<{ amount_fen: number; status: string; restock: boolean }>('select amount_fen, status, restock from refunds where out_refund_no = $1 for update', [outRefundNo])
    if (r.amount_fen !== refundFen) throw new AppError('CONFLICT', `退款金额不符：应退 ${r.amount_fen} 分，通知 ${refundFen} 分`)
    if (notificationId) await recordNotification(q, notificationId, 'refund', outRefundNo, r.status !== 'success')
    if (r.status === 'success') return false
    await q.query(`update refunds set status = 'success', refund_id = $2, succeeded_at = $3 where out_refund_no = $1`, [outRefundNo, refundId, app.now()])
    await move(q, ref.order_id, 'REFUNDED', null, {}, '退款成功')
    if (r.restock) await restock(q, [ref.order_id])
    await reverseOrderSubsidy(q, [ref.order_id], app.now())
    return true
  })
  // Told once the refund is recorded (a message lost never undoes it).
  if (done) await tellRefunded(app, orderId)
  return done
}

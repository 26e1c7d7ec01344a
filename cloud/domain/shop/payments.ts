// Payment and refund notifications, and reconciliation: verify first, check order and amount,
// apply a change at most once, answer as WeChat Pay expects.
import type { App } from '../../platform/app'
import type { PayNotification } from '../../platform/pay/provider'
import type { SimulatedPay } from '../../platform/pay/simulated'
import { reverseOrderSubsidy } from '../subsidy/service'
import { AppError } from '../../platform/errors'
import { move, sendRefund } from './service'
import { refundNoFor } from './rules'

export interface NotifyReply {
  status: number
  body?: { code: 'FAIL'; message: string }
}
const ACK: NotifyReply = { status: 204 }
const fail = (status: number, message: string): NotifyReply => ({ status, body: { code: 'FAIL', message } })

export async function handleNotification(app: App, headers: Record<string, string | string[] | undefined>, body: string): Promise<NotifyReply> {
  let n: PayNotification
  try {
    n = app.pay.parseNotification(headers, body)
  } catch (e) {
    app.log.warn({ err: e instanceof AppError ? e.message : e }, 'rejected payment notification')
    return fail(401, '签名验证失败')
  }
  try {
    if (n.kind === 'transaction') {
      if (n.mchId !== app.pay.mchId || n.appId !== app.pay.appId) return fail(400, '商户号或应用号不符')
      if (n.tradeState !== 'SUCCESS') return ACK
      await applyPaid(app, n.outTradeNo, n.transactionId, n.amountFen, n.id)
    } else {
      if (n.mchId !== app.pay.mchId) return fail(400, '商户号不符')
      await applyRefunded(app, n.outRefundNo, n.refundId, n.refundFen, n.refundStatus, n.id)
    }
    return ACK
  } catch (e) {
    if (e instanceof AppError && e.code === 'CONFLICT') {
      app.log.error({ outTradeNo: n.outTradeNo, reason: e.message }, 'payment notification refused')
      return fail(400, e.message)
    }
    app.log.error({ err: e }, 'payment notification failed')
    return fail(500, '处理失败，请稍后重试')
  }
}

/**
 * Outside production the simulator hands its own notifications (payments, and refunds it completes) to
 * handleNotification, in whichever process or function instance it runs. Idempotent; keeps a deliverer already set.
 */
export function deliverSimulated(app: App): void {
  if (app.pay.name !== 'simulated' || app.config.production) return
  const sim = app.pay as SimulatedPay
  sim.deliver ??= async (_kind, n) => {
    const r = await handleNotification(app, n.headers, n.body)
    if (r.status >= 300) app.log.warn({ status: r.status }, 'simulated notification refused')
  }
}

/** Records a successful payment once. A payment for an order cancelled meanwhile is refunded. */
async function applyPaid(app: App, outTradeNo: string, transactionId: string, amountFen: number, notificationId?: string): Promise<boolean> {
  const now = app.now()
  const outcome = await app.db.tx(async (q) => {
    const [p] = await q.query<{ order_id: string; amount_fen: number; status: string }>('select order_id, amount_fen, status from payments where out_trade_no = $1 for update', [outTradeNo])
    if (!p) throw new AppError('CONFLICT', '未知的商户订单号')
    if (p.amount_fen !== amountFen) throw new AppError('CONFLICT', `金额不符：应付 ${p.amount_fen} 分，通知 ${amountFen} 分`)
    if (notificationId) await q.query('insert into pay_notifications (id, kind, out_trade_no, applied) values ($1, $2, $3, $4) on conflict (id) do nothing', [notificationId, 'transaction', outTradeNo, p.status !== 'success'])
    if (p.status === 'success') return { applied: false, refund: null as string | null }
    await q.query(`update payments set status = 'success', transaction_id = $2, paid_at = $3 where out_trade_no = $1`, [outTradeNo, transactionId, now])
    if (await move(q, p.order_id, 'PAID', null, { paid_at: now }, '支付成功')) return { applied: true, refund: null }
    // Paid after the order was cancelled (its stock already returned): give the money back.
    const [o] = await q.query<{ order_no: string; payable_fen: number }>('select order_no, payable_fen from orders where id = $1', [p.order_id])
    if (await move(q, p.order_id, 'REFUNDING', null, {}, '订单取消后到账，自动退款')) {
      await q.query(`insert into refunds (order_id, out_refund_no, amount_fen, reason, restock) values ($1, $2, $3, $4, false) on conflict (order_id) do nothing`, [
        p.order_id,
        refundNoFor(o.order_no),
        o.payable_fen,
        '订单已超时取消，款项原路退回',
      ])
      return { applied: true, refund: p.order_id }
    }
    return { applied: true, refund: null }
  })
  if (outcome.refund) await sendRefund(app, outcome.refund)
  return outcome.applied
}

/** Records a successful refund once; returns stock when the goods never left. */
async function applyRefunded(app: App, outRefundNo: string, refundId: string, refundFen: number, status: string, notificationId?: string): Promise<boolean> {
  if (status !== 'SUCCESS') {
    if (status === 'ABNORMAL' || status === 'CLOSED') app.log.error({ outRefundNo, status }, 'refund needs attention')
    return false
  }
  return app.db.tx(async (q) => {
    const [r] = await q.query<{ order_id: string; amount_fen: number; status: string; restock: boolean }>('select order_id, amount_fen, status, restock from refunds where out_refund_no = $1 for update', [outRefundNo])
    if (!r) throw new AppError('CONFLICT', '未知的退款单号')
    if (r.amount_fen !== refundFen) throw new AppError('CONFLICT', `退款金额不符：应退 ${r.amount_fen} 分，通知 ${refundFen} 分`)
    if (notificationId) await q.query('insert into pay_notifications (id, kind, out_trade_no, applied) values ($1, $2, $3, $4) on conflict (id) do nothing', [notificationId, 'refund', outRefundNo, r.status !== 'success'])
    if (r.status === 'success') return false
    await q.query(`update refunds set status = 'success', refund_id = $2, succeeded_at = $3 where out_refund_no = $1`, [outRefundNo, refundId, app.now()])
    await move(q, r.order_id, 'REFUNDED', null, {}, '退款成功')
    await reverseOrderSubsidy(q, [r.order_id], app.now())
    if (r.restock) {
      await q.query(
        `update products p set stock = p.stock + i.qty from order_items i where i.order_id = $1 and i.product_id = p.id`,
        [r.order_id],
      )
    }
    return true
  })
}

/** Asks the provider about payments still open after the policy's minutes, and retries pending refunds. */
export async function reconcilePayments(app: App): Promise<{ checked: number; paid: number }> {
  // Retried simulated refunds complete through the deliverer, also in a jobs-function instance.
  deliverSimulated(app)
  const cutoff = new Date(app.now().getTime() - app.policies.shop.reconcileAfterMinutes * 60_000)
  const open = await app.db.query<{ out_trade_no: string }>(
    `select p.out_trade_no from payments p join orders o on o.id = p.order_id
     where p.status = 'created' and p.prepaid_at <= $1 and o.status in ('PENDING_PAYMENT', 'CANCELLED') order by p.prepaid_at limit 200`,
    [cutoff],
  )
  let paid = 0
  for (const p of open) {
    try {
      const r = await app.pay.query(p.out_trade_no)
      if (r.state === 'SUCCESS' && r.transactionId && r.amountFen !== undefined && (await applyPaid(app, p.out_trade_no, r.transactionId, r.amountFen))) paid++
    } catch (e) {
      app.log.warn({ err: e, outTradeNo: p.out_trade_no }, 'payment query failed')
    }
  }
  const refunds = await app.db.query<{ order_id: string }>(`select order_id from refunds where status = 'processing' and requested_at <= $1 limit 100`, [cutoff])
  for (const r of refunds) await sendRefund(app, r.order_id)
  return { checked: open.length, paid }
}

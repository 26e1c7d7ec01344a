// Payments: starting one (prepay), the provider's notifications (verify first, check order and amount,
// apply a change at most once, answer as WeChat Pay expects), and reconciliation. Locks: order, then payment.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { PayNotification } from '../../platform/pay/provider'
import type { SimulatedPay } from '../../platform/pay/simulated'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { insertPayment, insertRefund, itemsOf, orderById, recordNotification, releaseHolds } from './store'
import { move, ownOrder } from './lifecycle'
import { applyRefunded, sendRefund } from './refunds'
import { refundNoFor } from './rules'

/** shop.pay: the parameters for wx.requestPayment; asking again gives the same prepay id. */
export async function pay(app: App, caller: Caller, input: ActionData<'shop', 'pay'>) {
  const o = await ownOrder(app, caller, input.orderId)
  if (o.status === 'CANCELLED') throw new AppError('INVALID_STATE', '订单已取消（超时未支付或已手动取消），请重新下单')
  if (o.status !== 'PENDING_PAYMENT') throw new AppError('INVALID_STATE', '订单已支付，无需重复付款')
  const paymentOf = async () => (await app.db.query<{ out_trade_no: string; prepay_id: string | null }>('select out_trade_no, prepay_id from payments where order_id = $1', [o.id]))[0]
  let p = await paymentOf()
  if (!p) {
    await insertPayment(app.db, { orderId: o.id, outTradeNo: o.order_no, provider: app.pay.name, amountFen: o.payable_fen })
    p = await paymentOf()
  }
  let prepayId = p.prepay_id
  if (!prepayId) {
    const [first] = await itemsOf(app.db, o.id)
    ;({ prepayId } = await app.pay.prepay({ outTradeNo: p.out_trade_no, amountFen: o.payable_fen, description: `暖心工会-${first?.name ?? '消费帮扶'}`, openid: caller.openid, expireAt: o.pay_deadline }))
    await app.db.query('update payments set prepay_id = $2, prepaid_at = $3 where order_id = $1 and prepay_id is null', [o.id, prepayId, app.now()])
  }
  return { orderId: o.id, provider: app.pay.name, outTradeNo: p.out_trade_no, payableFen: o.payable_fen, params: app.pay.paymentParams(prepayId!) }
}

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

/** Records a successful payment once (locking the order, then its payment). A payment for an order cancelled meanwhile is refunded. */
async function applyPaid(app: App, outTradeNo: string, transactionId: string, amountFen: number, notificationId?: string): Promise<boolean> {
  const now = app.now()
  const outcome = await app.db.tx(async (q) => {
    const [ref] = await q.query<{ order_id: string }>('select order_id from payments where out_trade_no = $1', [outTradeNo])
    if (!ref) throw new AppError('CONFLICT', '未知的商户订单号')
    const o = (await orderById(q, ref.order_id, true))!
    const [p] = await q.query<{ amount_fen: number; status: string }>('select amount_fen, status from payments where out_trade_no = $1 for update', [outTradeNo])
    if (p.amount_fen !== amountFen) throw new AppError('CONFLICT', `金额不符：应付 ${p.amount_fen} 分，通知 ${amountFen} 分`)
    if (notificationId) await recordNotification(q, notificationId, 'transaction', outTradeNo, p.status !== 'success')
    if (p.status === 'success') return { applied: false, refund: null as string | null }
    await q.query(`update payments set status = 'success', transaction_id = $2, paid_at = $3 where out_trade_no = $1`, [outTradeNo, transactionId, now])
    if (await move(q, o.id, 'PAID', null, { paid_at: now }, '支付成功')) {
      await releaseHolds(q, [o.id])
      return { applied: true, refund: null }
    }
    // Paid after the order was cancelled (its stock already returned): give the money back.
    if (await move(q, o.id, 'REFUNDING', null, {}, '订单取消后到账，自动退款')) {
      await insertRefund(q, { orderId: o.id, outRefundNo: refundNoFor(o.order_no), amountFen: o.payable_fen, reason: '订单已超时取消，款项原路退回', restock: false })
      return { applied: true, refund: o.id }
    }
    return { applied: true, refund: null }
  })
  if (outcome.refund) await sendRefund(app, outcome.refund)
  return outcome.applied
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

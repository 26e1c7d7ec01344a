// A local stand-in for WeChat Pay: it keeps its transactions in the database and signs and encrypts its
// notifications exactly as WeChat Pay does, so the same verification path runs. Tests and H5 use it to
// complete a payment, and to replay, reorder or delay notifications.
import crypto from 'node:crypto'
import type { Queryable } from '../../db'
import { AppError } from '../errors'
import { encryptResource, notificationMessage, requestPaymentParams, rsaSign } from './wechatpay-crypto'
import { parseWechatNotification, type PayProvider, type TradeState } from './provider'
import { generateSimKeys, type SimKeys } from './sim-keys'

/** The simulator's stand-in for WeChat Pay's platform certificate serial (Wechatpay-Serial). */
export const SIMULATED_SERIAL = 'SIMULATED'

export interface SignedNotification {
  headers: Record<string, string>
  body: string
}

export interface SimulatedPay extends PayProvider {
  /** The simulator's public key: WeChat Pay's platform certificate and the merchant key in one. */
  readonly publicKeyPem: string
  /** The member pays: the transaction succeeds and its signed notification is returned (and delivered, if a deliverer is set). */
  payAndNotify(outTradeNo: string): Promise<SignedNotification>
  /** A signed notification for the transaction's current state, to replay or reorder. */
  transactionNotification(outTradeNo: string): Promise<SignedNotification>
  /** Completes a pending refund and returns its signed notification. */
  completeRefund(outRefundNo: string): Promise<SignedNotification>
  /** Where notifications go when the simulator sends them itself (set by deliverSimulated in domain/shop/payments). */
  deliver?: (kind: 'transaction' | 'refund', n: SignedNotification) => Promise<void>
}

/** Keys default to a fresh set (a stranger's keys, in tests); the app passes the database's shared set. */
export function createSimulatedPay(db: Queryable, opts: { appId?: string; mchId?: string; keys?: SimKeys } = {}): SimulatedPay {
  const keys = opts.keys ?? generateSimKeys()
  const privateKey = crypto.createPrivateKey(keys.privateKeyPem)
  const publicPem = keys.publicKeyPem
  const apiV3Key = keys.apiV3Key
  const appId = opts.appId ?? 'wxsimulated000001'
  const mchId = opts.mchId ?? '1900000001'

  function sign(eventType: string, resourceType: string, plain: object): SignedNotification {
    const resource = encryptResource(apiV3Key, JSON.stringify(plain), resourceType, resourceType)
    const body = JSON.stringify({ id: crypto.randomUUID(), create_time: new Date().toISOString(), resource_type: 'encrypt-resource', event_type: eventType, summary: '模拟通知', resource })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = crypto.randomBytes(16).toString('hex')
    return {
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': nonce,
        'wechatpay-serial': SIMULATED_SERIAL,
        'wechatpay-signature': rsaSign(privateKey, notificationMessage(timestamp, nonce, body)),
      },
      body,
    }
  }

  async function tx(outTradeNo: string) {
    const [t] = await db.query<{ out_trade_no: string; amount_fen: number; state: TradeState; transaction_id: string | null; success_at: Date | null }>(
      'select * from sim_pay_transactions where out_trade_no = $1',
      [outTradeNo],
    )
    if (!t) throw new AppError('NOT_FOUND', '模拟支付：交易不存在')
    return t
  }

  const transactionNotification = async (outTradeNo: string) => {
    const t = await tx(outTradeNo)
    return sign(t.state === 'SUCCESS' ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.CLOSED', 'transaction', {
      appid: appId,
      mchid: mchId,
      out_trade_no: t.out_trade_no,
      transaction_id: t.transaction_id ?? '',
      trade_type: 'JSAPI',
      trade_state: t.state,
      success_time: t.success_at?.toISOString(),
      amount: { total: t.amount_fen, payer_total: t.amount_fen, currency: 'CNY', payer_currency: 'CNY' },
    })
  }

  const sim: SimulatedPay = {
    name: 'simulated',
    mchId,
    appId,
    publicKeyPem: publicPem,
    async prepay(p) {
      const [row] = await db.query<{ prepay_id: string }>(
        `insert into sim_pay_transactions (out_trade_no, amount_fen, prepay_id) values ($1, $2, $3)
         on conflict (out_trade_no) do update set amount_fen = sim_pay_transactions.amount_fen returning prepay_id`,
        [p.outTradeNo, p.amountFen, `wx${crypto.randomBytes(14).toString('hex')}`],
      )
      return { prepayId: row.prepay_id }
    },
    paymentParams: (prepayId) => requestPaymentParams(appId, prepayId, privateKey),
    parseNotification: (headers, body) => parseWechatNotification(headers, body, { publicKeyPem: publicPem, serial: SIMULATED_SERIAL }, apiV3Key),
    async query(outTradeNo) {
      const [t] = await db.query<{ state: TradeState; transaction_id: string | null; amount_fen: number }>('select state, transaction_id, amount_fen from sim_pay_transactions where out_trade_no = $1', [outTradeNo])
      return t ? { state: t.state, transactionId: t.transaction_id ?? undefined, amountFen: t.amount_fen } : { state: 'NOT_FOUND' }
    },
    async close(outTradeNo) {
      await db.query(`update sim_pay_transactions set state = 'CLOSED' where out_trade_no = $1 and state = 'NOTPAY'`, [outTradeNo])
    },
    async refund(p) {
      const [row] = await db.query<{ refund_id: string }>(
        `insert into sim_pay_refunds (out_refund_no, out_trade_no, refund_fen, refund_id) values ($1, $2, $3, $4)
         on conflict (out_refund_no) do update set refund_fen = sim_pay_refunds.refund_fen returning refund_id`,
        [p.outRefundNo, p.outTradeNo, p.refundFen, `50${crypto.randomBytes(12).toString('hex')}`],
      )
      if (sim.deliver) setImmediate(() => void sim.completeRefund(p.outRefundNo).then((n) => sim.deliver?.('refund', n)).catch(() => undefined))
      return { refundId: row.refund_id, status: 'PROCESSING' }
    },
    async payAndNotify(outTradeNo) {
      const updated = await db.query(
        `update sim_pay_transactions set state = 'SUCCESS', transaction_id = $2, success_at = now() where out_trade_no = $1 and state in ('NOTPAY', 'USERPAYING') returning 1`,
        [outTradeNo, `4200${Date.now()}${crypto.randomInt(1000, 9999)}`],
      )
      const t = await tx(outTradeNo)
      if (!updated.length && t.state !== 'SUCCESS') throw new AppError('INVALID_STATE', '该笔交易已关闭，无法支付')
      const n = await transactionNotification(outTradeNo)
      if (sim.deliver) await sim.deliver('transaction', n)
      return n
    },
    transactionNotification,
    async completeRefund(outRefundNo) {
      await db.query(`update sim_pay_refunds set state = 'SUCCESS', success_at = now() where out_refund_no = $1`, [outRefundNo])
      const [r] = await db.query<{ out_trade_no: string; refund_fen: number; refund_id: string; state: string }>('select * from sim_pay_refunds where out_refund_no = $1', [outRefundNo])
      if (!r) throw new AppError('NOT_FOUND', '模拟支付：退款不存在')
      const [t] = await db.query<{ amount_fen: number; transaction_id: string }>('select amount_fen, transaction_id from sim_pay_transactions where out_trade_no = $1', [r.out_trade_no])
      return sign('REFUND.SUCCESS', 'refund', {
        mchid: mchId,
        out_trade_no: r.out_trade_no,
        transaction_id: t?.transaction_id,
        out_refund_no: outRefundNo,
        refund_id: r.refund_id,
        refund_status: r.state,
        amount: { total: t?.amount_fen, refund: r.refund_fen, payer_total: t?.amount_fen, payer_refund: r.refund_fen },
      })
    },
  }
  return sim
}

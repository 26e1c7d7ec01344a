// WeChat Pay API v3 (JSAPI / mini-program payments) against api.mch.weixin.qq.com.
import crypto from 'node:crypto'
import { AppError } from '../errors'
import { authorization, requestPaymentParams } from './wechatpay-crypto'
import { parseWechatNotification, type PayProvider, type TradeState } from './provider'

export interface WechatPayConfig {
  appId: string
  mchId: string
  serialNo: string
  privateKeyPem: string
  apiV3Key: Buffer
  platformPublicKeyPem: string
  /** What WeChat Pay sends in Wechatpay-Serial: the platform certificate's serial or public-key id. */
  platformSerial: string
  /** Public HTTPS base of the gateway, e.g. https://api.example.cn: notifications go to /pay/notify and /pay/refund-notify. */
  notifyBase: string
  baseUrl?: string
}

export function createWechatPay(cfg: WechatPayConfig, fetchImpl: typeof fetch = fetch): PayProvider {
  const base = cfg.baseUrl ?? 'https://api.mch.weixin.qq.com'
  const key = crypto.createPrivateKey(cfg.privateKeyPem)

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const text = body === undefined ? '' : JSON.stringify(body)
    let res: Response
    try {
      res = await fetchImpl(base + path, {
        method,
        headers: {
          Authorization: authorization(cfg.mchId, cfg.serialNo, key, method, path, text),
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'User-Agent': 'warm-union',
        },
        body: method === 'POST' ? text : undefined,
        signal: AbortSignal.timeout(10_000),
      })
    } catch {
      throw new AppError('PAYMENT_UNAVAILABLE', '支付服务暂时不可用，请稍后重试')
    }
    const raw = await res.text()
    return { status: res.status, data: (raw ? JSON.parse(raw) : {}) as T }
  }

  return {
    name: 'wechat',
    mchId: cfg.mchId,
    appId: cfg.appId,
    async prepay(p) {
      const r = await call<{ prepay_id?: string; code?: string; message?: string }>('POST', '/v3/pay/transactions/jsapi', {
        appid: cfg.appId,
        mchid: cfg.mchId,
        description: p.description.slice(0, 127),
        out_trade_no: p.outTradeNo,
        time_expire: p.expireAt.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
        notify_url: `${cfg.notifyBase}/pay/notify`,
        amount: { total: p.amountFen, currency: 'CNY' },
        payer: { openid: p.openid },
      })
      if (!r.data.prepay_id) throw new AppError('PAYMENT_UNAVAILABLE', `发起支付失败：${r.data.message ?? r.status}`)
      return { prepayId: r.data.prepay_id }
    },
    paymentParams: (prepayId) => requestPaymentParams(cfg.appId, prepayId, key),
    parseNotification: (headers, body) => parseWechatNotification(headers, body, { publicKeyPem: cfg.platformPublicKeyPem, serial: cfg.platformSerial }, cfg.apiV3Key),
    async query(outTradeNo) {
      const r = await call<{ trade_state?: TradeState; transaction_id?: string; amount?: { total: number }; code?: string }>(
        'GET',
        `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${cfg.mchId}`,
      )
      if (r.status === 404 || r.data.code === 'ORDER_NOT_EXIST') return { state: 'NOT_FOUND' }
      return { state: r.data.trade_state ?? 'NOT_FOUND', transactionId: r.data.transaction_id, amountFen: r.data.amount?.total }
    },
    async close(outTradeNo) {
      await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: cfg.mchId })
    },
    async refund(p) {
      const r = await call<{ refund_id?: string; status?: 'PROCESSING' | 'SUCCESS'; message?: string }>('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: p.outTradeNo,
        out_refund_no: p.outRefundNo,
        reason: p.reason.slice(0, 80),
        notify_url: `${cfg.notifyBase}/pay/refund-notify`,
        amount: { refund: p.refundFen, total: p.totalFen, currency: 'CNY' },
      })
      if (!r.data.refund_id) throw new AppError('PAYMENT_UNAVAILABLE', `发起退款失败：${r.data.message ?? r.status}`)
      return { refundId: r.data.refund_id, status: r.data.status === 'SUCCESS' ? 'SUCCESS' : 'PROCESSING' }
    },
  }
}

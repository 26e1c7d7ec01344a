// One payment-provider interface: WeChat Pay v3 for mini-programs, or the local simulator (the default).
import { AppError } from '../errors'
import { decryptResource, notificationMessage, rsaVerify, type EncryptedResource } from './wechatpay-crypto'

export type TradeState = 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'PAYERROR' | 'USERPAYING' | 'NOT_FOUND'

export type PayNotification =
  | { kind: 'transaction'; id: string; outTradeNo: string; transactionId: string; tradeState: TradeState; amountFen: number; mchId: string; appId: string }
  | { kind: 'refund'; id: string; outTradeNo: string; outRefundNo: string; refundId: string; refundStatus: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'PROCESSING'; refundFen: number; mchId: string }

export interface PayParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export interface PayProvider {
  readonly name: 'wechat' | 'simulated'
  readonly mchId: string
  readonly appId: string
  prepay(p: { outTradeNo: string; amountFen: number; description: string; openid: string; expireAt: Date }): Promise<{ prepayId: string }>
  paymentParams(prepayId: string): PayParams
  /** Verifies the signature, then decrypts the resource. Throws BAD_SIGNATURE on anything forged or tampered. */
  parseNotification(headers: Record<string, string | string[] | undefined>, body: string): PayNotification
  query(outTradeNo: string): Promise<{ state: TradeState; transactionId?: string; amountFen?: number }>
  close(outTradeNo: string): Promise<void>
  refund(p: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string }): Promise<{ refundId: string; status: 'PROCESSING' | 'SUCCESS' }>
}

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** How far a notification's Wechatpay-Timestamp may be from now, either way: older ones are replays. */
export const NOTIFY_MAX_SKEW_S = 5 * 60

/** WeChat Pay v3 notification handling, identical for the real platform and the simulator. */
export function parseWechatNotification(
  headers: Record<string, string | string[] | undefined>,
  body: string,
  platform: { publicKeyPem: string; serial: string },
  apiV3Key: Buffer,
  nowMs = Date.now(),
): PayNotification {
  const timestamp = header(headers, 'Wechatpay-Timestamp')
  const nonce = header(headers, 'Wechatpay-Nonce')
  const signature = header(headers, 'Wechatpay-Signature')
  // Checked before the signature: a notice signed with another key, or an old one replayed, is refused as such.
  if (header(headers, 'Wechatpay-Serial') !== platform.serial) throw new AppError('BAD_SIGNATURE', '通知的平台证书序列号不符')
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > NOTIFY_MAX_SKEW_S) {
    throw new AppError('BAD_SIGNATURE', '通知时间戳无效或已过期')
  }
  if (!nonce || !signature || !rsaVerify(platform.publicKeyPem, notificationMessage(timestamp, nonce, body), signature)) {
    throw new AppError('BAD_SIGNATURE', '通知签名验证失败')
  }
  let env: { id: string; event_type: string; resource: EncryptedResource }
  let plain: Record<string, any>
  try {
    env = JSON.parse(body)
    plain = JSON.parse(decryptResource(apiV3Key, env.resource))
  } catch {
    throw new AppError('BAD_SIGNATURE', '通知内容无法解密')
  }
  if (env.event_type.startsWith('REFUND.')) {
    return {
      kind: 'refund',
      id: env.id,
      outTradeNo: plain.out_trade_no,
      outRefundNo: plain.out_refund_no,
      refundId: plain.refund_id,
      refundStatus: plain.refund_status,
      refundFen: plain.amount?.refund,
      mchId: plain.mchid,
    }
  }
  return {
    kind: 'transaction',
    id: env.id,
    outTradeNo: plain.out_trade_no,
    transactionId: plain.transaction_id,
    tradeState: plain.trade_state,
    amountFen: plain.amount?.total,
    mchId: plain.mchid,
    appId: plain.appid,
  }
}

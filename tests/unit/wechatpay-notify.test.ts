// WeChat Pay notifications as WeChat Pay signs them (RSA-SHA256 over timestamp, nonce and body, the
// resource sealed with the APIv3 key): accepted when fresh and from the configured platform key, refused
// when stale, from the future, malformed, or naming another platform serial.
import crypto from 'node:crypto'
import { createWechatPay } from '../../cloud/platform/pay/wechat'
import { encryptResource, notificationMessage, rsaSign } from '../../cloud/platform/pay/wechatpay-crypto'
import { AppError } from '../../cloud/platform/errors'

const platform = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
const merchant = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
const apiV3Key = Buffer.from('0123456789abcdef0123456789abcdef', 'utf8')
const SERIAL = 'PUB_KEY_ID_0114232134912410000000000000'

const pay = createWechatPay({
  appId: 'wx0000000000000001',
  mchId: '1900000001',
  serialNo: 'MERCHANT-SERIAL',
  privateKeyPem: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  apiV3Key,
  platformPublicKeyPem: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  platformSerial: SERIAL,
  notifyBase: 'https://api.example.cn',
})

/** A notification exactly as WeChat Pay sends it, at `atSeconds`. */
function notification(opts: { atSeconds?: number; serial?: string; timestamp?: string } = {}) {
  const resource = encryptResource(
    apiV3Key,
    JSON.stringify({ appid: 'wx0000000000000001', mchid: '1900000001', out_trade_no: 'WU2026120100000001', transaction_id: '4200000001', trade_state: 'SUCCESS', amount: { total: 7980 } }),
    'transaction',
    'transaction',
  )
  const body = JSON.stringify({ id: crypto.randomUUID(), create_time: new Date().toISOString(), resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功', resource })
  const timestamp = opts.timestamp ?? String(opts.atSeconds ?? Math.floor(Date.now() / 1000))
  const nonce = crypto.randomBytes(16).toString('hex')
  const headers = {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': opts.serial ?? SERIAL,
    'wechatpay-signature': rsaSign(platform.privateKey, notificationMessage(timestamp, nonce, body)),
  }
  return { headers, body }
}

const refusal = (n: { headers: Record<string, string>; body: string }) => {
  try {
    pay.parseNotification(n.headers, n.body)
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.message}` : String(e)
  }
  return 'accepted'
}

describe('WeChat Pay notifications', () => {
  const now = Math.floor(Date.now() / 1000)

  it('should decrypt a fresh notification signed by the configured platform key', () => {
    const n = notification()
    expect(pay.parseNotification(n.headers, n.body)).toMatchObject({ kind: 'transaction', outTradeNo: 'WU2026120100000001', tradeState: 'SUCCESS', amountFen: 7980 })
    expect(refusal(notification({ atSeconds: now - 4 * 60 }))).toBe('accepted')
  })

  it('should refuse a replayed, future or malformed timestamp even when genuinely signed', () => {
    expect(refusal(notification({ atSeconds: now - 6 * 60 }))).toBe('BAD_SIGNATURE: 通知时间戳无效或已过期')
    expect(refusal(notification({ atSeconds: now - 365 * 86400 }))).toBe('BAD_SIGNATURE: 通知时间戳无效或已过期')
    expect(refusal(notification({ atSeconds: now + 6 * 60 }))).toBe('BAD_SIGNATURE: 通知时间戳无效或已过期')
    expect(refusal(notification({ timestamp: 'yesterday' }))).toBe('BAD_SIGNATURE: 通知时间戳无效或已过期')
  })

  it('should refuse a notification naming another platform serial', () => {
    expect(refusal(notification({ serial: 'PUB_KEY_ID_OTHER' }))).toBe('BAD_SIGNATURE: 通知的平台证书序列号不符')
    const n = notification()
    delete (n.headers as Partial<typeof n.headers>)['wechatpay-serial']
    expect(refusal(n)).toBe('BAD_SIGNATURE: 通知的平台证书序列号不符')
  })

  it('should refuse a body changed after signing', () => {
    const n = notification()
    expect(refusal({ headers: n.headers, body: n.body.replace('支付成功', '支付成功!') })).toBe('BAD_SIGNATURE: 通知签名验证失败')
  })
})

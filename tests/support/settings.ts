// Settings for start-up tests: four distinct secrets, and every setting production demands, valid
// (payment keys generated here). Light: no app, no database.
import crypto from 'node:crypto'

export function testSecrets(): Record<string, string> {
  const k = () => crypto.randomBytes(32).toString('base64')
  return { DATA_KEY: k(), HASH_KEY: k(), TOKEN_SECRET: k(), QR_SECRET: k() }
}

/** A production start's settings (NODE_ENV=production included), each valid. */
export function productionSettings(): Record<string, string> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://x@127.0.0.1/y',
    WX_APPID: 'wx0000000000000001',
    WX_SECRET: 'secret',
    ...testSecrets(),
    PAY_PROVIDER: 'wechat',
    WXPAY_MCHID: '1900000001',
    WXPAY_SERIAL_NO: 'MERCHANT',
    WXPAY_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WXPAY_APIV3_KEY: '0123456789abcdef0123456789abcdef',
    WXPAY_PLATFORM_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    WXPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_TEST',
    PUBLIC_BASE_URL: 'https://api.example.cn',
    NOTIFY_PROVIDER: 'wechat',
    WX_TMPL_CARD_DECIDED: 'tmpl-card-decided-0001',
    WX_TMPL_SUBSIDY_PROGRESS: 'tmpl-subsidy-progress-01',
    WX_TMPL_ORDER_SHIPPED: 'tmpl-order-shipped-0001',
    WX_TMPL_REFUND_COMPLETED: 'tmpl-refund-completed-1',
    WX_TMPL_CAMPAIGN_OPENED: 'tmpl-campaign-opened-01',
  }
}

// WeChat Pay API v3 cryptography: request and notification signatures (RSA-SHA256) and
// notification resources (AEAD_AES_256_GCM with the APIv3 key). Shared by the real provider and the simulator.
import crypto from 'node:crypto'

export function rsaSign(privateKeyPem: string | crypto.KeyObject, message: string): string {
  return crypto.createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64')
}

export function rsaVerify(publicKeyPem: string | crypto.KeyObject, message: string, signature: string): boolean {
  try {
    return crypto.createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64')
  } catch {
    return false
  }
}

/** The string WeChat Pay signs for a notification or response: timestamp, nonce and body, each line-terminated. */
export const notificationMessage = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM'
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

export function decryptResource(apiV3Key: Buffer, r: EncryptedResource): string {
  if (r.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${r.algorithm}`)
  const data = Buffer.from(r.ciphertext, 'base64')
  if (data.length < 17) throw new Error('ciphertext too short')
  const d = crypto.createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(r.nonce, 'utf8'))
  d.setAuthTag(data.subarray(data.length - 16))
  if (r.associated_data) d.setAAD(Buffer.from(r.associated_data, 'utf8'))
  return Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]).toString('utf8')
}

export function encryptResource(apiV3Key: Buffer, plaintext: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = crypto.randomBytes(6).toString('hex') // 12 characters, as WeChat Pay sends
  const c = crypto.createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'))
  c.setAAD(Buffer.from(associatedData, 'utf8'))
  const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()])
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: body.toString('base64'), associated_data: associatedData, nonce, original_type: originalType }
}

/** The parameters wx.requestPayment takes for a prepay id, signed with the merchant key. */
export function requestPaymentParams(appId: string, prepayId: string, merchantKey: string | crypto.KeyObject, now = Date.now()) {
  const timeStamp = String(Math.floor(now / 1000))
  const nonceStr = crypto.randomBytes(16).toString('hex')
  const pkg = `prepay_id=${prepayId}`
  const paySign = rsaSign(merchantKey, `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`)
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA' as const, paySign }
}

/** Authorization header for a merchant API request. */
export function authorization(mchId: string, serialNo: string, merchantKey: string | crypto.KeyObject, method: string, urlPath: string, body: string, now = Date.now()): string {
  const timestamp = String(Math.floor(now / 1000))
  const nonce = crypto.randomBytes(16).toString('hex')
  const signature = rsaSign(merchantKey, `${method}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`)
  return `WECHATPAY2-SHA256-RSA2048 mchid="${mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${serialNo}"`
}

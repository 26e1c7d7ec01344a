// The `payNotify` cloud function, reached by WeChat Pay through CloudBase's HTTP access service: an
// integration request in, an integration response out. Paths ending in /pay/notify and /pay/refund-notify
// go to the same handler as the gateway's routes; payments and refunds apply once however often they arrive.
import { appOrError } from '../../platform/app'
import { answerNotification, isNotifyPath, type HttpReply } from './http'

interface IntegrationRequest {
  path?: unknown
  httpMethod?: unknown
  headers?: unknown
  body?: unknown
  isBase64Encoded?: unknown
}

interface IntegrationResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

const respond = (r: HttpReply): IntegrationResponse => ({ statusCode: r.status, headers: r.headers, body: r.body, isBase64Encoded: false })
const failure = (status: number, message: string) =>
  respond({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ code: 'FAIL', message }) })

/** Header names as the verifier reads them (lower case); only string values count. */
function headersOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k.toLowerCase()] = v
  return out
}

/** The body exactly as sent: the signature covers its bytes. */
function rawBody(req: IntegrationRequest): string {
  if (typeof req.body !== 'string') return ''
  return req.isBase64Encoded === true ? Buffer.from(req.body, 'base64').toString('utf8') : req.body
}

export async function main(event: unknown): Promise<IntegrationResponse> {
  const req = (event && typeof event === 'object' ? event : {}) as IntegrationRequest
  const path = typeof req.path === 'string' ? req.path.replace(/\/+$/, '') : ''
  if (!isNotifyPath(path)) return failure(404, '未知的通知地址')
  if (req.httpMethod !== 'POST') return failure(405, '通知只接受 POST')
  const started = await appOrError()
  // WeChat Pay retries a notification that got a 5xx, so a start failure loses nothing.
  if ('error' in started) return failure(503, started.error.message)
  try {
    return respond(await answerNotification(started.app, headersOf(req.headers), rawBody(req)))
  } catch (e) {
    started.app.log.error({ err: e }, 'payment notification failed')
    return failure(500, '处理失败，请稍后重试')
  }
}

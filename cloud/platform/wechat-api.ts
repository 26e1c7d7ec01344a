// WeChat's server API (api.weixin.qq.com) with the app's access token: fetched from stable_token once,
// cached until shortly before it expires, shared by concurrent callers, and refreshed once when WeChat
// answers that it is invalid. Created once per process; used by subscribe messages and cloud storage.
import { AppError } from './errors'

export interface WxApiReply {
  errcode?: number
  errmsg?: string
  [k: string]: unknown
}

export interface WxApi {
  /** POSTs JSON to `path` (e.g. '/cgi-bin/message/subscribe/send') with the access token. */
  post(path: string, body: unknown): Promise<WxApiReply>
}

const BASE = 'https://api.weixin.qq.com'
/** Refresh this long before WeChat's expiry, so a token never expires mid-call. */
const MARGIN_MS = 5 * 60_000
const TIMEOUT_MS = 5_000
/** WeChat's codes for an access token that is invalid or expired. */
const STALE_TOKEN = new Set([40001, 40014, 42001])

export function createWxApi(cfg: { appId?: string; secret?: string }, fetchImpl: typeof fetch = fetch, now: () => number = Date.now): WxApi {
  let cached: { token: string; until: number } | null = null
  let fetching: Promise<string> | null = null

  async function json(url: string, body: unknown): Promise<WxApiReply> {
    try {
      const res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) })
      return (await res.json()) as WxApiReply
    } catch {
      throw new AppError('UNAVAILABLE', '微信服务暂时无法连接，请稍后重试')
    }
  }

  function token(force: boolean): Promise<string> {
    if (!force && cached && cached.until > now()) return Promise.resolve(cached.token)
    fetching ??= (async () => {
      if (!cfg.appId || !cfg.secret) throw new AppError('UNAVAILABLE', '未配置小程序 AppID 和 AppSecret')
      const r = await json(`${BASE}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.secret, force_refresh: force })
      const t = r.access_token
      if (typeof t !== 'string' || !t) throw new AppError('UNAVAILABLE', '微信接口凭证获取失败，请检查小程序 AppSecret')
      cached = { token: t, until: now() + Number(r.expires_in ?? 7200) * 1000 - MARGIN_MS }
      return t
    })().finally(() => {
      fetching = null
    })
    return fetching
  }

  return {
    async post(path, body) {
      let r = await json(`${BASE}${path}?access_token=${encodeURIComponent(await token(false))}`, body)
      if (r.errcode && STALE_TOKEN.has(r.errcode)) {
        cached = null
        r = await json(`${BASE}${path}?access_token=${encodeURIComponent(await token(true))}`, body)
      }
      return r
    },
  }
}

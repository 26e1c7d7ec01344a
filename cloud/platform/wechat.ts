// WeChat mini-program login: code2session.
import { AppError } from './errors'

export interface WxClient {
  /** Exchanges a wx.login code for the user's openid; null when no app id and secret are configured. */
  code2session(code: string): Promise<{ openid: string; unionid?: string } | null>
}

export function createWxClient(cfg: { appId?: string; secret?: string }, fetchImpl: typeof fetch = fetch): WxClient {
  return {
    async code2session(code) {
      if (!cfg.appId || !cfg.secret) return null
      const url = new URL('https://api.weixin.qq.com/sns/jscode2session')
      url.search = new URLSearchParams({ appid: cfg.appId, secret: cfg.secret, js_code: code, grant_type: 'authorization_code' }).toString()
      let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string }
      try {
        const res = await fetchImpl(url, { signal: AbortSignal.timeout(5000) })
        body = await res.json()
      } catch {
        throw new AppError('INTERNAL', '微信登录服务暂时不可用，请稍后重试')
      }
      if (!body.openid || body.errcode) throw new AppError('UNAUTHENTICATED', '登录凭证无效或已过期，请重新进入小程序')
      return { openid: body.openid, unionid: body.unionid }
    },
  }
}

// WeChat's subscribe-message API (cgi-bin/message/subscribe/send) with the cached access token.
import { AppError } from '../errors'
import type { WxApi } from '../wechat-api'
import type { NotifyProvider } from './provider'

/** 43101: the user has no subscription left for this template (refused, or used up). */
const NOT_SUBSCRIBED = 43101

export function wechatNotify(api: WxApi, state: 'formal' | 'trial' | 'developer' = 'formal'): NotifyProvider {
  return {
    name: 'wechat',
    async send(msg) {
      try {
        const r = await api.post('/cgi-bin/message/subscribe/send', {
          touser: msg.touser,
          template_id: msg.templateId,
          page: msg.page,
          data: msg.data,
          miniprogram_state: state,
          lang: 'zh_CN',
        })
        if (!r.errcode) return { sent: true }
        return { sent: false, reason: String(r.errcode), retriable: r.errcode !== NOT_SUBSCRIBED && r.errcode !== 40003 && r.errcode !== 47003 }
      } catch (e) {
        if (e instanceof AppError) return { sent: false, reason: 'unreachable', retriable: true }
        throw e
      }
    },
  }
}

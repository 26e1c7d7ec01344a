// Small helpers shared by the campaign pages.
import Taro from '@tarojs/taro'
import { ApiCallError } from '../../services/api'
import { CAMPAIGN_ACTION_LABELS, CAMPAIGN_KIND_LABELS, type CampaignAction, type CampaignKind } from '../../../types/campaign-labels'

export const kindLabel = (k: CampaignKind) => CAMPAIGN_KIND_LABELS[k]
export const actionLabel = (a: CampaignAction) => CAMPAIGN_ACTION_LABELS[a]

/** "12月01日 09:00" in the phone's time zone (members are in China). */
export function shortTime(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getMonth() + 1)}月${p(d.getDate())}日 ${p(d.getHours())}:${p(d.getMinutes())}`
}

export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) {
    if (e.code === 'UNAUTHENTICATED') {
      Taro.navigateTo({ url: '/pages/login/index' })
      return '请先登录'
    }
    if (e.code === 'FORBIDDEN') return '仅限工会工作人员使用，或该事项不在您的管辖范围'
    return e.message
  }
  return '网络不太好，请稍后重试'
}

// What home and 我的 say to whoever opens them, from what the app knows: a name once the member has a card,
// the state of their application, or a welcome for a newcomer with the one next step (greeting() is pure).
import Taro from '@tarojs/taro'
import { api } from '../../services/api'
import { errorCode } from '../../services/errors'
import type { Me } from '../../../types/auth'
import type { CardView } from '../../../types/member'
import type { CardStatus } from '../../../types/member-labels'
import type { PageName } from '../../services/routes'

/** What the card page says about the member (member.myCard), as far as the greeting needs it. */
export interface KnownCard {
  name: string
  status: CardStatus
}

export interface Greeting {
  title: string
  sub: string
  next?: { label: string; to: PageName }
  /** A second, smaller way on (e.g. 已申请？查看审核进度). */
  also?: { label: string; to: PageName }
}

/**
 * `card`: the member's card when read, null when they have none, undefined when it could not be read
 * (offline) or was not asked for.
 */
export function greeting(me: Me | null, card: KnownCard | null | undefined, staff: boolean): Greeting {
  if (!me) return { title: '欢迎使用暖心工会', sub: '职工之家在身边' }
  if (card) {
    const title = `${card.name}，您好`
    if (card.status === 'pending') return { title, sub: '入会申请审核中，通过后即可使用电子会员卡', next: { label: '查看审核进度', to: 'card' } }
    if (card.status === 'rejected') return { title, sub: '入会申请未通过，可查看原因后重新申请', next: { label: '查看原因', to: 'card' } }
    if (card.status === 'suspended') return { title, sub: '会员卡已暂停使用，请联系所在工会', next: { label: '查看会员卡', to: 'card' } }
    return { title, sub: staff ? '工会工作人员 · 会员服务都在这里' : '职工之家在身边' }
  }
  if (staff) return { title: '工会工作人员，您好', sub: '审核、核验和活动管理都在这里' }
  if (card === undefined && me.roles.includes('member')) return { title: '您好，欢迎回来', sub: '职工之家在身边' }
  return {
    title: '欢迎来到暖心工会',
    sub: '加入工会，立等可取电子会员卡，享受会员服务和优惠',
    next: { label: '申请入会', to: 'member/register' },
    also: { label: '已申请？查看审核进度', to: 'card' },
  }
}

// Someone who applied has no member role until the card is active: this device remembers that they applied,
// so home asks for their card (and greets them by name) instead of offering 申请入会 again.
const APPLIED_KEY = 'wu.member.applied'

export function rememberApplied(applied: boolean): void {
  try {
    if (applied) Taro.setStorageSync(APPLIED_KEY, '1')
    else Taro.removeStorageSync(APPLIED_KEY)
  } catch {
    /* storage unavailable: the greeting falls back to the newcomer's */
  }
}

export function hasApplied(): boolean {
  try {
    return Taro.getStorageSync(APPLIED_KEY) === '1'
  } catch {
    return false
  }
}

/** Whether to ask for the card: members have one; someone who applied on this device may. */
export const shouldReadCard = (me: Me | null) => !!me && (me.roles.includes('member') || hasApplied())

/**
 * The member's card for a greeting: null when they have none (a newcomer, or NOT_FOUND), undefined when
 * nobody is signed in or it could not be read. Newcomers are not asked: nothing to show, and no failed call.
 */
export async function readCard(me: Me | null): Promise<CardView | null | undefined> {
  if (!me) return undefined
  if (!shouldReadCard(me)) return null
  try {
    return await api.member.myCard({})
  } catch (e) {
    if (errorCode(e) !== 'NOT_FOUND') return undefined
    rememberApplied(false)
    return null
  }
}

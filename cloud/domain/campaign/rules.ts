// Pure campaign rules: who a campaign reaches (in TypeScript and, for lists, the same rule in SQL), why a
// member cannot join, claim codes. No I/O here.
import crypto from 'node:crypto'
import type { CampaignAction, CampaignStatus } from '../../../types/campaign'
import type { ErrorCode } from '../../../types/common'

/** A campaign's audience: the posting union's subtree, narrowed to occupations and districts (null or empty: everyone). */
export interface Targeting {
  path: string
  audience_occupations: readonly string[] | null
  audience_districts: readonly string[] | null
}

/** A member as an audience: their occupation and their card union's path and district. */
export interface AudienceMember {
  path: string
  occupation: string
  district: string | null
}

export function reaches(c: Targeting, m: AudienceMember): boolean {
  if (!m.path.startsWith(c.path)) return false
  if (c.audience_occupations?.length && !c.audience_occupations.includes(m.occupation)) return false
  if (c.audience_districts?.length && (!m.district || !c.audience_districts.includes(m.district))) return false
  return true
}

/**
 * `reaches` as a SQL condition, for lists and counts. `campaign` is a campaigns alias and `union` the alias of
 * its posting union; the member side is given as SQL expressions (columns or parameters).
 */
export function reachesSql(campaign: string, union: string, m: { path: string; occupation: string; district: string }): string {
  const any = (column: string, value: string) =>
    `(coalesce(cardinality(${campaign}.${column}), 0) = 0 or coalesce(${value} = any(${campaign}.${column}), false))`
  return `(${m.path} like ${union}.path || '%' and ${any('audience_occupations', m.occupation)} and ${any('audience_districts', m.district)})`
}

export interface Joinable extends Targeting {
  action: CampaignAction
  status: CampaignStatus
  starts_at: Date
  ends_at: Date
  quota: number | null
  taken: number
  my_joined_at: Date | null
}

export interface JoinBlocker {
  code: Extract<ErrorCode, 'INVALID_STATE' | 'NOT_ELIGIBLE' | 'QUOTA_FULL'>
  message: string
}

/** Why the member (null: the caller holds no active card) cannot join now, or null when they can. */
export function joinBlocker(c: Joinable, m: AudienceMember | null, now: Date): JoinBlocker | null {
  const no = (message: string): JoinBlocker => ({ code: 'NOT_ELIGIBLE', message })
  if (c.action === 'buy') return { code: 'INVALID_STATE', message: '本活动无需报名，直接购买活动商品即可' }
  if (!m) return no('本活动仅限持有效会员卡的工会会员参加，请先办理会员卡')
  if (c.status !== 'published') return no(c.status === 'closed' ? '活动已结束' : '活动尚未发布')
  if (c.starts_at > now) return no('活动尚未开始')
  if (c.ends_at <= now) return no('活动已结束')
  if (!reaches(c, m)) return no('本活动面向特定工会、职业或地区的会员，您不在活动范围内')
  if (c.my_joined_at) return no(c.action === 'claim' ? '您已领取，请凭领取码到站点领取' : '您已报名')
  if (c.quota !== null && c.taken >= c.quota) return { code: 'QUOTA_FULL', message: '名额已满' }
  return null
}

// Claim codes avoid look-alike characters (0/O, 1/I/L) so they can be read out at a station counter.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export function newClaimCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join('')
}

/**
 * Whether a union may name a station as its pickup point: a station of its own subtree, or one run by the
 * union itself or a union above it (a district's workers' home serving its streets), never another branch's.
 */
export function pickupReachable(postingPath: string, stationUnionPath: string): boolean {
  return stationUnionPath.startsWith(postingPath) || postingPath.startsWith(stationUnionPath)
}

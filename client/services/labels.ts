// Chinese labels for member data, kept free of zod so the weapp main package stays small.
// The types come from the contract (type-only imports are erased), so a new occupation or status
// fails the typecheck here; tests/client/labels.test.ts checks the texts match types/member.ts.
import type { CardStatus, Occupation } from '../../types/member'
import type { Role } from '../../types/auth'

/** New-employment-form groups first, then the other "eight groups", then the rest (same order as types/member). */
export const OCCUPATION_ORDER: readonly Occupation[] = [
  'courier',
  'food_delivery',
  'ride_hailing',
  'truck_driver',
  'property_service',
  'security_guard',
  'domestic_worker',
  'care_worker',
  'factory_worker',
  'office_worker',
  'other',
]

export const OCCUPATION_TEXT: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖送餐员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  property_service: '物业服务人员',
  security_guard: '保安员',
  domestic_worker: '家政服务员',
  care_worker: '护理员',
  factory_worker: '产业工人',
  office_worker: '企业职工',
  other: '其他',
}

export const CARD_STATUS_TEXT: Record<CardStatus, string> = {
  pending: '审核中',
  active: '有效',
  rejected: '未通过',
  suspended: '已暂停',
  transferred: '已转出',
}

export const ROLE_TEXT: Record<Role, string> = {
  member: '会员',
  staff: '工会工作人员',
  admin: '平台管理员',
}

/** "2026-11-24T08:30:00Z" -> "2026-11-24" in the member's local time; "—" when missing. */
export function dayText(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** "2026-11-24 16:30" in local time. */
export function minuteText(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso.slice(0, 16).replace('T', ' ')
  const p = (n: number) => String(n).padStart(2, '0')
  return `${dayText(iso)} ${p(d.getHours())}:${p(d.getMinutes())}`
}

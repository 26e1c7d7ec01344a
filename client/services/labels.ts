// Chinese labels for member data, from the contract's zod-free vocabulary (types/member-labels.ts), so the
// weapp main package stays small; roles are labelled here (tests/client/labels.test.tsx checks them).
import type { Role } from '../../types/auth'

export { OCCUPATIONS as OCCUPATION_ORDER, OCCUPATION_LABELS as OCCUPATION_TEXT, CARD_STATUS_LABELS as CARD_STATUS_TEXT } from '../../types/member-labels'

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

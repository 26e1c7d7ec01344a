// Budget rows as the page shows them: grouped by union in the policy's programme order, how much of each is
// spent, and when one runs low; and the server's refusals worded for the forms.
import { ApiCallError } from '../../../services/api'
import { errorText, isForbidden } from '../../../services/errors'
import type { ActionOutput } from '../../../../types/contract'
import { BUDGET_PROGRAMMES } from '../policy'
import type { FieldErrors } from '../shared'

export type Row = ActionOutput<'subsidy', 'budgets'>['items'][number]
export type Group = { unionId: string; unionName: string; rows: Row[] }

export const keyOf = (r: { unionId: string; programme: string }) => `${r.unionId}/${r.programme}`
/** Less than a tenth left of a budget: staff should top it up before payments are refused. */
export const isLow = (r: Pick<Row, 'totalFen' | 'remainingFen'>) => r.totalFen > 0 && r.remainingFen * 10 < r.totalFen
export const percent = (r: Pick<Row, 'totalFen' | 'spentFen'>) => (r.totalFen > 0 ? Math.min(100, Math.round((r.spentFen / r.totalFen) * 100)) : 0)

export function groupByUnion(items: Row[]): Group[] {
  const groups = new Map<string, Group>()
  for (const r of items) {
    const g = groups.get(r.unionId) ?? { unionId: r.unionId, unionName: r.unionName, rows: [] }
    g.rows.push(r)
    groups.set(r.unionId, g)
  }
  // Programmes in the policy's order (the server sorts by id); any it does not know of go last.
  const rank = (id: string) => {
    const i = BUDGET_PROGRAMMES.findIndex((p) => p.id === id)
    return i < 0 ? BUDGET_PROGRAMMES.length : i
  }
  for (const g of groups.values()) g.rows.sort((a, b) => rank(a.programme) - rank(b.programme))
  return [...groups.values()]
}

/** Server errors on a form: field messages by key, and anything else as one line. */
export function serverErrors(e: unknown): { fields: FieldErrors; message: string | null } {
  if (e instanceof ApiCallError && e.code === 'VALIDATION_FAILED' && e.fields && Object.keys(e.fields).length) {
    const fields: FieldErrors = { ...e.fields }
    // "预算不能少于已发放的 ¥1,000.00" says more than the field's short text.
    if (fields.totalFen && Object.keys(fields).length === 1) fields.totalFen = e.message
    const known = ['unionId', 'programme', 'totalFen']
    const other = Object.entries(fields).filter(([k]) => !known.includes(k))
    return { fields, message: other.length ? other[0][1] : null }
  }
  if (isForbidden(e)) return { fields: {}, message: e instanceof ApiCallError && e.message ? e.message : '您没有管理该工会预算的权限' }
  return { fields: {}, message: errorText(e) }
}


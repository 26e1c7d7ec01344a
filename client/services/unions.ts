// The unions a staff member acts for: their own and everything under it (admins: every union).
import { api } from './api'
import { isAdmin } from './session'
import type { Me } from '../../types/auth'
import type { UnionSummary } from '../../types/union'

export interface ScopeUnions {
  unions: UnionSummary[]
  /** The staff member's own union, else the first in scope: what a form starts with. */
  own: UnionSummary | null
}

/** The staff member's union and everything under it (admins: every union), from a union list. */
export function unionsInScope(all: UnionSummary[], me: Me): UnionSummary[] {
  if (isAdmin(me)) return all
  const root = me.staffUnionId
  if (!root) return []
  const byId = new Map(all.map((u) => [u.id, u]))
  const inScope = (u: UnionSummary) => {
    for (let cur: UnionSummary | undefined = u, n = 0; cur && n < 20; cur = cur.parentId ? byId.get(cur.parentId) : undefined, n++) if (cur.id === root) return true
    return false
  }
  return all.filter(inScope)
}

export async function scopeUnions(me: Me): Promise<ScopeUnions> {
  const r = await api.union.list({ limit: 100 })
  const unions = unionsInScope(r.items, me)
  return { unions, own: unions.find((u) => u.id === me.staffUnionId) ?? unions[0] ?? null }
}

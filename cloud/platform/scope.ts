// Union scope: staff act within their own union and its sub-unions, the platform admin everywhere.
// A union's path is '/<root id>/.../<own id>/', so a subtree is every union whose path starts with it.
import type { Queryable } from '../db'
import { isUuid, likeEscape } from '../db/sql'
import { AppError } from './errors'
import type { Caller } from './caller'

export function inScope(caller: Caller, union: { path: string }): boolean {
  if (caller.isAdmin) return true
  return !!caller.staffUnion && union.path.startsWith(caller.staffUnion.path)
}

export function assertInScope(caller: Caller, union: { path: string }): void {
  if (!inScope(caller, union)) throw new AppError('FORBIDDEN', '该事项不属于您所在工会的管辖范围')
}

/** A LIKE pattern matching a union's path and every path below it. */
export const subtreeLike = (path: string) => `${likeEscape(path)}%`

/** SQL condition on a unions alias limiting rows to the caller's subtree; pushes its parameter. */
export function scopeCondition(caller: Caller, alias: string, params: unknown[]): string {
  if (caller.isAdmin) return 'true'
  if (!caller.staffUnion) return 'false'
  params.push(subtreeLike(caller.staffUnion.path))
  return `${alias}.path like $${params.length}`
}

/** The union a staff view covers; the platform admin's default view is every union (path '/'). */
export type ScopeRoot = { id: string; name: string; path: string } | { id: null; name: null; path: '/' }

/**
 * Which unions a staff view shows: the chosen union's subtree (which must be in the caller's scope), else
 * the caller's own union's subtree, else (the platform admin) everything.
 */
export async function scopeRoot(q: Queryable, caller: Caller, unionId?: string): Promise<ScopeRoot> {
  const id = unionId ?? caller.staffUnion?.id
  if (!id) return { id: null, name: null, path: '/' }
  const [u] = isUuid(id) ? await q.query<{ id: string; name: string; path: string }>('select id, name, path from unions where id = $1', [id]) : []
  if (!u) throw new AppError('NOT_FOUND', '所选工会不存在，请重新选择')
  if (unionId) assertInScope(caller, u)
  return u
}

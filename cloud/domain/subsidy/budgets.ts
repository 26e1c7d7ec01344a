// Relief budgets per union, programme and year. A cut (never below what was paid) applies at once; an
// increase waits until a second person in the proposer's union or above confirms it (four eyes), audited.
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { uniqueViolation } from '../../db'
import { isUuid } from '../../db/sql'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { assertInScope, scopeCondition, scopeRoot } from '../../platform/scope'
import { audit } from '../audit/service'
import type { ActionData, ActionOutput } from '../../../types/contract'
import type { BudgetChangeResult } from '../../../types/subsidy-labels'
import { findProgramme } from './rules'
import { budgetChange, changeDecision, type Decider } from './money-rules'
import { programmeName, yearMonth } from './context'
import { budgetOf, budgetsWhere, changeById, decideChange, insertChange, pendingChange, pendingChangesWhere, setBudgetTotal, type BudgetRow, type ChangeRow } from './payment-store'

type Row = ActionOutput<'subsidy', 'budgets'>['items'][number]
type Key = { union_id: string; union_name: string; path: string; programme: string; year: number }

const deciderOf = (caller: Caller): Decider => ({ userId: caller.userId, isAdmin: caller.isAdmin, path: caller.staffUnion?.path ?? null })
const NOT_YOURS = '预算增加须由提交人所在工会或上级工会的另一位工作人员确认'

function pendingView(c: ChangeRow, me: Decider): NonNullable<Row['pending']> {
  return {
    changeId: c.id,
    fromFen: c.from_fen,
    toFen: c.to_fen,
    requestedBy: c.requester_name ?? '平台管理员',
    requestedAt: c.created_at.toISOString(),
    canDecide: changeDecision(me, { requestedBy: c.requested_by, requesterPath: c.requester_path }),
  }
}

/** A budget as staff see it; a budget not yet funded shows as zero while its first increase waits. */
function view(app: App, k: Key, b: BudgetRow | null, pending: ChangeRow | null, me: Decider): Row {
  const total = b?.total_fen ?? 0
  const spent = b?.spent_fen ?? 0
  return {
    unionId: k.union_id,
    unionName: k.union_name,
    programme: k.programme,
    name: programmeName(app)(k.programme),
    year: k.year,
    totalFen: total,
    spentFen: spent,
    remainingFen: total - spent,
    pending: pending ? pendingView(pending, me) : null,
  }
}

const result = (row: Row, status: BudgetChangeResult, changeId: string | null): ActionOutput<'subsidy', 'setBudget'> => ({ ...row, status, changeId })

export async function budgets(app: App, caller: Caller, input: ActionData<'subsidy', 'budgets'>): Promise<ActionOutput<'subsidy', 'budgets'>> {
  const params: unknown[] = [input.year ?? yearMonth(app).year]
  const where = [scopeCondition(caller, 'u', params)]
  if (input.unionId) {
    const u = await scopeRoot(app.db, caller, input.unionId)
    params.push(u.id)
    where.push(`u.id = $${params.length}`)
  }
  const rows = await budgetsWhere(app.db, where.join(' and '), params)
  const changes = await pendingChangesWhere(app.db, where.join(' and '), params)
  const key = (k: Key) => `${k.union_id}/${k.programme}`
  const pending = new Map(changes.map((c) => [key(c), c]))
  const me = deciderOf(caller)
  // Budgets in the database's order; a first budget still waiting goes after its union's others, or last.
  const keys: (BudgetRow | ChangeRow)[] = [...rows]
  for (const c of changes.filter((c) => !rows.some((b) => key(b) === key(c)))) {
    const after = keys.map((k) => k.union_id).lastIndexOf(c.union_id)
    keys.splice(after < 0 ? keys.length : after + 1, 0, c)
  }
  return { items: keys.map((k) => view(app, k, 'total_fen' in k ? k : null, pending.get(key(k)) ?? null, me)) }
}

export async function setBudget(app: App, caller: Caller, input: ActionData<'subsidy', 'setBudget'>): Promise<ActionOutput<'subsidy', 'setBudget'>> {
  findProgramme(app.policies.subsidy, input.programme)
  const u = await scopeRoot(app.db, caller, input.unionId)
  const k: Key = { union_id: u.id!, union_name: u.name!, path: u.path, programme: input.programme, year: input.year }
  const me = deciderOf(caller)
  try {
    return await app.db.tx(async (q) => {
      const before = await budgetOf(q, k.union_id, k.programme, k.year, true)
      const waiting = await pendingChange(q, k.union_id, k.programme, k.year)
      if (waiting) {
        // The same request again (a retry) answers the same pending change.
        if (waiting.requested_by === caller.userId && waiting.to_fen === input.totalFen) return result(view(app, k, before, waiting, me), 'pending', waiting.id)
        throw new AppError('CONFLICT', '该预算有一项调整正等待确认，请先确认或撤回后再调整')
      }
      const change = budgetChange(before && { totalFen: before.total_fen, spentFen: before.spent_fen }, input.totalFen)
      if (typeof change === 'object') throw new AppError('VALIDATION_FAILED', change.refusal, { totalFen: '不能少于已发放金额' })
      if (change === 'apply') {
        await setBudgetTotal(q, k.union_id, k.programme, k.year, input.totalFen)
        const after = (await budgetOf(q, k.union_id, k.programme, k.year))!
        await audit(q, { actor: caller, action: 'subsidy.budget', entity: 'subsidy_budget', entityId: after.id, unionId: u.id, before: before ? { totalFen: before.total_fen } : undefined, after: { totalFen: after.total_fen } })
        return result(view(app, k, after, null, me), 'applied', null)
      }
      const changeId = await insertChange(q, {
        unionId: k.union_id,
        programme: k.programme,
        year: k.year,
        fromFen: before?.total_fen ?? 0,
        toFen: input.totalFen,
        requestedBy: caller.userId,
        requesterUnionId: caller.isAdmin ? null : caller.staffUnion!.id,
        at: app.now(),
      })
      await audit(q, { actor: caller, action: 'subsidy.budget.request', entity: 'subsidy_budget_change', entityId: changeId, unionId: u.id, before: { totalFen: before?.total_fen ?? 0 }, after: { totalFen: input.totalFen } })
      return result(view(app, k, before, await changeById(q, changeId), me), 'pending', changeId)
    })
  } catch (e) {
    if (uniqueViolation(e) === 'subsidy_budget_changes_pending') throw new AppError('CONFLICT', '该预算有一项调整正等待确认，请先确认或撤回后再调整')
    throw e
  }
}

async function decided(app: App, q: Queryable, c: ChangeRow, status: BudgetChangeResult, me: Decider) {
  return result(view(app, c, await budgetOf(q, c.union_id, c.programme, c.year), null, me), status, c.id)
}

const RESULT_OF = { confirmed: 'applied', rejected: 'rejected', withdrawn: 'withdrawn', pending: 'pending' } as const

export async function confirmBudget(app: App, caller: Caller, input: ActionData<'subsidy', 'confirmBudget'>): Promise<ActionOutput<'subsidy', 'confirmBudget'>> {
  const me = deciderOf(caller)
  return app.db.tx(async (q) => {
    const c = isUuid(input.changeId) ? await changeById(q, input.changeId, true) : null
    if (!c) throw new AppError('NOT_FOUND', '该预算调整不存在')
    assertInScope(caller, c)
    if (c.status !== 'pending') {
      // The same decision again (a retry) answers what it did.
      if (c.decided_by === caller.userId && (c.status === 'confirmed') === input.approve) return decided(app, q, c, RESULT_OF[c.status], me)
      throw new AppError('INVALID_STATE', '该预算调整已处理，请刷新后查看')
    }
    const may = changeDecision(me, { requestedBy: c.requested_by, requesterPath: c.requester_path })
    const now = app.now()
    if (!input.approve) {
      if (!may) throw new AppError('FORBIDDEN', NOT_YOURS)
      const status = may === 'withdraw' ? 'withdrawn' : 'rejected'
      await decideChange(q, c.id, status, caller.userId, now)
      await audit(q, { actor: caller, action: `subsidy.budget.${status === 'withdrawn' ? 'withdraw' : 'reject'}`, entity: 'subsidy_budget_change', entityId: c.id, unionId: c.union_id, after: { status } })
      return decided(app, q, c, status, me)
    }
    if (may === 'withdraw') throw new AppError('FORBIDDEN', '预算增加须由另一位工作人员确认，不能确认自己提交的调整')
    if (may !== 'confirm') throw new AppError('FORBIDDEN', NOT_YOURS)
    const before = await budgetOf(q, c.union_id, c.programme, c.year, true)
    if ((before?.total_fen ?? 0) !== c.from_fen) throw new AppError('CONFLICT', '预算已变化，该调整已失效，请重新提交')
    await setBudgetTotal(q, c.union_id, c.programme, c.year, c.to_fen)
    await decideChange(q, c.id, 'confirmed', caller.userId, now)
    const after = (await budgetOf(q, c.union_id, c.programme, c.year))!
    await audit(q, { actor: caller, action: 'subsidy.budget', entity: 'subsidy_budget', entityId: after.id, unionId: c.union_id, before: { totalFen: c.from_fen }, after: { totalFen: c.to_fen, changeId: c.id, requestedBy: c.requested_by } })
    return result(view(app, c, after, null, me), 'applied', c.id)
  })
}

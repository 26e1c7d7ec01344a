// Money decisions that need no database: what a file may still receive, how much of an order the
// relief-purchase subsidy covers, and the four eyes on budgets (an increase waits for a second person).
import type { Programme } from '../../../config/policies'
import type { Condition, SubsidyCategory } from '../../../types/subsidy-labels'

export type Paid = { count: number; sumFen: number }
const NONE: Paid = { count: 0, sumFen: 0 }

/** Programmes staff may still pay a file this year (the checkout subsidy is applied at checkout instead). */
export function availableProgrammes(programmes: Programme[], f: { category: SubsidyCategory; conditions: Condition[] }, paid: Map<string, Paid>, month: number) {
  return programmes
    .filter((p) => p.kind !== 'checkout' && p.categories.includes(f.category))
    .filter((p) => !p.anyCondition || f.conditions.some((c) => p.anyCondition!.includes(c)))
    .map((p) => {
      const got = paid.get(p.id) ?? NONE
      return {
        id: p.id,
        name: p.name,
        amountFen: p.amountFen,
        remainingFen: Math.max(0, p.capFenPerYear - got.sumFen),
        timesLeft: p.maxTimesPerYear === null ? null : Math.max(0, p.maxTimesPerYear - got.count),
        inSeason: !p.months || p.months.includes(month),
      }
    })
}

/** Whether the relief-purchase subsidy applies to a file at all. */
export const checkoutApplies = (p: Programme | undefined, f: { status: string; category: SubsidyCategory }): p is Programme =>
  !!p && f.status === 'active' && p.categories.includes(f.category)

/** What is left of the relief-purchase subsidy this year; 0 when none applies. */
export const checkoutRemaining = (p: Programme | undefined, f: { status: string; category: SubsidyCategory }, paidSumFen: number) =>
  checkoutApplies(p, f) ? Math.max(0, p.capFenPerYear - paidSumFen) : 0

/**
 * The subsidy on an order: at most the policy's share of what is payable, only the relief products, within
 * the yearly cap and what the budget holds. A refusal when nothing can be applied.
 */
export function checkoutAmount(p: Programme, o: { payableFen: number; reliefFen: number }, paidSumFen: number, budgetLeftFen: number): { fen: number } | { refusal: string } {
  if (o.reliefFen <= 0) return { refusal: `${p.name}只能用于购买消费帮扶（帮扶地区）商品` }
  const fen = Math.min(Math.floor(o.payableFen * (p.maxShareOfOrder ?? 0)), o.reliefFen, p.capFenPerYear - paidSumFen, budgetLeftFen)
  if (fen > 0) return { fen }
  return { refusal: paidSumFen >= p.capFenPerYear ? `本年度${p.name}已用完` : `${p.name}预算已用完，请联系所在工会` }
}

/** What setting a budget's total does: a cut (never below what was paid) applies at once; an increase waits for a second person. */
export function budgetChange(current: { totalFen: number; spentFen: number } | null, toFen: number): 'apply' | 'request' | { refusal: string } {
  const from = current?.totalFen ?? 0
  if (current && toFen < current.spentFen) return { refusal: `预算不能少于已发放的 ¥${(current.spentFen / 100).toFixed(2)}` }
  return toFen > from ? 'request' : 'apply'
}

/** A staff member as a budget decision sees them. `path` is their union's path; null for the platform admin. */
export interface Decider {
  userId: string
  isAdmin: boolean
  path: string | null
}

/**
 * What `me` may do with a pending increase: the proposer may withdraw it; another person may confirm or
 * reject it when their union is the proposer's or above (the platform admin is above every union, and
 * an admin's own proposal needs another admin).
 */
export function changeDecision(me: Decider, change: { requestedBy: string; requesterPath: string | null }): 'confirm' | 'withdraw' | null {
  if (me.userId === change.requestedBy) return 'withdraw'
  if (me.isAdmin) return 'confirm'
  return me.path !== null && change.requesterPath !== null && change.requesterPath.startsWith(me.path) ? 'confirm' : null
}

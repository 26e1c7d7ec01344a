// The relief-purchase subsidy at shop checkout (called by the shop inside the order's transaction), and
// giving it back when an order is cancelled or refunded.
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { AppError } from '../../platform/errors'
import { checkoutAmount, checkoutApplies } from './money-rules'
import { checkoutProgramme, yearMonth } from './context'
import { fileOf } from './file-store'
import { budgetFor, draw, insertPayment, paidThisYear, reverseOrderPayments } from './payment-store'

/**
 * Applies the member's relief-purchase subsidy to an order being placed (inside its transaction): at most the
 * policy's share of the order, only relief products, within the yearly cap and the budget. Returns the fen applied.
 */
export async function applyCheckoutSubsidy(app: App, q: Queryable, userId: string, orderId: string, reliefAmountFen: number, payableFen: number): Promise<number> {
  const p = checkoutProgramme(app)
  const none = (why: string) => new AppError('NOT_ELIGIBLE', why)
  if (!p) throw none('当前没有消费帮扶补贴项目')
  // The file row lock serialises a member's concurrent orders: the cap is checked against committed payments.
  const f = await fileOf(q, { userId }, true)
  if (!f || !checkoutApplies(p, f)) throw none(`${p.name}面向在档的困难职工，您暂不能使用`)
  const { year } = yearMonth(app)
  const paid = await paidThisYear(q, f.id, p.id, year)
  const budget = await budgetFor(q, f.path, p.id, year)
  const amount = checkoutAmount(p, { payableFen, reliefFen: reliefAmountFen }, paid.sumFen, budget ? budget.total_fen - budget.spent_fen : 0)
  if ('refusal' in amount) throw none(amount.refusal)
  if ((await draw(q, budget!.id, amount.fen)) === null) throw none(`${p.name}预算已用完，请联系所在工会`)
  await insertPayment(q, { fileId: f.id, programme: p.id, year, amountFen: amount.fen, budgetId: budget!.id, requestId: `order-${orderId}`, orderId, at: app.now() })
  return amount.fen
}

/** Returns the subsidy of cancelled or refunded orders to the budget and the member's yearly cap, once. */
export async function reverseOrderSubsidy(q: Queryable, orderIds: string[], now: Date): Promise<number> {
  if (!orderIds.length) return 0
  return reverseOrderPayments(q, orderIds, now)
}

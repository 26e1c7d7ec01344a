// Paying a household: once per request, within the programme's caps and season, from the nearest budget in
// the payer's scope, never by someone whose own or household's case it is.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { inScope } from '../../platform/scope'
import { audit } from '../audit/service'
import type { ActionData, ActionOutput } from '../../../types/contract'
import { findProgramme, paymentRefusal } from './rules'
import { yearMonth } from './context'
import { assertNotOwnCase } from './four-eyes'
import { loadFile } from './files'
import { budgetFor, draw, insertPayment, paidThisYear, paymentByRequest, remainingOf } from './payment-store'
import { tellPaid } from './messages'

export async function disburse(app: App, caller: Caller, input: ActionData<'subsidy', 'disburse'>): Promise<ActionOutput<'subsidy', 'disburse'>> {
  const r = await pay(app, caller, input)
  if (!r.duplicate) await tellPaid(app, r)
  return r
}

async function pay(app: App, caller: Caller, input: ActionData<'subsidy', 'disburse'>): Promise<ActionOutput<'subsidy', 'disburse'>> {
  const p = findProgramme(app.policies.subsidy, input.programme)
  if (p.kind === 'checkout') throw new AppError('VALIDATION_FAILED', `${p.name}在工会商城结算时自动抵扣，无需手工发放`, { programme: '请选择其他帮扶项目' })
  const amount = input.amountFen ?? p.amountFen
  const { year, month } = yearMonth(app)
  return app.db.tx(async (q) => {
    // The file row lock serialises every payment to one household: caps are checked against committed payments.
    const f = await loadFile(q, caller, input.fileId, true)
    await assertNotOwnCase(q, caller.userId, f.member_id)
    const dup = await paymentByRequest(q, f.id, input.requestId)
    if (dup) {
      if (dup.programme !== p.id || (input.amountFen !== undefined && dup.amount_fen !== input.amountFen)) throw new AppError('CONFLICT', '该请求编号已用于另一笔发放，请刷新后重试')
      return { paymentId: dup.id, fileId: f.id, programme: p.id, amountFen: dup.amount_fen, budgetRemainingFen: await remainingOf(q, dup.budget_id), duplicate: true }
    }
    if (f.status !== 'active') throw new AppError('INVALID_STATE', '档案已归档，不能发放帮扶资金')
    const refusal = paymentRefusal(p, f.category, f.conditions, await paidThisYear(q, f.id, p.id, year), amount, month)
    if (refusal) throw new AppError(refusal.code, refusal.message)
    const budget = await budgetFor(q, f.path, p.id, year, (b) => inScope(caller, b))
    if (!budget) throw new AppError('BUDGET_EXHAUSTED', `您管辖范围内没有${year}年“${p.name}”的预算，请先安排预算`)
    const remaining = await draw(q, budget.id, amount)
    if (remaining === null) {
      const left = await remainingOf(q, budget.id)
      throw new AppError('BUDGET_EXHAUSTED', `${budget.union_name}${year}年“${p.name}”预算余额 ¥${(left / 100).toFixed(2)}，不足本次发放 ¥${(amount / 100).toFixed(2)}`)
    }
    const paymentId = await insertPayment(q, { fileId: f.id, programme: p.id, year, amountFen: amount, budgetId: budget.id, requestId: input.requestId, note: input.note, paidBy: caller.userId, at: app.now() })
    await audit(q, { actor: caller, action: 'subsidy.disburse', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, after: { paymentId, programme: p.id, amountFen: amount, budgetId: budget.id } })
    return { paymentId, fileId: f.id, programme: p.id, amountFen: amount, budgetRemainingFen: remaining, duplicate: false }
  })
}

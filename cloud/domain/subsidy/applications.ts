// The member's side of hardship relief: the self-check, applying once per request, and following one's
// applications and file (incomes opened only for the member themself).
import type { App } from '../../platform/app'
import { uniqueViolation } from '../../db'
import { activeMember, type ActiveMember, type Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { audit } from '../audit/service'
import type { ActionData, ActionOutput } from '../../../types/contract'
import type { Evaluation, HouseholdInput } from '../../../types/subsidy'
import { evaluate } from './rules'
import { checkoutProgramme, programmeName, today, yearMonth } from './context'
import { checkoutRemaining } from './money-rules'
import { paidThisYear, paymentsOf } from './payment-store'
import { applicationByRequest, applicationsOf, insertApplication, openEvaluation, personOf, stepsOf, type AppRow } from './store'
import { fileOf } from './file-store'
import { attachEvidence } from './evidence'

export async function evaluateHousehold(app: App, input: HouseholdInput): Promise<Evaluation> {
  return evaluate(app.policies.subsidy, input, today(app))
}

export async function requireMember(app: App, userId: string): Promise<ActiveMember> {
  const m = await activeMember(app.db, userId)
  if (!m) throw new AppError('FORBIDDEN', '困难帮扶面向工会会员，请先办理工会会员卡再申请')
  return m
}

const applied = (app: App, a: Pick<AppRow, 'id' | 'status' | 'category' | 'evaluation_enc'>): ActionOutput<'subsidy', 'apply'> => ({
  applicationId: a.id,
  status: a.status,
  category: a.category,
  evaluation: openEvaluation(app.sealer, a.evaluation_enc),
})

export async function apply(app: App, caller: Caller, input: ActionData<'subsidy', 'apply'>): Promise<ActionOutput<'subsidy', 'apply'>> {
  const m = await requireMember(app, caller.userId)
  const seen = await applicationByRequest(app.db, m.memberId, input.requestId)
  if (seen) return applied(app, seen)
  const ev = await evaluateHousehold(app, input)
  if (ev.category === 'none') throw new AppError('NOT_ELIGIBLE', ev.decision)
  try {
    return await app.db.tx(async (q) => {
      const a = await insertApplication(q, app.sealer, {
        memberId: m.memberId,
        unionId: m.unionId,
        requestId: input.requestId,
        household: input,
        evaluation: ev,
        evidence: input.evidence,
        phone: input.phone,
        note: input.note,
        at: app.now(),
      })
      await attachEvidence(q, caller.userId, a.id, input.evidence, app.now())
      await audit(q, { actor: caller, action: 'subsidy.apply', entity: 'subsidy_application', entityId: a.id, unionId: m.unionId, after: { status: a.status, category: ev.category } })
      return { applicationId: a.id, status: a.status, category: ev.category, evaluation: ev }
    })
  } catch (e) {
    const u = uniqueViolation(e)
    if (u === 'subsidy_applications_request') {
      const first = await applicationByRequest(app.db, m.memberId, input.requestId)
      if (first) return applied(app, first)
    }
    if (u === 'subsidy_applications_open') throw new AppError('CONFLICT', '您已有一份帮扶申请正在办理，请等待结果后再提交')
    throw e
  }
}

export async function myApplications(app: App, caller: Caller): Promise<ActionOutput<'subsidy', 'myApplications'>> {
  const { memberId } = await personOf(app.db, caller.userId)
  if (!memberId) return { items: [], file: null }
  const rows = await applicationsOf(app.db, memberId, 20)
  const steps = await stepsOf(app.db, rows.map((r) => r.id))
  const items = rows.map((r) => ({
    applicationId: r.id,
    status: r.status,
    category: r.category,
    unionName: r.union_name,
    submittedAt: r.created_at.toISOString(),
    noticeEndsAt: r.notice_ends_at?.toISOString() ?? null,
    rejectReason: r.reject_reason,
    fileId: r.file_id,
    steps: steps.get(r.id) ?? [],
    evaluation: openEvaluation(app.sealer, r.evaluation_enc),
  }))
  const f = await fileOf(app.db, { memberId })
  if (!f) return { items, file: null }
  const p = checkoutProgramme(app)
  const paid = p ? await paidThisYear(app.db, f.id, p.id, yearMonth(app).year) : { sumFen: 0 }
  const payments = await paymentsOf(app.db, f.id, programmeName(app))
  return {
    items,
    file: {
      fileId: f.id,
      fileNo: f.file_no,
      kind: f.kind,
      category: f.category,
      status: f.status,
      payments: payments.map(({ programme, name, amountFen, at, status }) => ({ programme, name, amountFen, at, status })),
      reliefRemainingFen: checkoutRemaining(p, f, paid.sumFen),
    },
  }
}

// Reviewing applications: the queue staff see in their scope (incomes opened for them), and each step
// taken by someone allowed to take it, recorded and audited; passing the notice files the household.
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { isUuid } from '../../db/sql'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { assertInScope, scopeCondition } from '../../platform/scope'
import { audit } from '../audit/service'
import type { ActionData, ActionOutput } from '../../../types/contract'
import { OPEN_APPLICATION_STATUSES } from '../../../types/subsidy-labels'
import { canAct, reviewOutcome, reviewStep, type Reviewer } from './review-rules'
import { applicationById, insertReview, objectionsOf, openEvaluation, openHousehold, queueRows, unionLevel, updateApplication } from './store'
import { ownCases } from './four-eyes'
import { upsertFile } from './file-store'
import { tellStep } from './messages'

/** The caller as a reviewer of these members' cases. */
async function reviewerFor(q: Queryable, caller: Caller, memberIds: string[]): Promise<(memberId: string) => Reviewer> {
  const level = caller.staffUnion ? await unionLevel(q, caller.staffUnion.id) : null
  const own = await ownCases(q, caller.userId, memberIds)
  return (memberId) => ({ userId: caller.userId, isAdmin: caller.isAdmin, level, ownCase: own.has(memberId) })
}

export async function queue(app: App, caller: Caller, input: ActionData<'subsidy', 'queue'>): Promise<ActionOutput<'subsidy', 'queue'>> {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const limit = input.limit ?? 20
  const params: unknown[] = [input.status ? [input.status] : OPEN_APPLICATION_STATUSES]
  const rows = await queueRows(app.db, scopeCondition(caller, 'u', params), params, limit + 1, offset)
  const page = pageOf(rows, limit, offset)
  const reviewer = await reviewerFor(app.db, caller, page.rows.map((r) => r.member_id))
  const objections = await objectionsOf(app.db, app.sealer, page.rows.map((r) => r.id))
  const now = app.now()
  return {
    items: page.rows.map((r) => {
      const ev = openEvaluation(app.sealer, r.evaluation_enc)
      return {
        applicationId: r.id,
        memberName: r.member_name,
        phoneMasked: r.phone_masked,
        unionName: r.union_name,
        status: r.status,
        category: r.category,
        perCapitaFen: ev.perCapitaFen,
        householdSize: r.household_size,
        conditions: r.conditions,
        submittedAt: r.created_at.toISOString(),
        noticeEndsAt: r.notice_ends_at?.toISOString() ?? null,
        household: openHousehold(app.sealer, r.data_enc).household,
        evidence: r.evidence,
        note: r.note,
        decision: ev.decision,
        canAct: canAct(reviewer(r.member_id), r, now),
        evidenceCount: r.evidence.length,
        objections: objections.get(r.id) ?? [],
      }
    }),
    nextCursor: page.nextCursor,
  }
}

export async function review(app: App, caller: Caller, input: ActionData<'subsidy', 'review'>): Promise<ActionOutput<'subsidy', 'review'>> {
  const r = await decide(app, caller, input)
  await tellStep(app, r.applicationId, r.status)
  return r
}

async function decide(app: App, caller: Caller, input: ActionData<'subsidy', 'review'>): Promise<ActionOutput<'subsidy', 'review'>> {
  if (!isUuid(input.applicationId)) throw new AppError('NOT_FOUND', '申请不存在')
  return app.db.tx(async (q) => {
    const a = await applicationById(q, input.applicationId, true)
    if (!a) throw new AppError('NOT_FOUND', '申请不存在')
    assertInScope(caller, a)
    const now = app.now()
    const reviewer = (await reviewerFor(q, caller, [a.member_id]))(a.member_id)
    const step = reviewStep(reviewer, a, input.step, now)
    if (typeof step !== 'string') throw new AppError(step.code, step.message)
    const out = reviewOutcome(step, input.decision, a.notice_ends_at, now, app.policies.subsidy.noticeDays)
    const fileId = out.files ? await upsertFile(q, a, now) : null
    const rejectReason = input.decision === 'reject' ? input.reason! : null
    await updateApplication(q, a.id, { status: out.status, checkedBy: out.status === 'checked' ? caller.userId : undefined, noticeEndsAt: out.noticeEndsAt, rejectReason, fileId, at: now })
    await insertReview(q, { applicationId: a.id, step, decision: input.decision, reason: input.reason ?? null, reviewerId: caller.userId, reviewerUnionId: caller.staffUnion?.id ?? null, at: now })
    await audit(q, { actor: caller, action: `subsidy.review.${step}`, entity: 'subsidy_application', entityId: a.id, unionId: a.union_id, before: { status: a.status }, after: { status: out.status, fileId } })
    return { applicationId: a.id, status: out.status, noticeEndsAt: out.noticeEndsAt?.toISOString() ?? null, fileId }
  })
}

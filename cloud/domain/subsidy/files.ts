// Hardship files and plans for staff in scope: the list with its filters and counts, one file with what it
// may still receive (incomes opened for staff only), the household's plan, making a file formal, archiving.
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { isUuid, likeEscape } from '../../db/sql'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { assertInScope, scopeCondition, scopeRoot, subtreeLike } from '../../platform/scope'
import { audit } from '../audit/service'
import type { ActionData, ActionOutput } from '../../../types/contract'
import { dayNumber, evaluate, FORMAL } from './rules'
import { availableProgrammes } from './money-rules'
import { isStale, staleBefore } from './monitor-rules'
import { programmeName, today, yearMonth } from './context'
import { assertNotOwnCase } from './four-eyes'
import { applicationsOf, openEvaluation, openHousehold, openNote } from './store'
import { fileById, fileCounts, fileList, planOf, setArchived, setFormal, upsertPlan, type FileRow } from './file-store'
import { paidByProgramme, paymentsOf } from './payment-store'

/** Files with data older than this are "unchanged for a year" (the files list's and the console's stale count). */
export const staleCutoff = (app: App) => staleBefore(app.now(), app.policies.subsidy.reviewMonths)

export async function loadFile(q: Queryable, caller: Caller, fileId: string, lock = false): Promise<FileRow> {
  const f = isUuid(fileId) ? await fileById(q, fileId, lock) : null
  if (!f) throw new AppError('NOT_FOUND', '档案不存在')
  assertInScope(caller, f)
  return f
}

function summary(app: App, f: FileRow, cutoff: Date) {
  return {
    fileId: f.id,
    fileNo: f.file_no,
    memberName: f.member_name,
    unionName: f.union_name,
    kind: f.kind,
    category: f.category,
    status: f.status,
    perCapitaFen: openEvaluation(app.sealer, f.evaluation_enc).perCapitaFen,
    dataAsOf: f.data_as_of.toISOString(),
    paidTotalFen: f.paid_total_fen,
    lastPaidAt: f.last_paid_at?.toISOString() ?? null,
    atRisk: f.at_risk,
    riskReason: openNote(app.sealer, f.risk_reason_enc),
    stale: isStale(f, cutoff),
    hasPlan: f.has_plan,
  }
}

export async function files(app: App, caller: Caller, input: ActionData<'subsidy', 'files'>): Promise<ActionOutput<'subsidy', 'files'>> {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const limit = input.limit ?? 20
  const cutoff = staleCutoff(app)
  const params: unknown[] = [cutoff]
  // $1 (the stale cutoff) is typed here, so queries that do not filter on it still prepare.
  const where = ['$1::timestamptz is not null', scopeCondition(caller, 'u', params)]
  if (input.unionId) {
    params.push(subtreeLike((await scopeRoot(app.db, caller, input.unionId)).path))
    where.push(`u.path like $${params.length}`)
  }
  if (input.category) {
    params.push(input.category)
    where.push(`f.category = $${params.length}`)
  }
  if (input.q) {
    params.push(`%${likeEscape(input.q)}%`)
    where.push(`m.name like $${params.length}`)
  }
  const base = where.join(' and ')
  const counts = await fileCounts(app.db, base, params)
  const rows = await fileList(app.db, base, params, input.filter ?? 'active', limit + 1, offset)
  const page = pageOf(rows, limit, offset)
  return { items: page.rows.map((f) => summary(app, f, cutoff)), nextCursor: page.nextCursor, counts }
}

export async function file(app: App, caller: Caller, input: ActionData<'subsidy', 'file'>): Promise<ActionOutput<'subsidy', 'file'>> {
  const f = await loadFile(app.db, caller, input.fileId)
  const apps = await applicationsOf(app.db, f.member_id)
  const { year, month } = yearMonth(app)
  const paid = await paidByProgramme(app.db, f.id, year)
  return {
    ...summary(app, f, staleCutoff(app)),
    household: openHousehold(app.sealer, f.data_enc).household,
    conditions: f.conditions,
    phoneMasked: apps[0]?.phone_masked ?? '',
    evaluation: openEvaluation(app.sealer, f.evaluation_enc),
    plan: await planOf(app.db, f.id),
    payments: await paymentsOf(app.db, f.id, programmeName(app)),
    applications: apps.map((a) => ({ applicationId: a.id, status: a.status, submittedAt: a.created_at.toISOString(), category: a.category })),
    available: availableProgrammes(app.policies.subsidy.programmes, f, paid, month),
    archivedAt: f.archived_at?.toISOString() ?? null,
    archiveReason: f.archive_reason,
    recheckNote: openNote(app.sealer, f.recheck_note_enc),
  }
}

export async function plan(app: App, caller: Caller, input: ActionData<'subsidy', 'plan'>): Promise<ActionOutput<'subsidy', 'plan'>> {
  const f = await loadFile(app.db, caller, input.fileId)
  if (f.status !== 'active') throw new AppError('INVALID_STATE', '档案已归档，如需继续帮扶请先重新申请')
  const next = dayNumber(input.nextReviewDate)
  if (next === null) throw new AppError('VALIDATION_FAILED', '下次回访日期不是有效日期', { nextReviewDate: '请填写有效日期' })
  if (next <= dayNumber(today(app))!) throw new AppError('VALIDATION_FAILED', '下次回访日期应晚于今天', { nextReviewDate: '应晚于今天' })
  await app.db.tx(async (q) => {
    await upsertPlan(q, app.sealer, f.id, input, caller.userId, app.now())
    await audit(q, { actor: caller, action: 'subsidy.plan', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, after: { goal: input.goal, measures: input.measures.length, nextReviewDate: input.nextReviewDate } })
  })
  return { fileId: f.id, plan: (await planOf(app.db, f.id))! }
}

export async function formalize(app: App, caller: Caller, input: ActionData<'subsidy', 'formalize'>): Promise<ActionOutput<'subsidy', 'formalize'>> {
  return app.db.tx(async (q) => {
    const f = await loadFile(q, caller, input.fileId, true)
    if (f.status !== 'active') throw new AppError('INVALID_STATE', '档案已归档')
    if (f.kind === 'formal') return { fileId: f.id, kind: f.kind, status: f.status, category: f.category }
    await assertNotOwnCase(q, caller.userId, f.member_id)
    const data = openHousehold(app.sealer, f.data_enc)
    const ev = evaluate(app.policies.subsidy, { region: data.region, household: data.household, conditions: data.conditions, event: data.event }, today(app))
    if (!FORMAL.includes(ev.category)) throw new AppError('NOT_ELIGIBLE', `按现有家庭信息仍不符合正式建档条件：${ev.decision}。如情况有变，请让职工重新提交申请`)
    await setFormal(q, app.sealer, f.id, ev, app.now())
    await audit(q, { actor: caller, action: 'subsidy.formalize', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, before: { kind: f.kind, category: f.category }, after: { kind: 'formal', category: ev.category } })
    return { fileId: f.id, kind: 'formal' as const, status: f.status, category: ev.category }
  })
}

export async function archive(app: App, caller: Caller, input: ActionData<'subsidy', 'archive'>): Promise<ActionOutput<'subsidy', 'archive'>> {
  return app.db.tx(async (q) => {
    const f = await loadFile(q, caller, input.fileId, true)
    if (f.status === 'archived') return { fileId: f.id, kind: f.kind, status: f.status, category: f.category }
    await setArchived(q, f.id, input.reason, app.now())
    await audit(q, { actor: caller, action: 'subsidy.archive', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, before: { status: 'active' }, after: { status: 'archived', reason: input.reason } })
    return { fileId: f.id, kind: f.kind, status: 'archived' as const, category: f.category }
  })
}

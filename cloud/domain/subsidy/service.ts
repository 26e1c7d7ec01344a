// Hardship files and subsidies: applications reviewed in levels, one file per household, one plan per file,
// payments recorded once within caps against budgets that never go below zero.
import crypto from 'node:crypto'
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { uniqueViolation } from '../../db'
import { isUuid, likeEscape } from '../../db/sql'
import { decodeCursor, pageOf } from '../../db/page'
import { activeMember, type ActiveMember, type Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { assertInScope, inScope, scopeCondition, subtreeLike } from '../../platform/scope'
import { shanghai } from '../../platform/time'
import { audit } from '../audit/service'
import { maskPhone } from '../../../types/mask'
import type { ActionData } from '../../../types/contract'
import type { Evaluation, HouseholdInput } from '../../../types/subsidy'
import { OPEN_APPLICATION_STATUSES, type ApplicationStatus, type Condition, type FileFilter, type FileKind, type OpenApplicationStatus, type SubsidyCategory } from '../../../types/subsidy-labels'
import { dayNumber, evaluate, fileKindFor, findProgramme, FORMAL, noticeName, paymentRefusal } from './rules'

const APPROVER_LEVELS = ['street', 'district', 'city']
const today = (app: App) => shanghai(app.now()).format('YYYY-MM-DD')
const yearMonth = (app: App) => {
  const d = shanghai(app.now())
  return { year: d.year(), month: d.month() + 1 }
}

// ---------- evaluation ----------

export async function evaluateHousehold(app: App, input: HouseholdInput): Promise<Evaluation> {
  return evaluate(app.policies.subsidy, input, today(app))
}

/** What is sealed with an application or file: the household as entered. */
interface HouseholdData {
  region?: string
  household: HouseholdInput['household']
  conditions: Condition[]
  event?: HouseholdInput['event']
}
const seal = (app: App, d: HouseholdData) => app.sealer.encrypt(JSON.stringify(d))
const unseal = (app: App, s: string): HouseholdData => JSON.parse(app.sealer.decrypt(s))

// ---------- member side ----------

async function requireMember(q: Queryable, userId: string): Promise<ActiveMember> {
  const m = await activeMember(q, userId)
  if (!m) throw new AppError('FORBIDDEN', '困难帮扶面向工会会员，请先办理工会会员卡再申请')
  return m
}

/** Columns an application and a file share: the evaluated household. */
interface HouseholdColumns {
  category: SubsidyCategory
  region: string
  data_enc: string
  household_size: number
  per_capita_fen: number
  conditions: Condition[]
  evaluation: Evaluation
}

interface AppRow extends HouseholdColumns {
  id: string
  member_id: string
  union_id: string
  union_name: string
  path: string
  request_id: string
  status: ApplicationStatus
  evidence: { kind: string; ref: string; note?: string }[]
  note: string | null
  phone_masked: string
  checked_by: string | null
  notice_ends_at: Date | null
  reject_reason: string | null
  file_id: string | null
  created_at: Date
  member_name: string
}

const APP_SELECT = `select a.*, u.name as union_name, u.path, m.name as member_name
  from subsidy_applications a join unions u on u.id = a.union_id join members m on m.id = a.member_id`

export async function apply(app: App, caller: Caller, input: ActionData<'subsidy', 'apply'>) {
  const m = await requireMember(app.db, caller.userId)
  const seen = await app.db.query<AppRow>(`${APP_SELECT} where a.member_id = $1 and a.request_id = $2`, [m.memberId, input.requestId])
  if (seen[0]) return { applicationId: seen[0].id, status: seen[0].status, category: seen[0].category, evaluation: seen[0].evaluation }
  const ev = await evaluateHousehold(app, input)
  if (ev.category === 'none') throw new AppError('NOT_ELIGIBLE', ev.decision)
  const data: HouseholdData = { region: ev.region.code, household: input.household, conditions: input.conditions, event: input.event }
  try {
    return await app.db.tx(async (q) => {
      const [a] = await q.query<{ id: string; status: ApplicationStatus }>(
        `insert into subsidy_applications (member_id, union_id, request_id, status, category, region, data_enc, household_size, per_capita_fen,
           conditions, evaluation, evidence, phone_enc, phone_masked, note, created_at, updated_at)
         values ($1, $2, $3, 'submitted', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) returning id, status`,
        [
          m.memberId,
          m.unionId,
          input.requestId,
          ev.category,
          ev.region.code,
          seal(app, data),
          ev.householdSize,
          ev.perCapitaFen,
          input.conditions,
          JSON.stringify(ev),
          JSON.stringify(input.evidence),
          app.sealer.encrypt(input.phone),
          maskPhone(input.phone),
          input.note ?? null,
          app.now(),
        ],
      )
      await audit(q, { actor: caller, action: 'subsidy.apply', entity: 'subsidy_application', entityId: a.id, unionId: m.unionId, after: { status: a.status, category: ev.category } })
      return { applicationId: a.id, status: a.status, category: ev.category, evaluation: ev }
    })
  } catch (e) {
    const u = uniqueViolation(e)
    if (u === 'subsidy_applications_request') {
      const [first] = await app.db.query<AppRow>(`${APP_SELECT} where a.member_id = $1 and a.request_id = $2`, [m.memberId, input.requestId])
      if (first) return { applicationId: first.id, status: first.status, category: first.category, evaluation: first.evaluation }
    }
    if (u === 'subsidy_applications_open') throw new AppError('CONFLICT', '您已有一份帮扶申请正在办理，请等待结果后再提交')
    throw e
  }
}

async function stepsOf(q: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, { step: 'check' | 'approve' | 'notice'; decision: 'pass' | 'reject'; reason: string | null; unionName: string; at: string }[]>()
  const rows = await q.query<{ application_id: string; step: 'check' | 'approve' | 'notice'; decision: 'pass' | 'reject'; reason: string | null; union_name: string | null; created_at: Date }>(
    `select r.application_id, r.step, r.decision, r.reason, u.name as union_name, r.created_at from subsidy_reviews r
     left join unions u on u.id = r.reviewer_union_id where r.application_id = any($1::uuid[])
     order by r.created_at, array_position(array['check', 'approve', 'notice'], r.step)`,
    [ids],
  )
  const out = new Map<string, { step: 'check' | 'approve' | 'notice'; decision: 'pass' | 'reject'; reason: string | null; unionName: string; at: string }[]>()
  for (const r of rows) {
    const list = out.get(r.application_id) ?? []
    list.push({ step: r.step, decision: r.decision, reason: r.reason, unionName: r.union_name ?? '平台管理员', at: r.created_at.toISOString() })
    out.set(r.application_id, list)
  }
  return out
}

interface FileRow extends HouseholdColumns {
  id: string
  file_no: string
  member_id: string
  union_id: string
  union_name: string
  path: string
  member_name: string
  kind: FileKind
  status: 'active' | 'archived'
  data_as_of: Date
  evaluated_at: Date
  stale: boolean
  recheck_note: string | null
  at_risk: boolean
  risk_reason: string | null
  archived_at: Date | null
  archive_reason: string | null
  paid_total_fen: number
  last_paid_at: Date | null
  has_plan: boolean
}

const FILE_SELECT = `select f.*, u.name as union_name, u.path, m.name as member_name,
    coalesce((select sum(p.amount_fen) from subsidy_payments p where p.file_id = f.id and p.status = 'paid'), 0)::bigint as paid_total_fen,
    (select max(p.created_at) from subsidy_payments p where p.file_id = f.id and p.status = 'paid') as last_paid_at,
    exists (select 1 from subsidy_plans pl where pl.file_id = f.id) as has_plan
  from subsidy_files f join unions u on u.id = f.union_id join members m on m.id = f.member_id`

async function paidThisYear(q: Queryable, fileId: string, programme: string, year: number) {
  const [r] = await q.query<{ n: number; s: number }>(
    `select count(*)::int as n, coalesce(sum(amount_fen), 0)::bigint as s from subsidy_payments where file_id = $1 and programme = $2 and year = $3 and status = 'paid'`,
    [fileId, programme, year],
  )
  return { count: r.n, sumFen: r.s }
}

/** This year's paid count and sum per programme for a file, in one query. */
async function paidByProgramme(q: Queryable, fileId: string, year: number): Promise<Map<string, { count: number; sumFen: number }>> {
  const rows = await q.query<{ programme: string; n: number; s: number }>(
    `select programme, count(*)::int as n, sum(amount_fen)::bigint as s from subsidy_payments where file_id = $1 and year = $2 and status = 'paid' group by programme`,
    [fileId, year],
  )
  return new Map(rows.map((r) => [r.programme, { count: r.n, sumFen: r.s }]))
}

/** What is left of the relief-purchase subsidy this year for an active file; 0 when none applies. */
async function checkoutRemaining(app: App, q: Queryable, f: { id: string; status: string; category: SubsidyCategory }): Promise<number> {
  const p = app.policies.subsidy.programmes.find((x) => x.kind === 'checkout')
  if (!p || f.status !== 'active' || !p.categories.includes(f.category)) return 0
  const paid = await paidThisYear(q, f.id, p.id, yearMonth(app).year)
  return Math.max(0, p.capFenPerYear - paid.sumFen)
}

async function paymentsOf(app: App, q: Queryable, fileId: string) {
  const rows = await q.query<{ id: string; programme: string; amount_fen: number; created_at: Date; status: 'paid' | 'reversed'; order_id: string | null; note: string | null }>(
    'select id, programme, amount_fen, created_at, status, order_id, note from subsidy_payments where file_id = $1 order by created_at desc, id',
    [fileId],
  )
  const name = (id: string) => app.policies.subsidy.programmes.find((p) => p.id === id)?.name ?? id
  return rows.map((r) => ({ paymentId: r.id, programme: r.programme, name: name(r.programme), amountFen: r.amount_fen, at: r.created_at.toISOString(), status: r.status, orderId: r.order_id, note: r.note }))
}

export async function myApplications(app: App, caller: Caller) {
  const [member] = await app.db.query<{ id: string }>('select id from members where user_id = $1', [caller.userId])
  if (!member) return { items: [], file: null }
  const rows = await app.db.query<AppRow>(`${APP_SELECT} where a.member_id = $1 order by a.created_at desc limit 20`, [member.id])
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
    evaluation: r.evaluation,
  }))
  const [f] = await app.db.query<FileRow>(`${FILE_SELECT} where f.member_id = $1`, [member.id])
  const file = f
    ? {
        fileId: f.id,
        fileNo: f.file_no,
        kind: f.kind,
        category: f.category,
        status: f.status,
        payments: (await paymentsOf(app, app.db, f.id)).map(({ programme, name, amountFen, at, status }) => ({ programme, name, amountFen, at, status })),
        reliefRemainingFen: await checkoutRemaining(app, app.db, f),
      }
    : null
  return { items, file }
}

// ---------- public notice ----------

/** Applications in public notice that reach the caller: those approved by a union whose subtree holds the caller's union. */
const NOTICE_SQL = `select a.id, a.member_id, a.union_id, a.category, a.notice_ends_at, m.name, u.name as union_name, u.path
  from subsidy_applications a join members m on m.id = a.member_id join unions u on u.id = a.union_id
  left join lateral (select r.reviewer_union_id from subsidy_reviews r where r.application_id = a.id and r.step = 'approve' order by r.created_at desc limit 1) ap on true
  left join unions au on au.id = ap.reviewer_union_id
  where a.status = 'notice' and $1 like coalesce(au.path, u.path) || '%'`

export async function notices(app: App, caller: Caller) {
  const m = await requireMember(app.db, caller.userId)
  const rows = await app.db.query<{ id: string; member_id: string; category: SubsidyCategory; notice_ends_at: Date; name: string; union_name: string; objected: boolean }>(
    `select n.*, exists (select 1 from subsidy_objections o where o.application_id = n.id and o.user_id = $2) as objected
     from (${NOTICE_SQL}) n order by n.notice_ends_at, n.id limit 200`,
    [m.path, caller.userId],
  )
  return {
    items: rows.map((r) => ({
      applicationId: r.id,
      name: noticeName(r.name),
      unionName: r.union_name,
      category: r.category,
      noticeEndsAt: r.notice_ends_at.toISOString(),
      mine: r.member_id === m.memberId,
      objected: r.objected,
    })),
  }
}

export async function object(app: App, caller: Caller, input: ActionData<'subsidy', 'object'>) {
  const m = await requireMember(app.db, caller.userId)
  const [a] = isUuid(input.applicationId)
    ? await app.db.query<{ id: string; member_id: string; union_id: string; notice_ends_at: Date }>(`select n.* from (${NOTICE_SQL}) n where n.id = $2`, [m.path, input.applicationId])
    : []
  if (!a) throw new AppError('NOT_FOUND', '该公示不存在或已结束')
  if (a.member_id === m.memberId) throw new AppError('FORBIDDEN', '不能对自己的申请提出异议，如需补充材料请联系所在工会')
  if (a.notice_ends_at <= app.now()) throw new AppError('INVALID_STATE', '公示期已结束')
  try {
    await app.db.tx(async (q) => {
      const [o] = await q.query<{ id: string }>('insert into subsidy_objections (application_id, user_id, text_enc, created_at) values ($1, $2, $3, $4) returning id', [
        a.id,
        caller.userId,
        app.sealer.encrypt(input.text),
        app.now(),
      ])
      // The audit names the record, not the person who objected, nor what they wrote.
      await audit(q, { actor: null, action: 'subsidy.objection', entity: 'subsidy_application', entityId: a.id, unionId: a.union_id, after: { objectionId: o.id } })
    })
  } catch (e) {
    if (uniqueViolation(e) === 'subsidy_objections_once') throw new AppError('CONFLICT', '您已反映过该申请的情况，工会会在建档前核实')
    throw e
  }
  return { applicationId: a.id, received: true as const }
}

// ---------- review ----------

async function callerLevel(q: Queryable, caller: Caller): Promise<string | null> {
  if (!caller.staffUnion) return null
  const [u] = await q.query<{ level: string }>('select level from unions where id = $1', [caller.staffUnion.id])
  return u?.level ?? null
}
const isOpen = (s: ApplicationStatus): s is OpenApplicationStatus => (OPEN_APPLICATION_STATUSES as readonly string[]).includes(s)

/** The review step recorded for an open application's status, and the action the reviewer's screen names it. */
const STEP_OF: Record<OpenApplicationStatus, { step: 'check' | 'approve' | 'notice'; act: 'check' | 'approve' | 'finalize' }> = {
  submitted: { step: 'check', act: 'check' },
  checked: { step: 'approve', act: 'approve' },
  notice: { step: 'notice', act: 'finalize' },
}
const isApprover = (caller: Caller, level: string | null) => caller.isAdmin || (level !== null && APPROVER_LEVELS.includes(level))

function canAct(caller: Caller, level: string | null, a: { status: ApplicationStatus; checked_by: string | null; notice_ends_at: Date | null }, now: Date) {
  if (a.status === 'submitted') return 'check' as const
  if (a.status === 'checked') return isApprover(caller, level) && a.checked_by !== caller.userId ? ('approve' as const) : null
  if (a.status === 'notice') return isApprover(caller, level) && a.notice_ends_at && a.notice_ends_at <= now ? ('finalize' as const) : null
  return null
}

export async function queue(app: App, caller: Caller, input: ActionData<'subsidy', 'queue'>) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const limit = input.limit ?? 20
  const params: unknown[] = [input.status ? [input.status] : OPEN_APPLICATION_STATUSES]
  const scope = scopeCondition(caller, 'u', params)
  params.push(limit + 1, offset)
  const rows = await app.db.query<AppRow>(
    `${APP_SELECT} where a.status = any($1::text[]) and ${scope} order by a.created_at, a.id limit $${params.length - 1} offset $${params.length}`,
    params,
  )
  const level = await callerLevel(app.db, caller)
  const now = app.now()
  const ids = rows.map((r) => r.id)
  const objections = ids.length
    ? await app.db.query<{ application_id: string; text_enc: string; created_at: Date }>(
        'select application_id, text_enc, created_at from subsidy_objections where application_id = any($1::uuid[]) order by created_at',
        [ids],
      )
    : []
  const page = pageOf(rows, limit, offset)
  return {
    items: page.rows.map((r) => ({
      applicationId: r.id,
      memberName: r.member_name,
      phoneMasked: r.phone_masked,
      unionName: r.union_name,
      status: r.status,
      category: r.category,
      perCapitaFen: r.per_capita_fen,
      householdSize: r.household_size,
      conditions: r.conditions,
      submittedAt: r.created_at.toISOString(),
      noticeEndsAt: r.notice_ends_at?.toISOString() ?? null,
      household: unseal(app, r.data_enc).household,
      evidence: r.evidence,
      note: r.note,
      decision: r.evaluation.decision,
      canAct: canAct(caller, level, r, now),
      evidenceCount: r.evidence.length,
      objections: objections.filter((o) => o.application_id === r.id).map((o) => ({ text: app.sealer.decrypt(o.text_enc), at: o.created_at.toISOString() })),
    })),
    nextCursor: page.nextCursor,
  }
}

const newFileNo = (year: number) => `KN${year}${crypto.randomInt(10 ** 7, 10 ** 8)}`

/** The approved application becomes the household's file: created once, refreshed and reactivated later. */
async function fileFromApplication(q: Queryable, a: AppRow, now: Date): Promise<string> {
  const kind = fileKindFor(a.category)
  const [f] = await q.query<{ id: string }>(
    `insert into subsidy_files (file_no, member_id, union_id, kind, category, status, region, data_enc, household_size, per_capita_fen, conditions,
       evaluation, data_as_of, evaluated_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $11, $12, $13, $13, $13)
     on conflict (member_id) do update set union_id = excluded.union_id, kind = excluded.kind, category = excluded.category, status = 'active',
       region = excluded.region, data_enc = excluded.data_enc, household_size = excluded.household_size, per_capita_fen = excluded.per_capita_fen,
       conditions = excluded.conditions, evaluation = excluded.evaluation, data_as_of = excluded.data_as_of, evaluated_at = excluded.evaluated_at,
       stale = false, recheck_note = null, at_risk = false, risk_reason = null, archived_at = null, archive_reason = null, updated_at = excluded.updated_at
     returning id`,
    [newFileNo(shanghai(now).year()), a.member_id, a.union_id, kind, a.category, a.region, a.data_enc, a.household_size, a.per_capita_fen, a.conditions, JSON.stringify(a.evaluation), a.created_at, now],
  )
  return f.id
}

export async function review(app: App, caller: Caller, input: ActionData<'subsidy', 'review'>) {
  if (!isUuid(input.applicationId)) throw new AppError('NOT_FOUND', '申请不存在')
  const level = await callerLevel(app.db, caller)
  return app.db.tx(async (q) => {
    const [a] = await q.query<AppRow>(`${APP_SELECT} where a.id = $1 for update of a`, [input.applicationId])
    if (!a) throw new AppError('NOT_FOUND', '申请不存在')
    assertInScope(caller, a)
    const now = app.now()
    if (!isOpen(a.status)) throw new AppError('INVALID_STATE', '该申请已办结，无需再审核')
    const { step, act } = STEP_OF[a.status]
    if (input.step && input.step !== act) throw new AppError('CONFLICT', '该申请已被其他人处理，请刷新后查看最新状态')
    if (step !== 'check' && !isApprover(caller, level)) throw new AppError('FORBIDDEN', '审批和公示建档由街道（乡镇）或区县工会办理')
    if (step === 'approve' && a.checked_by === caller.userId) throw new AppError('FORBIDDEN', '核实与审批须由不同的工作人员办理')

    let status: ApplicationStatus
    let noticeEndsAt: Date | null = a.notice_ends_at
    let fileId: string | null = null
    if (input.decision === 'reject') {
      status = 'rejected'
    } else if (step === 'check') {
      status = 'checked'
    } else if (step === 'approve') {
      status = 'notice'
      noticeEndsAt = new Date(now.getTime() + app.policies.subsidy.noticeDays * 86_400_000)
    } else {
      if (a.notice_ends_at && a.notice_ends_at > now) {
        throw new AppError('INVALID_STATE', `公示期至 ${shanghai(a.notice_ends_at).format('YYYY年M月D日 HH:mm')} 结束，期满无异议后方可建档`)
      }
      status = 'approved'
      fileId = await fileFromApplication(q, a, now)
    }
    await q.query(
      `update subsidy_applications set status = $2, checked_by = case when $2 = 'checked' then $3::uuid else checked_by end, notice_ends_at = $4,
         reject_reason = $5, file_id = coalesce($6, file_id), updated_at = $7 where id = $1`,
      [a.id, status, caller.userId, noticeEndsAt, input.decision === 'reject' ? input.reason! : null, fileId, now],
    )
    await q.query('insert into subsidy_reviews (application_id, step, decision, reason, reviewer_id, reviewer_union_id, created_at) values ($1, $2, $3, $4, $5, $6, $7)', [
      a.id,
      step,
      input.decision,
      input.reason ?? null,
      caller.userId,
      caller.staffUnion?.id ?? null,
      now,
    ])
    await audit(q, { actor: caller, action: `subsidy.review.${step}`, entity: 'subsidy_application', entityId: a.id, unionId: a.union_id, before: { status: a.status }, after: { status, fileId } })
    return { applicationId: a.id, status, noticeEndsAt: noticeEndsAt?.toISOString() ?? null, fileId }
  })
}

// ---------- files ----------

async function loadFile(q: Queryable, caller: Caller, fileId: string, lock = false): Promise<FileRow> {
  const [f] = isUuid(fileId) ? await q.query<FileRow>(`${FILE_SELECT} where f.id = $1 ${lock ? 'for update of f' : ''}`, [fileId]) : []
  if (!f) throw new AppError('NOT_FOUND', '档案不存在')
  assertInScope(caller, f)
  return f
}

export function staleCutoff(app: App): Date {
  return shanghai(app.now()).subtract(app.policies.subsidy.reviewMonths, 'month').toDate()
}

function summary(app: App, f: FileRow) {
  return {
    fileId: f.id,
    fileNo: f.file_no,
    memberName: f.member_name,
    unionName: f.union_name,
    kind: f.kind,
    category: f.category,
    status: f.status,
    perCapitaFen: f.per_capita_fen,
    dataAsOf: f.data_as_of.toISOString(),
    paidTotalFen: f.paid_total_fen,
    lastPaidAt: f.last_paid_at?.toISOString() ?? null,
    atRisk: f.at_risk,
    riskReason: f.risk_reason,
    stale: f.status === 'active' && f.data_as_of < staleCutoff(app),
    hasPlan: f.has_plan,
  }
}

const FILTER_SQL: Record<FileFilter, string> = {
  all: 'true',
  active: `f.status = 'active'`,
  archived: `f.status = 'archived'`,
  stale: `f.status = 'active' and f.data_as_of < $1`,
  never_helped: `f.status = 'active' and not exists (select 1 from subsidy_payments p where p.file_id = f.id and p.status = 'paid')`,
  at_risk: 'f.at_risk',
}

/** Files per list filter (the files page's tabs, the console's figures). `where` may use f, u, m; $1 must be staleCutoff. */
export async function fileCounts(q: Queryable, where: string, params: unknown[]): Promise<Record<FileFilter, number>> {
  const [counts] = await q.query<Record<FileFilter, number>>(
    `select ${Object.entries(FILTER_SQL)
      .map(([k, cond]) => `count(*) filter (where ${cond})::int as ${k}`)
      .join(', ')}
     from subsidy_files f join unions u on u.id = f.union_id join members m on m.id = f.member_id where ${where}`,
    params,
  )
  return counts
}

export async function files(app: App, caller: Caller, input: ActionData<'subsidy', 'files'>) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const limit = input.limit ?? 20
  const params: unknown[] = [staleCutoff(app)]
  const where = [scopeCondition(caller, 'u', params)]
  if (input.unionId) {
    const [u] = isUuid(input.unionId) ? await app.db.query<{ path: string }>('select path from unions where id = $1', [input.unionId]) : []
    if (!u) throw new AppError('NOT_FOUND', '所选工会不存在')
    assertInScope(caller, u)
    params.push(subtreeLike(u.path))
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
  // $1 (the stale cutoff) is typed here, so queries that do not filter on it still prepare.
  const base = ['$1::timestamptz is not null', ...where].join(' and ')
  const counts = await fileCounts(app.db, base, params)
  const filter = FILTER_SQL[input.filter ?? 'active']
  params.push(limit + 1, offset)
  const rows = await app.db.query<FileRow>(
    `${FILE_SELECT} where ${base} and ${filter} order by f.at_risk desc, f.data_as_of, f.id limit $${params.length - 1} offset $${params.length}`,
    params,
  )
  const page = pageOf(rows, limit, offset)
  return { items: page.rows.map((f) => summary(app, f)), nextCursor: page.nextCursor, counts }
}

async function planOf(q: Queryable, fileId: string) {
  const [p] = await q.query<{ goal: string; measures: string[]; responsible: string; contact_masked: string; next_review_date: string | Date; updated_at: Date }>(
    `select goal, measures, responsible, contact_masked, to_char(next_review_date, 'YYYY-MM-DD') as next_review_date, updated_at from subsidy_plans where file_id = $1`,
    [fileId],
  )
  return p
    ? { goal: p.goal, measures: p.measures, responsible: p.responsible, contactMasked: p.contact_masked, nextReviewDate: String(p.next_review_date), updatedAt: p.updated_at.toISOString() }
    : null
}

export async function file(app: App, caller: Caller, fileId: string) {
  const f = await loadFile(app.db, caller, fileId)
  const data = unseal(app, f.data_enc)
  const apps = await app.db.query<{ id: string; status: ApplicationStatus; created_at: Date; category: SubsidyCategory; phone_masked: string }>(
    'select id, status, created_at, category, phone_masked from subsidy_applications where member_id = $1 order by created_at desc',
    [f.member_id],
  )
  const { year, month } = yearMonth(app)
  const paidBy = await paidByProgramme(app.db, f.id, year)
  const available = []
  for (const p of app.policies.subsidy.programmes) {
    if (p.kind === 'checkout' || !p.categories.includes(f.category)) continue
    if (p.anyCondition && !f.conditions.some((c) => p.anyCondition!.includes(c))) continue
    const paid = paidBy.get(p.id) ?? { count: 0, sumFen: 0 }
    available.push({
      id: p.id,
      name: p.name,
      amountFen: p.amountFen,
      remainingFen: Math.max(0, p.capFenPerYear - paid.sumFen),
      timesLeft: p.maxTimesPerYear === null ? null : Math.max(0, p.maxTimesPerYear - paid.count),
      inSeason: !p.months || p.months.includes(month),
    })
  }
  return {
    ...summary(app, f),
    household: data.household,
    conditions: f.conditions,
    phoneMasked: apps[0]?.phone_masked ?? '',
    evaluation: f.evaluation,
    plan: await planOf(app.db, f.id),
    payments: await paymentsOf(app, app.db, f.id),
    applications: apps.map((a) => ({ applicationId: a.id, status: a.status, submittedAt: a.created_at.toISOString(), category: a.category })),
    available,
    archivedAt: f.archived_at?.toISOString() ?? null,
    archiveReason: f.archive_reason,
    recheckNote: f.recheck_note,
  }
}

export async function plan(app: App, caller: Caller, input: ActionData<'subsidy', 'plan'>) {
  const f = await loadFile(app.db, caller, input.fileId)
  if (f.status !== 'active') throw new AppError('INVALID_STATE', '档案已归档，如需继续帮扶请先重新申请')
  const next = dayNumber(input.nextReviewDate)
  if (next === null) throw new AppError('VALIDATION_FAILED', '下次回访日期不是有效日期', { nextReviewDate: '请填写有效日期' })
  if (next <= dayNumber(today(app))!) throw new AppError('VALIDATION_FAILED', '下次回访日期应晚于今天', { nextReviewDate: '应晚于今天' })
  await app.db.tx(async (q) => {
    await q.query(
      `insert into subsidy_plans (file_id, goal, measures, responsible, contact_enc, contact_masked, next_review_date, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (file_id) do update set goal = excluded.goal, measures = excluded.measures, responsible = excluded.responsible, contact_enc = excluded.contact_enc,
         contact_masked = excluded.contact_masked, next_review_date = excluded.next_review_date, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [f.id, input.goal, input.measures, input.responsible, app.sealer.encrypt(input.contact), maskPhone(input.contact), input.nextReviewDate, caller.userId, app.now()],
    )
    await audit(q, { actor: caller, action: 'subsidy.plan', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, after: { goal: input.goal, measures: input.measures.length, nextReviewDate: input.nextReviewDate } })
  })
  return { fileId: f.id, plan: (await planOf(app.db, f.id))! }
}

export async function formalize(app: App, caller: Caller, fileId: string) {
  return app.db.tx(async (q) => {
    const f = await loadFile(q, caller, fileId, true)
    if (f.status !== 'active') throw new AppError('INVALID_STATE', '档案已归档')
    if (f.kind === 'formal') return { fileId: f.id, kind: f.kind, status: f.status, category: f.category }
    const data = unseal(app, f.data_enc)
    const ev = evaluate(app.policies.subsidy, { region: data.region, household: data.household, conditions: data.conditions, event: data.event }, today(app))
    if (!FORMAL.includes(ev.category)) throw new AppError('NOT_ELIGIBLE', `按现有家庭信息仍不符合正式建档条件：${ev.decision}。如情况有变，请让职工重新提交申请`)
    await q.query(`update subsidy_files set kind = 'formal', category = $2, evaluation = $3, evaluated_at = $4, updated_at = $4 where id = $1`, [f.id, ev.category, JSON.stringify(ev), app.now()])
    await audit(q, { actor: caller, action: 'subsidy.formalize', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, before: { kind: f.kind, category: f.category }, after: { kind: 'formal', category: ev.category } })
    return { fileId: f.id, kind: 'formal' as const, status: f.status, category: ev.category }
  })
}

export async function archive(app: App, caller: Caller, input: ActionData<'subsidy', 'archive'>) {
  return app.db.tx(async (q) => {
    const f = await loadFile(q, caller, input.fileId, true)
    if (f.status === 'archived') return { fileId: f.id, kind: f.kind, status: f.status, category: f.category }
    await q.query(`update subsidy_files set status = 'archived', archived_at = $2, archive_reason = $3, updated_at = $2 where id = $1`, [f.id, app.now(), input.reason])
    await audit(q, { actor: caller, action: 'subsidy.archive', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, before: { status: 'active' }, after: { status: 'archived', reason: input.reason } })
    return { fileId: f.id, kind: f.kind, status: 'archived' as const, category: f.category }
  })
}

// ---------- budgets and payments ----------

interface BudgetRow {
  id: string
  union_id: string
  union_name: string
  path: string
  programme: string
  year: number
  total_fen: number
  spent_fen: number
}
const BUDGET_SELECT = `select b.*, u.name as union_name, u.path from subsidy_budgets b join unions u on u.id = b.union_id`
const budgetView = (app: App, b: BudgetRow) => ({
  unionId: b.union_id,
  unionName: b.union_name,
  programme: b.programme,
  name: app.policies.subsidy.programmes.find((p) => p.id === b.programme)?.name ?? b.programme,
  year: b.year,
  totalFen: b.total_fen,
  spentFen: b.spent_fen,
  remainingFen: b.total_fen - b.spent_fen,
})

/** The budget a file draws on: the nearest union up its path holding one for the programme and year (and, for staff, in scope). */
async function budgetFor(q: Queryable, filePath: string, programme: string, year: number, caller: Caller | null): Promise<BudgetRow | null> {
  const rows = await q.query<BudgetRow>(`${BUDGET_SELECT} where b.programme = $1 and b.year = $2 and $3 like u.path || '%' order by length(u.path) desc`, [programme, year, filePath])
  return rows.find((b) => !caller || inScope(caller, b)) ?? null
}

async function draw(q: Queryable, budgetId: string, amountFen: number): Promise<number | null> {
  const [b] = await q.query<{ remaining: number }>(
    'update subsidy_budgets set spent_fen = spent_fen + $2 where id = $1 and spent_fen + $2 <= total_fen returning (total_fen - spent_fen)::bigint as remaining',
    [budgetId, amountFen],
  )
  return b ? b.remaining : null
}

export async function disburse(app: App, caller: Caller, input: ActionData<'subsidy', 'disburse'>) {
  const p = findProgramme(app.policies.subsidy, input.programme)
  if (p.kind === 'checkout') throw new AppError('VALIDATION_FAILED', `${p.name}在工会商城结算时自动抵扣，无需手工发放`, { programme: '请选择其他帮扶项目' })
  const amount = input.amountFen ?? p.amountFen
  const { year, month } = yearMonth(app)
  return app.db.tx(async (q) => {
    // The file row lock serialises every payment to one household: caps are checked against committed payments.
    const f = await loadFile(q, caller, input.fileId, true)
    const [dup] = await q.query<{ id: string; programme: string; amount_fen: number; budget_id: string }>(
      'select id, programme, amount_fen, budget_id from subsidy_payments where file_id = $1 and request_id = $2',
      [f.id, input.requestId],
    )
    if (dup) {
      if (dup.programme !== p.id || (input.amountFen !== undefined && dup.amount_fen !== input.amountFen)) throw new AppError('CONFLICT', '该请求编号已用于另一笔发放，请刷新后重试')
      const [b] = await q.query<{ remaining: number }>('select (total_fen - spent_fen)::bigint as remaining from subsidy_budgets where id = $1', [dup.budget_id])
      return { paymentId: dup.id, fileId: f.id, programme: p.id, amountFen: dup.amount_fen, budgetRemainingFen: b.remaining, duplicate: true }
    }
    if (f.status !== 'active') throw new AppError('INVALID_STATE', '档案已归档，不能发放帮扶资金')
    const refusal = paymentRefusal(p, f.category, f.conditions, await paidThisYear(q, f.id, p.id, year), amount, month)
    if (refusal) throw new AppError(refusal.code, refusal.message)
    const budget = await budgetFor(q, f.path, p.id, year, caller)
    if (!budget) throw new AppError('BUDGET_EXHAUSTED', `您管辖范围内没有${year}年“${p.name}”的预算，请先安排预算`)
    const remaining = await draw(q, budget.id, amount)
    if (remaining === null) {
      const [b] = await q.query<{ remaining: number }>('select (total_fen - spent_fen)::bigint as remaining from subsidy_budgets where id = $1', [budget.id])
      throw new AppError('BUDGET_EXHAUSTED', `${budget.union_name}${year}年“${p.name}”预算余额 ¥${(b.remaining / 100).toFixed(2)}，不足本次发放 ¥${(amount / 100).toFixed(2)}`)
    }
    const [pay] = await q.query<{ id: string }>(
      `insert into subsidy_payments (file_id, programme, year, amount_fen, budget_id, request_id, note, paid_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [f.id, p.id, year, amount, budget.id, input.requestId, input.note ?? null, caller.userId, app.now()],
    )
    await audit(q, { actor: caller, action: 'subsidy.disburse', entity: 'subsidy_file', entityId: f.id, unionId: f.union_id, after: { paymentId: pay.id, programme: p.id, amountFen: amount, budgetId: budget.id } })
    return { paymentId: pay.id, fileId: f.id, programme: p.id, amountFen: amount, budgetRemainingFen: remaining, duplicate: false }
  })
}

export async function budgets(app: App, caller: Caller, input: ActionData<'subsidy', 'budgets'>) {
  const params: unknown[] = [input.year ?? yearMonth(app).year]
  const where = ['b.year = $1', scopeCondition(caller, 'u', params)]
  if (input.unionId) {
    if (!isUuid(input.unionId)) throw new AppError('NOT_FOUND', '所选工会不存在')
    params.push(input.unionId)
    where.push(`b.union_id = $${params.length}`)
  }
  const rows = await app.db.query<BudgetRow>(`${BUDGET_SELECT} where ${where.join(' and ')} order by length(u.path), u.name, b.programme`, params)
  return { items: rows.map((b) => budgetView(app, b)) }
}

export async function setBudget(app: App, caller: Caller, input: ActionData<'subsidy', 'setBudget'>) {
  findProgramme(app.policies.subsidy, input.programme)
  const [u] = isUuid(input.unionId) ? await app.db.query<{ id: string; path: string }>('select id, path from unions where id = $1', [input.unionId]) : []
  if (!u) throw new AppError('NOT_FOUND', '所选工会不存在')
  assertInScope(caller, u)
  return app.db.tx(async (q) => {
    const [before] = await q.query<BudgetRow>(`${BUDGET_SELECT} where b.union_id = $1 and b.programme = $2 and b.year = $3 for update of b`, [u.id, input.programme, input.year])
    if (before && input.totalFen < before.spent_fen) {
      throw new AppError('VALIDATION_FAILED', `预算不能少于已发放的 ¥${(before.spent_fen / 100).toFixed(2)}`, { totalFen: '不能少于已发放金额' })
    }
    await q.query(
      `insert into subsidy_budgets (union_id, programme, year, total_fen) values ($1, $2, $3, $4)
       on conflict (union_id, programme, year) do update set total_fen = excluded.total_fen`,
      [u.id, input.programme, input.year, input.totalFen],
    )
    const [after] = await q.query<BudgetRow>(`${BUDGET_SELECT} where b.union_id = $1 and b.programme = $2 and b.year = $3`, [u.id, input.programme, input.year])
    await audit(q, { actor: caller, action: 'subsidy.budget', entity: 'subsidy_budget', entityId: after.id, unionId: u.id, before: before ? { totalFen: before.total_fen } : undefined, after: { totalFen: after.total_fen } })
    return budgetView(app, after)
  })
}

// ---------- relief-purchase subsidy at checkout ----------

/**
 * Applies the member's relief-purchase subsidy to an order being placed (inside its transaction): at most the
 * policy's share of the order, only relief products, within the yearly cap and the budget. Returns the fen applied.
 */
export async function applyCheckoutSubsidy(app: App, q: Queryable, userId: string, orderId: string, reliefAmountFen: number, payableFen: number): Promise<number> {
  const p = app.policies.subsidy.programmes.find((x) => x.kind === 'checkout')
  const none = (why: string) => new AppError('NOT_ELIGIBLE', why)
  if (!p) throw none('当前没有消费帮扶补贴项目')
  const [f] = await q.query<FileRow>(
    `select f.*, u.path from subsidy_files f join unions u on u.id = f.union_id join members m on m.id = f.member_id where m.user_id = $1 for update of f`,
    [userId],
  )
  if (!f || f.status !== 'active' || !p.categories.includes(f.category)) throw none(`${p.name}面向在档的困难职工，您暂不能使用`)
  if (reliefAmountFen <= 0) throw none(`${p.name}只能用于购买消费帮扶（帮扶地区）商品`)
  const { year } = yearMonth(app)
  const paid = await paidThisYear(q, f.id, p.id, year)
  const budget = await budgetFor(q, f.path, p.id, year, null)
  const budgetLeft = budget ? budget.total_fen - budget.spent_fen : 0
  const amount = Math.min(Math.floor(payableFen * (p.maxShareOfOrder ?? 0)), reliefAmountFen, p.capFenPerYear - paid.sumFen, budgetLeft)
  if (amount <= 0) throw none(paid.sumFen >= p.capFenPerYear ? `本年度${p.name}已用完` : `${p.name}预算已用完，请联系所在工会`)
  if ((await draw(q, budget!.id, amount)) === null) throw none(`${p.name}预算已用完，请联系所在工会`)
  await q.query(
    `insert into subsidy_payments (file_id, programme, year, amount_fen, budget_id, request_id, order_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [f.id, p.id, year, amount, budget!.id, `order-${orderId}`, orderId, app.now()],
  )
  return amount
}

/** Returns the subsidy of cancelled or refunded orders to the budget and the member's yearly cap, once. */
export async function reverseOrderSubsidy(q: Queryable, orderIds: string[], now: Date): Promise<number> {
  if (!orderIds.length) return 0
  const rows = await q.query<{ budget_id: string; amount_fen: number }>(
    `update subsidy_payments set status = 'reversed', reversed_at = $2 where order_id = any($1::uuid[]) and status = 'paid' returning budget_id, amount_fen`,
    [orderIds, now],
  )
  for (const r of rows) await q.query('update subsidy_budgets set spent_fen = spent_fen - $2 where id = $1', [r.budget_id, r.amount_fen])
  return rows.length
}

// ---------- monitoring ----------

/**
 * Re-evaluates files whose data is older than the policy period, and flags households at risk of falling
 * back: a newer application reporting lower income or a new condition, or an archived file close to the line.
 */
export async function monitorFiles(app: App): Promise<{ reevaluated: number; atRisk: number }> {
  const now = app.now()
  const cutoff = staleCutoff(app)
  const policy = app.policies.subsidy
  const due = await app.db.query<{ id: string; data_enc: string; category: SubsidyCategory }>(
    `select id, data_enc, category from subsidy_files where status = 'active' and data_as_of < $1 and evaluated_at < $2 order by evaluated_at limit 500`,
    [cutoff, new Date(now.getTime() - 86_400_000)],
  )
  for (const f of due) {
    const d = unseal(app, f.data_enc)
    let note: string | null = null
    let ev: Evaluation | null = null
    try {
      ev = evaluate(policy, { region: d.region, household: d.household, conditions: d.conditions, event: d.event }, today(app))
      if (ev.category !== f.category) note = `按现行标准复核为“${ev.label}”：${ev.decision}。请入户核实并更新档案`
    } catch (e) {
      note = `无法按现行标准复核：${e instanceof Error ? e.message : '未知原因'}`
    }
    // The file keeps the evaluation its category was decided on; a disagreement becomes a note for staff.
    await app.db.query(`update subsidy_files set stale = true, evaluated_at = $2, recheck_note = $3, evaluation = coalesce($4::jsonb, evaluation) where id = $1`, [
      f.id,
      now,
      note,
      ev && !note ? JSON.stringify(ev) : null,
    ])
  }
  await app.db.query(`update subsidy_files set stale = false where stale and (status <> 'active' or data_as_of >= $1)`, [cutoff])

  // Each file with the household's latest application since the file's data, if any.
  const files = await app.db.query<{
    id: string
    status: string
    region: string
    per_capita_fen: number
    conditions: Condition[]
    at_risk: boolean
    risk_reason: string | null
    latest: { per_capita_fen: number; conditions: Condition[] } | null
  }>(
    `select f.id, f.status, f.region, f.per_capita_fen, f.conditions, f.at_risk, f.risk_reason,
       (select json_build_object('per_capita_fen', a.per_capita_fen, 'conditions', a.conditions) from subsidy_applications a
         where a.member_id = f.member_id and a.created_at > f.data_as_of and a.status <> 'rejected' order by a.created_at desc limit 1) as latest
     from subsidy_files f`,
  )
  let atRisk = 0
  for (const f of files) {
    const reasons: string[] = []
    const latest = f.latest
    if (latest) {
      if (latest.per_capita_fen < f.per_capita_fen) reasons.push(`新申请显示人均月收入由 ¥${(f.per_capita_fen / 100).toFixed(2)} 降至 ¥${(latest.per_capita_fen / 100).toFixed(2)}`)
      const added = latest.conditions.filter((c) => !f.conditions.includes(c))
      if (added.length) reasons.push('新申请报告了新的困难情形')
    }
    if (f.status === 'archived') {
      const region = policy.regions[f.region] ?? policy.regions[policy.defaultRegion]
      const bound = Math.round(region.minLivingFen * region.relativeMultiple)
      if (f.per_capita_fen * 10_000 < bound * Math.round((1 + policy.riskMargin) * 10_000)) {
        reasons.push(`已解困，但人均月收入 ¥${(f.per_capita_fen / 100).toFixed(2)} 距相对困难标准上限 ¥${(bound / 100).toFixed(2)} 不足 ${Math.round(policy.riskMargin * 100)}%`)
      }
    }
    const flag = reasons.length > 0
    const reason = flag ? reasons.join('；') : null
    if (flag) atRisk++
    if (flag !== f.at_risk || reason !== f.risk_reason) await app.db.query('update subsidy_files set at_risk = $2, risk_reason = $3 where id = $1', [f.id, flag, reason])
  }
  return { reevaluated: due.length, atRisk }
}


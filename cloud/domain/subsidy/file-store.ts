// Hardship files rows: one per household, made from its approved application, with its plan; the list
// filters the files page and the console count by; the updates formalizing, archiving and monitoring make.
import crypto from 'node:crypto'
import type { Queryable } from '../../db'
import type { Sealer } from '../../platform/crypto'
import { shanghai } from '../../platform/time'
import { maskPhone } from '../../../types/mask'
import type { ActionData } from '../../../types/contract'
import type { Evaluation } from '../../../types/subsidy'
import type { Condition, FileFilter, FileKind, SubsidyCategory } from '../../../types/subsidy-labels'
import { fileKindFor } from './rules'
import { openEvaluation, openNote, sealEvaluation, sealNote, type AppRow, type HouseholdColumns } from './store'

export interface FileRow extends HouseholdColumns {
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
  /** Sealed: the notes quote incomes. */
  recheck_note_enc: string | null
  at_risk: boolean
  risk_reason_enc: string | null
  archived_at: Date | null
  archive_reason: string | null
  paid_total_fen: number
  last_paid_at: Date | null
  has_plan: boolean
}

export const FILE_SELECT = `select f.*, u.name as union_name, u.path, m.name as member_name,
    coalesce((select sum(p.amount_fen) from subsidy_payments p where p.file_id = f.id and p.status = 'paid'), 0)::bigint as paid_total_fen,
    (select max(p.created_at) from subsidy_payments p where p.file_id = f.id and p.status = 'paid') as last_paid_at,
    exists (select 1 from subsidy_plans pl where pl.file_id = f.id) as has_plan
  from subsidy_files f join unions u on u.id = f.union_id join members m on m.id = f.member_id`

const newFileNo = (year: number) => `KN${year}${crypto.randomInt(10 ** 7, 10 ** 8)}`

/** The approved application becomes the household's file: created once, refreshed and reactivated later. */
export async function upsertFile(q: Queryable, a: HouseholdColumns & Pick<AppRow, 'member_id' | 'union_id' | 'created_at'>, at: Date): Promise<string> {
  const [f] = await q.query<{ id: string }>(
    `insert into subsidy_files (file_no, member_id, union_id, kind, category, status, region, data_enc, household_size, conditions,
       evaluation_enc, data_as_of, evaluated_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $11, $12, $12, $12)
     on conflict (member_id) do update set union_id = excluded.union_id, kind = excluded.kind, category = excluded.category, status = 'active',
       region = excluded.region, data_enc = excluded.data_enc, household_size = excluded.household_size, conditions = excluded.conditions,
       evaluation_enc = excluded.evaluation_enc, data_as_of = excluded.data_as_of, evaluated_at = excluded.evaluated_at,
       recheck_note_enc = null, at_risk = false, risk_reason_enc = null, archived_at = null, archive_reason = null, updated_at = excluded.updated_at
     returning id`,
    [newFileNo(shanghai(at).year()), a.member_id, a.union_id, fileKindFor(a.category), a.category, a.region, a.data_enc, a.household_size, a.conditions, a.evaluation_enc, a.created_at, at],
  )
  return f.id
}

export async function upsertPlan(q: Queryable, sealer: Sealer, fileId: string, p: Omit<ActionData<'subsidy', 'plan'>, 'fileId'>, by: string, at: Date): Promise<void> {
  await q.query(
    `insert into subsidy_plans (file_id, goal, measures, responsible, contact_enc, contact_masked, next_review_date, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (file_id) do update set goal = excluded.goal, measures = excluded.measures, responsible = excluded.responsible, contact_enc = excluded.contact_enc,
       contact_masked = excluded.contact_masked, next_review_date = excluded.next_review_date, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [fileId, p.goal, p.measures, p.responsible, sealer.encrypt(p.contact), maskPhone(p.contact), p.nextReviewDate, by, at],
  )
}

export async function planOf(q: Queryable, fileId: string) {
  const [p] = await q.query<{ goal: string; measures: string[]; responsible: string; contact_masked: string; next_review_date: string; updated_at: Date }>(
    `select goal, measures, responsible, contact_masked, to_char(next_review_date, 'YYYY-MM-DD') as next_review_date, updated_at from subsidy_plans where file_id = $1`,
    [fileId],
  )
  return p ? { goal: p.goal, measures: p.measures, responsible: p.responsible, contactMasked: p.contact_masked, nextReviewDate: p.next_review_date, updatedAt: p.updated_at.toISOString() } : null
}

export async function fileById(q: Queryable, id: string, lock = false): Promise<FileRow | null> {
  const [f] = await q.query<FileRow>(`${FILE_SELECT} where f.id = $1 ${lock ? 'for update of f' : ''}`, [id])
  return f ?? null
}

/** The file of a member (by member id) or of a user (by account): one per household. */
export async function fileOf(q: Queryable, by: { memberId: string } | { userId: string }, lock = false): Promise<FileRow | null> {
  const [f] =
    'memberId' in by
      ? await q.query<FileRow>(`${FILE_SELECT} where f.member_id = $1 ${lock ? 'for update of f' : ''}`, [by.memberId])
      : await q.query<FileRow>(`${FILE_SELECT} where m.user_id = $1 ${lock ? 'for update of f' : ''}`, [by.userId])
  return f ?? null
}

/** The files list's filters, as SQL on f; $1 is the stale cutoff ("unchanged for a year"). */
const FILTER_SQL: Record<FileFilter, string> = {
  all: 'true',
  active: `f.status = 'active'`,
  archived: `f.status = 'archived'`,
  stale: `f.status = 'active' and f.data_as_of < $1`,
  never_helped: `f.status = 'active' and not exists (select 1 from subsidy_payments p where p.file_id = f.id and p.status = 'paid')`,
  at_risk: 'f.at_risk',
}

/** Files per list filter (the files page's tabs, the console's figures). `where` may use f, u, m; $1 must be the stale cutoff. */
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

/** One page of files matching `where` and the filter: at risk first, then the oldest data. */
export async function fileList(q: Queryable, where: string, params: unknown[], filter: FileFilter, limit: number, offset: number): Promise<FileRow[]> {
  const p = [...params, limit, offset]
  return q.query<FileRow>(`${FILE_SELECT} where ${where} and ${FILTER_SQL[filter]} order by f.at_risk desc, f.data_as_of, f.id limit $${p.length - 1} offset $${p.length}`, p)
}

export async function setFormal(q: Queryable, sealer: Sealer, id: string, ev: Evaluation, at: Date): Promise<void> {
  await q.query(`update subsidy_files set kind = 'formal', category = $2, evaluation_enc = $3, evaluated_at = $4, updated_at = $4 where id = $1`, [id, ev.category, sealEvaluation(sealer, ev), at])
}

export async function setArchived(q: Queryable, id: string, reason: string, at: Date): Promise<void> {
  await q.query(`update subsidy_files set status = 'archived', archived_at = $2, archive_reason = $3, updated_at = $2 where id = $1`, [id, at, reason])
}

/** Active files whose data is older than `cutoff` and not re-evaluated since `notSince`, oldest first. */
export async function dueForRecheck(q: Queryable, cutoff: Date, notSince: Date, limit: number) {
  return q.query<{ id: string; data_enc: string; category: SubsidyCategory }>(
    `select id, data_enc, category from subsidy_files where status = 'active' and data_as_of < $1 and evaluated_at < $2 order by evaluated_at limit ${limit}`,
    [cutoff, notSince],
  )
}

/** A re-evaluation's result: the note for staff, and the new evaluation when it agrees with the file's category. */
export async function setRecheck(q: Queryable, sealer: Sealer, id: string, note: string | null, agreed: Evaluation | null, at: Date): Promise<void> {
  await q.query(`update subsidy_files set evaluated_at = $2, recheck_note_enc = $3, evaluation_enc = coalesce($4, evaluation_enc) where id = $1`, [
    id,
    at,
    sealNote(sealer, note),
    agreed ? sealEvaluation(sealer, agreed) : null,
  ])
}

/** Files whose risk flag can change: archived, flagged, or with a newer application than their data (the latest one given). */
export async function riskCandidates(q: Queryable) {
  return q.query<{
    id: string
    status: string
    region: string
    conditions: Condition[]
    evaluation_enc: string
    at_risk: boolean
    risk_reason_enc: string | null
    latest: { evaluation_enc: string; conditions: Condition[] } | null
  }>(
    `select * from (select f.id, f.status, f.region, f.conditions, f.evaluation_enc, f.at_risk, f.risk_reason_enc,
       (select json_build_object('evaluation_enc', a.evaluation_enc, 'conditions', a.conditions) from subsidy_applications a
         where a.member_id = f.member_id and a.created_at > f.data_as_of and a.status <> 'rejected' order by a.created_at desc limit 1) as latest
     from subsidy_files f) x where x.status = 'archived' or x.at_risk or x.latest is not null`,
  )
}

export async function setRisk(q: Queryable, sealer: Sealer, id: string, atRisk: boolean, reason: string | null): Promise<void> {
  await q.query('update subsidy_files set at_risk = $2, risk_reason_enc = $3 where id = $1', [id, atRisk, sealNote(sealer, reason)])
}

/** Files for the console's export, figures only (no ID numbers, phones or per-member incomes), opened for staff in scope. */
export async function fileExportRows(q: Queryable, sealer: Sealer, like: string, year: number, limit: number) {
  const rows = await q.query<{
    file_no: string; name: string; union: string; category: SubsidyCategory; kind: FileKind; status: 'active' | 'archived'; household_size: number; evaluation_enc: string
    data_as_of: Date; paid_year_fen: number; paid_total_fen: number; last_paid_at: Date | null; has_plan: boolean; at_risk: boolean; risk_reason_enc: string | null
  }>(
    `select f.file_no, m.name, u.name as union, f.category, f.kind, f.status, f.household_size, f.evaluation_enc, f.data_as_of,
       coalesce((select sum(p.amount_fen) from subsidy_payments p where p.file_id = f.id and p.status = 'paid' and p.year = $2), 0)::bigint as paid_year_fen,
       coalesce((select sum(p.amount_fen) from subsidy_payments p where p.file_id = f.id and p.status = 'paid'), 0)::bigint as paid_total_fen,
       (select max(p.created_at) from subsidy_payments p where p.file_id = f.id and p.status = 'paid') as last_paid_at,
       exists (select 1 from subsidy_plans pl where pl.file_id = f.id) as has_plan, f.at_risk, f.risk_reason_enc
     from subsidy_files f join members m on m.id = f.member_id join unions u on u.id = f.union_id
     where u.path like $1 order by u.name, f.status, f.file_no limit ${limit}`,
    [like, year],
  )
  return rows.map(({ evaluation_enc, risk_reason_enc, ...r }) => ({ ...r, per_capita_fen: openEvaluation(sealer, evaluation_enc).perCapitaFen, risk_reason: openNote(sealer, risk_reason_enc) }))
}

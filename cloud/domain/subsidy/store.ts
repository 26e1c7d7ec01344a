// Hardship relief rows: applications, reviews, the public notice and its objections, and the people of a case.
// The household and its evaluation (incomes) are sealed (AES-GCM) on the way in and opened here.
import type { Queryable } from '../../db'
import type { Sealer } from '../../platform/crypto'
import { maskPhone } from '../../../types/mask'
import type { ActionData } from '../../../types/contract'
import type { Evaluation, HouseholdInput } from '../../../types/subsidy'
import type { ApplicationStatus, Condition, SubsidyCategory } from '../../../types/subsidy-labels'
import type { CaseParties, Person, Step } from './review-rules'

/** What is sealed with an application or file: the household as entered. */
export interface HouseholdData {
  region?: string
  household: HouseholdInput['household']
  conditions: Condition[]
  event?: HouseholdInput['event']
}

/** Columns an application and a file share: the evaluated household, its incomes sealed. */
export interface HouseholdColumns {
  category: SubsidyCategory
  region: string
  data_enc: string
  household_size: number
  conditions: Condition[]
  evaluation_enc: string
}

export interface AppRow extends HouseholdColumns {
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

export const APP_SELECT = `select a.*, u.name as union_name, u.path, m.name as member_name
  from subsidy_applications a join unions u on u.id = a.union_id join members m on m.id = a.member_id`

export const openHousehold = (sealer: Sealer, enc: string): HouseholdData => JSON.parse(sealer.decrypt(enc))
export const openEvaluation = (sealer: Sealer, enc: string): Evaluation => JSON.parse(sealer.decrypt(enc))
export const sealEvaluation = (sealer: Sealer, ev: Evaluation) => sealer.encrypt(JSON.stringify(ev))
/** Staff notes that quote incomes (monitoring's risk reason and recheck note) are sealed like them. */
export const sealNote = (sealer: Sealer, note: string | null) => (note === null ? null : sealer.encrypt(note))
export const openNote = (sealer: Sealer, enc: string | null) => (enc === null ? null : sealer.decrypt(enc))

export interface NewApplication {
  memberId: string
  unionId: string
  requestId: string
  household: HouseholdInput
  evaluation: Evaluation
  evidence: ActionData<'subsidy', 'apply'>['evidence']
  phone: string
  note?: string | null
  /** The demo writes applications at later steps; members submit. */
  status?: ApplicationStatus
  checkedBy?: string | null
  at: Date
}

export async function insertApplication(q: Queryable, sealer: Sealer, a: NewApplication): Promise<{ id: string; status: ApplicationStatus }> {
  const ev = a.evaluation
  const data: HouseholdData = { region: ev.region.code, household: a.household.household, conditions: a.household.conditions, event: a.household.event }
  const [row] = await q.query<{ id: string; status: ApplicationStatus }>(
    `insert into subsidy_applications (member_id, union_id, request_id, status, category, region, data_enc, household_size, conditions, evaluation_enc,
       evidence, phone_enc, phone_hash, phone_masked, note, checked_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) returning id, status`,
    [
      a.memberId,
      a.unionId,
      a.requestId,
      a.status ?? 'submitted',
      ev.category,
      ev.region.code,
      sealer.encrypt(JSON.stringify(data)),
      ev.householdSize,
      a.household.conditions,
      sealEvaluation(sealer, ev),
      JSON.stringify(a.evidence),
      sealer.encrypt(a.phone),
      sealer.hash('phone', a.phone),
      maskPhone(a.phone),
      a.note ?? null,
      a.checkedBy ?? null,
      a.at,
    ],
  )
  return row
}

export async function applicationByRequest(q: Queryable, memberId: string, requestId: string): Promise<AppRow | null> {
  const [a] = await q.query<AppRow>(`${APP_SELECT} where a.member_id = $1 and a.request_id = $2`, [memberId, requestId])
  return a ?? null
}

export async function applicationById(q: Queryable, id: string, lock = false): Promise<AppRow | null> {
  const [a] = await q.query<AppRow>(`${APP_SELECT} where a.id = $1 ${lock ? 'for update of a' : ''}`, [id])
  return a ?? null
}

/** A member's applications, newest first (the latest `limit`, or all). */
export async function applicationsOf(q: Queryable, memberId: string, limit?: number): Promise<AppRow[]> {
  return q.query<AppRow>(`${APP_SELECT} where a.member_id = $1 order by a.created_at desc${limit ? ` limit ${limit}` : ''}`, [memberId])
}

/** One page of open applications, oldest first: `params` holds the statuses as $1 and what `where` (on a, u) uses. */
export async function queueRows(q: Queryable, where: string, params: unknown[], limit: number, offset: number): Promise<AppRow[]> {
  const p = [...params, limit, offset]
  return q.query<AppRow>(`${APP_SELECT} where a.status = any($1::text[]) and ${where} order by a.created_at, a.id limit $${p.length - 1} offset $${p.length}`, p)
}

/** An application's new state after a review; `checkedBy` is set by a passed check, `fileId` by filing. */
export async function updateApplication(
  q: Queryable,
  id: string,
  s: { status: ApplicationStatus; checkedBy?: string; noticeEndsAt: Date | null; rejectReason: string | null; fileId: string | null; at: Date },
): Promise<void> {
  await q.query(
    `update subsidy_applications set status = $2, checked_by = coalesce($3, checked_by), notice_ends_at = $4, reject_reason = $5,
       file_id = coalesce($6, file_id), updated_at = $7 where id = $1`,
    [id, s.status, s.checkedBy ?? null, s.noticeEndsAt, s.rejectReason, s.fileId, s.at],
  )
}

export async function insertReview(
  q: Queryable,
  r: { applicationId: string; step: Step; decision: 'pass' | 'reject'; reason: string | null; reviewerId: string; reviewerUnionId: string | null; at: Date },
): Promise<void> {
  await q.query('insert into subsidy_reviews (application_id, step, decision, reason, reviewer_id, reviewer_union_id, created_at) values ($1, $2, $3, $4, $5, $6, $7)', [
    r.applicationId,
    r.step,
    r.decision,
    r.reason,
    r.reviewerId,
    r.reviewerUnionId,
    r.at,
  ])
}

export type ReviewStep = { step: Step; decision: 'pass' | 'reject'; reason: string | null; unionName: string; at: string }

/** The review steps of each application, in order. */
export async function stepsOf(q: Queryable, ids: string[]): Promise<Map<string, ReviewStep[]>> {
  const out = new Map<string, ReviewStep[]>()
  if (!ids.length) return out
  const rows = await q.query<{ application_id: string; step: Step; decision: 'pass' | 'reject'; reason: string | null; union_name: string | null; created_at: Date }>(
    `select r.application_id, r.step, r.decision, r.reason, u.name as union_name, r.created_at from subsidy_reviews r
     left join unions u on u.id = r.reviewer_union_id where r.application_id = any($1::uuid[])
     order by r.created_at, array_position(array['check', 'approve', 'notice'], r.step)`,
    [ids],
  )
  for (const r of rows) {
    const list = out.get(r.application_id) ?? []
    list.push({ step: r.step, decision: r.decision, reason: r.reason, unionName: r.union_name ?? '平台管理员', at: r.created_at.toISOString() })
    out.set(r.application_id, list)
  }
  return out
}

/** Applications in public notice that reach a member of the union at `path`: those approved by a union whose subtree holds it. */
const NOTICE_SQL = `select a.id, a.member_id, a.union_id, a.category, a.notice_ends_at, m.name, u.name as union_name
  from subsidy_applications a join members m on m.id = a.member_id join unions u on u.id = a.union_id
  left join lateral (select r.reviewer_union_id from subsidy_reviews r where r.application_id = a.id and r.step = 'approve' order by r.created_at desc limit 1) ap on true
  left join unions au on au.id = ap.reviewer_union_id
  where a.status = 'notice' and $1 like coalesce(au.path, u.path) || '%'`

export interface NoticeRow {
  id: string
  member_id: string
  union_id: string
  category: SubsidyCategory
  notice_ends_at: Date
  name: string
  union_name: string
}

/** The notices reaching `path`, each saying whether `userId` has objected to it. */
export async function noticesFor(q: Queryable, path: string, userId: string): Promise<(NoticeRow & { objected: boolean })[]> {
  return q.query(
    `select n.*, exists (select 1 from subsidy_objections o where o.application_id = n.id and o.user_id = $2) as objected
     from (${NOTICE_SQL}) n order by n.notice_ends_at, n.id limit 200`,
    [path, userId],
  )
}

export async function noticeFor(q: Queryable, path: string, applicationId: string): Promise<NoticeRow | null> {
  const [n] = await q.query<NoticeRow>(`select n.* from (${NOTICE_SQL}) n where n.id = $2`, [path, applicationId])
  return n ?? null
}

export async function insertObjection(q: Queryable, sealer: Sealer, applicationId: string, userId: string, text: string, at: Date): Promise<string> {
  const [o] = await q.query<{ id: string }>('insert into subsidy_objections (application_id, user_id, text_enc, created_at) values ($1, $2, $3, $4) returning id', [
    applicationId,
    userId,
    sealer.encrypt(text),
    at,
  ])
  return o.id
}

/** The objections raised against each application, opened for the reviewer. */
export async function objectionsOf(q: Queryable, sealer: Sealer, ids: string[]): Promise<Map<string, { text: string; at: string }[]>> {
  const out = new Map<string, { text: string; at: string }[]>()
  if (!ids.length) return out
  const rows = await q.query<{ application_id: string; text_enc: string; created_at: Date }>(
    'select application_id, text_enc, created_at from subsidy_objections where application_id = any($1::uuid[]) order by created_at',
    [ids],
  )
  for (const o of rows) out.set(o.application_id, [...(out.get(o.application_id) ?? []), { text: sealer.decrypt(o.text_enc), at: o.created_at.toISOString() }])
  return out
}

export async function unionLevel(q: Queryable, unionId: string): Promise<string | null> {
  const [u] = await q.query<{ level: string }>('select level from unions where id = $1', [unionId])
  return u?.level ?? null
}

/** A user as a person: their member record (any card status) and its phone's keyed hash, when they hold one. */
export async function personOf(q: Queryable, userId: string): Promise<Person & { memberId: string | null }> {
  const [m] = await q.query<{ id: string; phone_hash: string }>('select id, phone_hash from members where user_id = $1', [userId])
  return { userId, memberId: m?.id ?? null, phoneHash: m?.phone_hash ?? null }
}

/** The people of each member's case: their account, their phone and every contact phone their applications gave. */
export async function casePartiesOf(q: Queryable, memberIds: string[]): Promise<Map<string, CaseParties>> {
  const rows = memberIds.length
    ? await q.query<{ id: string; user_id: string; phones: string[] }>(
        `select m.id, m.user_id, array_append(array(select a.phone_hash from subsidy_applications a where a.member_id = m.id), m.phone_hash) as phones
         from members m where m.id = any($1::uuid[])`,
        [memberIds],
      )
    : []
  return new Map(rows.map((r) => [r.id, { userId: r.user_id, phoneHashes: r.phones }]))
}

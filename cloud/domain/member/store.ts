// Member and card rows: the card SELECT, and the writes registration, review and transfer share (and the demo data uses).
import type { Queryable } from '../../db'
import type { Sealer } from '../../platform/crypto'
import type { CardStatus, Occupation } from '../../../types/member'
import { maskIdNumber, maskPhone } from '../../../types/mask'
import { formatCardNo } from './rules'

/** Card statuses that hold a member's place: a member has at most one card in them (index cards_one_live). */
export const LIVE = `('pending', 'active', 'suspended')`

export interface CardRow {
  path: string
  card_id: string
  member_id: string
  union_id: string
  union_name: string
  status: CardStatus
  card_no: string | null
  issued_at: Date | null
  reject_reason: string | null
  name: string
  id_masked: string
  phone_masked: string
  occupation: Occupation
  employer: string | null
}

export const CARD_SELECT = `select u.path, c.id as card_id, m.id as member_id, c.union_id, u.name as union_name, c.status, c.card_no, c.issued_at,
    c.reject_reason, m.name, m.id_masked, m.phone_masked, m.occupation, m.employer
  from cards c join members m on m.id = c.member_id join unions u on u.id = c.union_id`


export interface MemberDetails {
  name: string
  idNumber: string
  phone: string
  occupation: Occupation
  employer?: string | null
}

/** The member columns as stored: ID number and phone sealed, hashed for lookups and masked for display. */
function memberValues(sealer: Sealer, d: MemberDetails, at: Date): unknown[] {
  return [
    d.name,
    sealer.hash('id', d.idNumber),
    sealer.encrypt(d.idNumber),
    maskIdNumber(d.idNumber),
    sealer.hash('phone', d.phone),
    sealer.encrypt(d.phone),
    maskPhone(d.phone),
    d.occupation,
    d.employer || null,
    at,
  ]
}

/** `claims` is the member who already holds this ID number, when the registration claims it. */
export async function insertMember(q: Queryable, sealer: Sealer, userId: string, d: MemberDetails, at: Date, claims: string | null = null): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into members (name, id_hash, id_enc, id_masked, phone_hash, phone_enc, phone_masked, occupation, employer, updated_at, user_id, claims_member_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
    [...memberValues(sealer, d, at), userId, claims],
  )
  return row.id
}

/** Re-applying after a rejection: the details may have been corrected. */
export async function updateMember(q: Queryable, sealer: Sealer, memberId: string, d: MemberDetails, at: Date, claims: string | null = null): Promise<void> {
  await q.query(
    `update members set name = $1, id_hash = $2, id_enc = $3, id_masked = $4, phone_hash = $5, phone_enc = $6,
       phone_masked = $7, occupation = $8, employer = $9, updated_at = $10, claims_member_id = $12 where id = $11`,
    [...memberValues(sealer, d, at), memberId, claims],
  )
}

/** The member holding an ID number (by its keyed hash), not counting registrations that claim it. */
export async function holderOf(q: Queryable, idHash: string): Promise<{ id: string; user_id: string } | undefined> {
  const [row] = await q.query<{ id: string; user_id: string }>('select id, user_id from members where id_hash = $1 and claims_member_id is null', [idHash])
  return row
}

export async function addNotice(q: Queryable, memberId: string, kind: 'id_claimed', body: string, at: Date): Promise<void> {
  await q.query('insert into member_notices (member_id, kind, body, created_at) values ($1, $2, $3, $4)', [memberId, kind, body, at])
}

/** The latest notices for a member's own account. */
export async function noticesOf(q: Queryable, memberId: string, limit = 5): Promise<{ body: string; created_at: Date }[]> {
  return q.query('select body, created_at from member_notices where member_id = $1 order by created_at desc limit $2', [memberId, limit])
}

/** Takes the union's next running number; the row lock makes concurrent issues get distinct numbers. */
export async function nextCardNo(q: Queryable, unionId: string): Promise<string> {
  const [u] = await q.query<{ code: string; card_seq: number }>(
    'update unions set card_seq = card_seq + 1 where id = $1 returning code, card_seq',
    [unionId],
  )
  return formatCardNo(u.code, u.card_seq)
}

export interface NewCard {
  memberId: string
  unionId: string
  status: CardStatus
  cardNo: string | null
  issuedAt: Date | null
  /** Who decided, for a card issued by review or transfer. */
  decided?: { by: string; at: Date }
}

export async function insertCard(q: Queryable, c: NewCard): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into cards (member_id, union_id, status, card_no, issued_at, decided_by, decided_at) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [c.memberId, c.unionId, c.status, c.cardNo, c.issuedAt, c.decided?.by ?? null, c.decided?.at ?? null],
  )
  return row.id
}

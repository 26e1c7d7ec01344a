import type { App } from '../../platform/app'
import { isUuid } from '../../db/sql'
import type { Queryable } from '../../db'
import { uniqueViolation } from '../../db'
import type { Caller } from '../auth/service'
import type { CardStatus, CardView, Occupation, PendingItem } from '../../../types/member'
import { AppError } from '../../platform/errors'
import { audit } from '../audit/service'
import { assertInScope, getUnion, scopeCondition } from '../union/service'
import { formatCardNo, issueModeFor, maskIdNumber, maskPhone, signCardQr, verifyCardQr } from './rules'

const LIVE = `('pending', 'active', 'suspended')`

export interface RegisterData {
  name: string
  idNumber: string
  phone: string
  unionId: string
  occupation: Occupation
  employer?: string
}

/** Takes the union's next running number; the row lock makes concurrent issues get distinct numbers. */
async function nextCardNo(q: Queryable, unionId: string): Promise<string> {
  const [u] = await q.query<{ code: string; card_seq: number }>(
    'update unions set card_seq = card_seq + 1 where id = $1 returning code, card_seq',
    [unionId],
  )
  return formatCardNo(u.code, u.card_seq)
}

export async function register(app: App, caller: Caller, input: RegisterData) {
  const union = await getUnion(app.db, input.unionId)
  if (!union.accepts_members || union.status !== 'active') {
    throw new AppError('UNION_CLOSED', '该工会暂不直接接收入会申请，请选择您所在单位或行业的基层工会')
  }
  const idHash = app.sealer.hash('id', input.idNumber)
  const phoneHash = app.sealer.hash('phone', input.phone)
  const mode = issueModeFor(app.policies.membership, union.code)
  const now = app.now()

  const memberId = await app.db.tx(async (q) => {
    const [mine] = await q.query<{ id: string; live: boolean }>(
      `select m.id, exists (select 1 from cards c where c.member_id = m.id and c.status in ${LIVE}) as live
       from members m where m.user_id = $1 for update`,
      [caller.userId],
    )
    if (mine?.live) throw new AppError('ALREADY_REGISTERED', '您已办理会员卡或申请正在审核中，无需重复申请')
    const [holder] = await q.query<{ user_id: string }>('select user_id from members where id_hash = $1', [idHash])
    if (holder && holder.user_id !== caller.userId) {
      throw new AppError('DUPLICATE_MEMBER', '该身份证号已办理会员卡，一人只能持有一张会员卡。如需更换绑定的微信，请联系所在工会')
    }
    const values = [
      input.name,
      idHash,
      app.sealer.encrypt(input.idNumber),
      maskIdNumber(input.idNumber),
      phoneHash,
      app.sealer.encrypt(input.phone),
      maskPhone(input.phone),
      input.occupation,
      input.employer || null,
      now,
    ]
    let id: string
    try {
      if (mine) {
        // Re-applying after a rejection: the details may have been corrected.
        await q.query(
          `update members set name = $1, id_hash = $2, id_enc = $3, id_masked = $4, phone_hash = $5, phone_enc = $6,
             phone_masked = $7, occupation = $8, employer = $9, updated_at = $10 where id = $11`,
          [...values, mine.id],
        )
        id = mine.id
      } else {
        const [row] = await q.query<{ id: string }>(
          `insert into members (name, id_hash, id_enc, id_masked, phone_hash, phone_enc, phone_masked, occupation, employer, updated_at, user_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
          [...values, caller.userId],
        )
        id = row.id
      }
      const active = mode === 'instant'
      const cardNo = active ? await nextCardNo(q, union.id) : null
      const [card] = await q.query<{ id: string }>(
        `insert into cards (member_id, union_id, status, card_no, issued_at) values ($1, $2, $3, $4, $5) returning id`,
        [id, union.id, active ? 'active' : 'pending', cardNo, active ? now : null],
      )
      await audit(q, {
        actor: caller,
        action: 'member.register',
        entity: 'card',
        entityId: card.id,
        unionId: union.id,
        after: { status: active ? 'active' : 'pending', cardNo, issue: mode },
      })
    } catch (e) {
      const constraint = uniqueViolation(e)
      if (constraint === 'members_id_hash_key') throw new AppError('DUPLICATE_MEMBER', '该身份证号已办理会员卡，一人只能持有一张会员卡')
      if (constraint !== null) throw new AppError('ALREADY_REGISTERED', '您已办理会员卡或申请正在审核中，无需重复申请')
      throw e
    }
    return id
  })
  const card = await myCard(app, caller)
  return { memberId, status: card.status, card }
}

interface CardRow {
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

const CARD_SELECT = `select u.path, c.id as card_id, m.id as member_id, c.union_id, u.name as union_name, c.status, c.card_no, c.issued_at,
    c.reject_reason, m.name, m.id_masked, m.phone_masked, m.occupation, m.employer
  from cards c join members m on m.id = c.member_id join unions u on u.id = c.union_id`

export async function myCard(app: App, caller: Caller): Promise<CardView> {
  const [row] = await app.db.query<CardRow>(
    `${CARD_SELECT} where m.user_id = $1 and c.status <> 'transferred'
     order by (c.status in ${LIVE}) desc, c.created_at desc limit 1`,
    [caller.userId],
  )
  if (!row) throw new AppError('NOT_FOUND', '您还没有办理工会会员卡')
  const [transfer] = await app.db.query<{ to_union_id: string; name: string; requested_at: Date }>(
    `select t.to_union_id, u.name, t.requested_at from transfers t join unions u on u.id = t.to_union_id
     where t.member_id = $1 and t.status = 'pending'`,
    [row.member_id],
  )
  const qr = row.status === 'active' ? signCardQr(app.config.secrets.QR_SECRET, row.card_id, app.now(), app.policies.membership.qrTtlSeconds) : null
  return {
    memberId: row.member_id,
    cardId: row.card_id,
    unionId: row.union_id,
    unionName: row.union_name,
    status: row.status,
    cardNo: row.card_no,
    issuedAt: row.issued_at ? row.issued_at.toISOString() : null,
    name: row.name,
    idNumberMasked: row.id_masked,
    phoneMasked: row.phone_masked,
    occupation: row.occupation,
    employer: row.employer,
    rejectReason: row.reject_reason,
    qr: qr?.qr ?? null,
    qrExpiresAt: qr?.expiresAt.toISOString() ?? null,
    pendingTransfer: transfer ? { toUnionId: transfer.to_union_id, toUnionName: transfer.name, requestedAt: transfer.requested_at.toISOString() } : null,
  }
}

export async function pending(app: App, caller: Caller, limit = 50) {
  const params: unknown[] = []
  const regScope = scopeCondition(caller, 'u', params)
  const trScope = scopeCondition(caller, 'tu', params)
  params.push(limit)
  const rows = await app.db.query<{
    member_id: string
    kind: 'registration' | 'transfer'
    name: string
    id_masked: string
    phone_masked: string
    occupation: Occupation
    employer: string | null
    union_id: string
    union_name: string
    from_union_name: string | null
    submitted_at: Date
    total: number
  }>(
    `with items as (
       select m.id as member_id, 'registration' as kind, m.name, m.id_masked, m.phone_masked, m.occupation, m.employer,
         u.id as union_id, u.name as union_name, null::text as from_union_name, c.created_at as submitted_at
       from cards c join members m on m.id = c.member_id join unions u on u.id = c.union_id
       where c.status = 'pending' and ${regScope}
       union all
       select m.id, 'transfer', m.name, m.id_masked, m.phone_masked, m.occupation, m.employer,
         tu.id, tu.name, fu.name, t.requested_at
       from transfers t join members m on m.id = t.member_id join unions tu on tu.id = t.to_union_id
         join unions fu on fu.id = t.from_union_id
       where t.status = 'pending' and ${trScope}
     )
     select *, (count(*) over ())::int as total from items order by submitted_at limit $${params.length}`,
    params,
  )
  const items: PendingItem[] = rows.map((r) => ({
    memberId: r.member_id,
    kind: r.kind,
    name: r.name,
    idNumberMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    occupation: r.occupation,
    employer: r.employer,
    unionId: r.union_id,
    unionName: r.union_name,
    fromUnionName: r.from_union_name,
    submittedAt: r.submitted_at.toISOString(),
  }))
  return { items, total: rows[0]?.total ?? 0 }
}

export async function review(app: App, caller: Caller, input: { memberId: string; approve: boolean; reason?: string }) {
  if (!isUuid(input.memberId)) throw new AppError('NOT_FOUND', '没有找到这条待审核的申请')
  const now = app.now()
  return app.db.tx(async (q) => {
    const [card] = await q.query<{ id: string; union_id: string; path: string }>(
      `select c.id, c.union_id, u.path from cards c join unions u on u.id = c.union_id
       where c.member_id = $1 and c.status = 'pending' for update of c`,
      [input.memberId],
    )
    if (card) {
      assertInScope(caller, card)
      const status: CardStatus = input.approve ? 'active' : 'rejected'
      const cardNo = input.approve ? await nextCardNo(q, card.union_id) : null
      await q.query(
        `update cards set status = $2, card_no = $3, issued_at = $4, reject_reason = $5, decided_by = $6, decided_at = $7 where id = $1`,
        [card.id, status, cardNo, input.approve ? now : null, input.approve ? null : input.reason, caller.userId, now],
      )
      await audit(q, {
        actor: caller,
        action: 'member.review',
        entity: 'card',
        entityId: card.id,
        unionId: card.union_id,
        before: { status: 'pending' },
        after: { status, cardNo, reason: input.reason ?? null },
      })
      return { memberId: input.memberId, status, cardNo }
    }

    const [t] = await q.query<{ id: string; from_card_id: string; to_union_id: string; path: string }>(
      `select t.id, t.from_card_id, t.to_union_id, tu.path from transfers t join unions tu on tu.id = t.to_union_id
       where t.member_id = $1 and t.status = 'pending' for update of t`,
      [input.memberId],
    )
    if (!t) throw new AppError('NOT_FOUND', '没有找到这条待审核的申请，可能已被处理')
    assertInScope(caller, t)
    let result: { status: CardStatus; cardNo: string | null }
    if (input.approve) {
      const [from] = await q.query<{ status: CardStatus; card_no: string | null }>(
        `update cards set status = 'transferred', decided_by = $2, decided_at = $3 where id = $1 and status = 'active' returning status, card_no`,
        [t.from_card_id, caller.userId, now],
      )
      if (!from) throw new AppError('INVALID_STATE', '该会员的会员卡当前不是有效状态，无法完成转会')
      const cardNo = await nextCardNo(q, t.to_union_id)
      await q.query(
        `insert into cards (member_id, union_id, status, card_no, issued_at, decided_by, decided_at) values ($1, $2, 'active', $3, $4, $5, $4)`,
        [input.memberId, t.to_union_id, cardNo, now, caller.userId],
      )
      result = { status: 'active', cardNo }
    } else {
      const [from] = await q.query<{ status: CardStatus; card_no: string | null }>('select status, card_no from cards where id = $1', [t.from_card_id])
      result = { status: from.status, cardNo: from.card_no }
    }
    await q.query(`update transfers set status = $2, reason = $3, decided_by = $4, decided_at = $5 where id = $1`, [
      t.id,
      input.approve ? 'approved' : 'rejected',
      input.reason ?? null,
      caller.userId,
      now,
    ])
    await audit(q, {
      actor: caller,
      action: 'member.transferReview',
      entity: 'transfer',
      entityId: t.id,
      unionId: t.to_union_id,
      before: { status: 'pending' },
      after: { status: input.approve ? 'approved' : 'rejected', cardNo: result.cardNo, reason: input.reason ?? null },
    })
    return { memberId: input.memberId, ...result }
  })
}

export async function verifyCard(app: App, caller: Caller, qr: string) {
  const check = verifyCardQr(app.config.secrets.QR_SECRET, qr, app.now())
  if (!check.ok) {
    if (check.reason === 'expired') throw new AppError('QR_EXPIRED', '二维码已过期，请会员刷新会员卡后重新出示')
    throw new AppError('QR_INVALID', '二维码无效，不是本平台签发的会员卡')
  }
  const [row] = await app.db.query<CardRow>(`${CARD_SELECT} where c.id = $1`, [check.cardId])
  if (!row) throw new AppError('QR_INVALID', '二维码无效，不是本平台签发的会员卡')
  assertInScope(caller, row)
  return {
    valid: row.status === 'active',
    cardNo: row.card_no ?? '',
    name: row.name,
    unionName: row.union_name,
    status: row.status,
    occupation: row.occupation,
    issuedAt: row.issued_at ? row.issued_at.toISOString() : null,
  }
}

export async function requestTransfer(app: App, caller: Caller, toUnionId: string) {
  const to = await getUnion(app.db, toUnionId)
  if (!to.accepts_members || to.status !== 'active') throw new AppError('UNION_CLOSED', '该工会暂不接收会员转入，请选择基层工会')
  return app.db.tx(async (q) => {
    const [card] = await q.query<{ id: string; member_id: string; union_id: string }>(
      `select c.id, c.member_id, c.union_id from cards c join members m on m.id = c.member_id
       where m.user_id = $1 and c.status = 'active' for update of c`,
      [caller.userId],
    )
    if (!card) throw new AppError('INVALID_STATE', '只有持有效会员卡的会员才能办理转会')
    if (card.union_id === to.id) throw new AppError('VALIDATION_FAILED', '您已是该工会的会员', { toUnionId: '请选择其他工会' })
    try {
      const [t] = await q.query<{ id: string }>(
        `insert into transfers (member_id, from_card_id, from_union_id, to_union_id) values ($1, $2, $3, $4) returning id`,
        [card.member_id, card.id, card.union_id, to.id],
      )
      await audit(q, { actor: caller, action: 'member.transfer', entity: 'transfer', entityId: t.id, unionId: to.id, after: { status: 'pending', from: card.union_id, to: to.id } })
    } catch (e) {
      if (uniqueViolation(e) !== null) throw new AppError('CONFLICT', '您已有一个转会申请正在审核中')
      throw e
    }
    return { status: 'pending' as const, toUnionId: to.id, toUnionName: to.name }
  })
}

import type { App } from '../../platform/app'
import { isUuid } from '../../db/sql'
import { uniqueViolation } from '../../db'
import { activeMember, type Caller } from '../../platform/caller'
import type { CardStatus, CardView, Occupation, PendingItem } from '../../../types/member'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { assertInScope, scopeCondition } from '../../platform/scope'
import { audit } from '../audit/service'
import { tellDecision } from './messages'
import { getUnion } from '../union/service'
import { issueModeFor, signCardQr, signOfflineQrs, verifyCardQr } from './rules'
import { addNotice, holderOf, insertCard, insertMember, nextCardNo, noticesOf, updateMember } from './store'
import { shanghai } from '../../platform/time'

const LIVE = `('pending', 'active', 'suspended')`

export async function register(app: App, caller: Caller, input: ActionData<'member', 'register'>) {
  const union = await getUnion(app.db, input.unionId)
  if (!union.accepts_members || union.status !== 'active') {
    throw new AppError('UNION_CLOSED', '该工会暂不直接接收入会申请，请选择您所在单位或行业的基层工会')
  }
  // Two first registrations of one number at once: the loser of the index finds the winner on its retry.
  let memberId: string
  try {
    memberId = await registerOnce(app, caller, input, union.id, union.code)
  } catch (e) {
    if (uniqueViolation(e) !== 'members_id_hash_key') throw e
    memberId = await registerOnce(app, caller, input, union.id, union.code)
  }
  const card = await myCard(app, caller)
  return { memberId, status: card.status, card }
}

/**
 * One registration attempt. An ID number another member already holds is not refused (that would tell
 * anyone whether a person is a member): the application waits for staff like any reviewed one, marked as
 * claiming the holder's number, and the holder is told in their own account.
 */
async function registerOnce(app: App, caller: Caller, input: ActionData<'member', 'register'>, unionId: string, unionCode: string): Promise<string> {
  const idHash = app.sealer.hash('id', input.idNumber)
  const now = app.now()
  return app.db.tx(async (q) => {
    const [mine] = await q.query<{ id: string; live: boolean }>(
      `select m.id, exists (select 1 from cards c where c.member_id = m.id and c.status in ${LIVE}) as live
       from members m where m.user_id = $1 for update`,
      [caller.userId],
    )
    if (mine?.live) throw new AppError('ALREADY_REGISTERED', '您已办理会员卡或申请正在审核中，无需重复申请')
    const holder = await holderOf(q, idHash)
    const claims = holder && holder.user_id !== caller.userId ? holder.id : null
    let id: string
    try {
      if (mine) {
        await updateMember(q, app.sealer, mine.id, input, now, claims)
        id = mine.id
      } else {
        id = await insertMember(q, app.sealer, caller.userId, input, now, claims)
      }
    } catch (e) {
      const constraint = uniqueViolation(e)
      if (constraint !== null && constraint !== 'members_id_hash_key') throw new AppError('ALREADY_REGISTERED', '您已办理会员卡或申请正在审核中，无需重复申请')
      throw e
    }
    const mode = claims ? 'review' : issueModeFor(app.policies.membership, unionCode)
    const active = mode === 'instant'
    const cardNo = active ? await nextCardNo(q, unionId) : null
    const cardId = await insertCard(q, { memberId: id, unionId, status: active ? 'active' : 'pending', cardNo, issuedAt: active ? now : null })
    if (claims) {
      await addNotice(q, claims, 'id_claimed', `${shanghai(now).format('YYYY年M月D日 HH:mm')}，有人用您的身份证号申请入会，已转工会人工核实，不会发卡。如果不是您或家人操作，请联系您所在的工会。`, now)
    }
    await audit(q, {
      actor: caller,
      action: 'member.register',
      entity: 'card',
      entityId: cardId,
      unionId,
      after: { status: active ? 'active' : 'pending', cardNo, issue: claims ? 'claims_held_id' : mode },
    })
    return id
  })
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
  const notices = await noticesOf(app.db, row.member_id)
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
    notices: notices.map((n) => ({ at: n.created_at.toISOString(), text: n.body })),
  }
}

/**
 * Codes to show the card offline (H5 keeps them with the card): one per QR lifetime for the policy's
 * hours, verified by verifyCard like the online QR. Only for an active card.
 */
export async function offlineCodes(app: App, caller: Caller) {
  const card = await activeMember(app.db, caller.userId)
  if (!card) throw new AppError('INVALID_STATE', '只有有效的会员卡才能离线出示')
  const { qrTtlSeconds, offlineQrHours } = app.policies.membership
  const now = app.now()
  const count = Math.ceil((offlineQrHours * 3600) / qrTtlSeconds)
  const codes = signOfflineQrs(app.config.secrets.QR_SECRET, card.cardId, now, qrTtlSeconds, count)
  return { serverTime: now.toISOString(), codes: codes.map((c) => ({ qr: c.qr, validFrom: c.validFrom.toISOString(), validUntil: c.validUntil.toISOString() })) }
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
    claims: boolean
    total: number
  }>(
    `with items as (
       select m.id as member_id, 'registration' as kind, m.name, m.id_masked, m.phone_masked, m.occupation, m.employer,
         u.id as union_id, u.name as union_name, null::text as from_union_name, c.created_at as submitted_at,
         m.claims_member_id is not null as claims
       from cards c join members m on m.id = c.member_id join unions u on u.id = c.union_id
       where c.status = 'pending' and ${regScope}
       union all
       select m.id, 'transfer', m.name, m.id_masked, m.phone_masked, m.occupation, m.employer,
         tu.id, tu.name, fu.name, t.requested_at, false
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
    claimsHeldId: r.claims,
  }))
  return { items, total: rows[0]?.total ?? 0 }
}

export async function review(app: App, caller: Caller, input: ActionData<'member', 'review'>) {
  const decided = await decide(app, caller, input)
  await tellDecision(app, input.memberId, decided)
  return decided
}

async function decide(app: App, caller: Caller, input: ActionData<'member', 'review'>) {
  if (!isUuid(input.memberId)) throw new AppError('NOT_FOUND', '没有找到这条待审核的申请')
  const now = app.now()
  return app.db.tx(async (q) => {
    const [card] = await q.query<{ id: string; union_id: string; path: string; claims: boolean }>(
      `select c.id, c.union_id, u.path, m.claims_member_id is not null as claims
       from cards c join unions u on u.id = c.union_id join members m on m.id = c.member_id
       where c.member_id = $1 and c.status = 'pending' for update of c`,
      [input.memberId],
    )
    if (card) {
      assertInScope(caller, card)
      if (card.claims && input.approve) {
        throw new AppError('INVALID_STATE', '该身份证号已有会员卡，不能再发一张。请线下核实身份：如是本人更换了微信，请先在原卡所在工会注销原卡；否则请驳回申请。')
      }
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
      await insertCard(q, { memberId: input.memberId, unionId: t.to_union_id, status: 'active', cardNo, issuedAt: now, decided: { by: caller.userId, at: now } })
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
    if (check.reason === 'early') throw new AppError('QR_EXPIRED', '二维码尚未生效，请会员核对手机时间或联网刷新会员卡')
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
    const card = await activeMember(q, caller.userId, true)
    if (!card) throw new AppError('INVALID_STATE', '只有持有效会员卡的会员才能办理转会')
    if (card.unionId === to.id) throw new AppError('VALIDATION_FAILED', '您已是该工会的会员', { toUnionId: '请选择其他工会' })
    try {
      const [t] = await q.query<{ id: string }>(
        `insert into transfers (member_id, from_card_id, from_union_id, to_union_id) values ($1, $2, $3, $4) returning id`,
        [card.memberId, card.cardId, card.unionId, to.id],
      )
      await audit(q, { actor: caller, action: 'member.transfer', entity: 'transfer', entityId: t.id, unionId: to.id, after: { status: 'pending', from: card.unionId, to: to.id } })
    } catch (e) {
      if (uniqueViolation(e) !== null) throw new AppError('CONFLICT', '您已有一个转会申请正在审核中')
      throw e
    }
    return { status: 'pending' as const, toUnionId: to.id, toUnionName: to.name }
  })
}

// The staff's review queue: pending registrations and transfers in scope, and the decision on one of them.
import type { App } from '../../platform/app'
import { isUuid } from '../../db/sql'
import type { Caller } from '../../platform/caller'
import type { CardStatus, Occupation, PendingItem } from '../../../types/member'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { assertInScope, scopeCondition } from '../../platform/scope'
import { audit } from '../audit/service'
import { tellDecision } from './messages'
import { insertCard, nextCardNo } from './store'

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

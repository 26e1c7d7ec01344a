// A member's request to move their card to another union (decided in review.ts).
import type { App } from '../../platform/app'
import { uniqueViolation } from '../../db'
import { activeMember, type Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { audit } from '../audit/service'
import { getUnion } from '../union/service'

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

// Joining: a registration, issued at once or held for staff review by the union's policy.
import type { App } from '../../platform/app'
import { uniqueViolation } from '../../db'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { shanghai } from '../../platform/time'
import { audit } from '../audit/service'
import { getUnion } from '../union/service'
import { myCard } from './cards'
import { issueModeFor } from './rules'
import { addNotice, holderOf, insertCard, insertMember, LIVE, nextCardNo, updateMember } from './store'

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

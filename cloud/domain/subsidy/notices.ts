// The public notice (公示): applications approved by a union are shown, names masked and incomes never, to the
// members under that union, who may raise one sealed objection each before the file is made.
import type { App } from '../../platform/app'
import { uniqueViolation } from '../../db'
import { isUuid } from '../../db/sql'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { audit } from '../audit/service'
import type { ActionData, ActionOutput } from '../../../types/contract'
import { noticeName } from './rules'
import { requireMember } from './applications'
import { insertObjection, noticeFor, noticesFor } from './store'

export async function notices(app: App, caller: Caller): Promise<ActionOutput<'subsidy', 'notices'>> {
  const m = await requireMember(app, caller.userId)
  const rows = await noticesFor(app.db, m.path, caller.userId)
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

export async function object(app: App, caller: Caller, input: ActionData<'subsidy', 'object'>): Promise<ActionOutput<'subsidy', 'object'>> {
  const m = await requireMember(app, caller.userId)
  const a = isUuid(input.applicationId) ? await noticeFor(app.db, m.path, input.applicationId) : null
  if (!a) throw new AppError('NOT_FOUND', '该公示不存在或已结束')
  if (a.member_id === m.memberId) throw new AppError('FORBIDDEN', '不能对自己的申请提出异议，如需补充材料请联系所在工会')
  if (a.notice_ends_at <= app.now()) throw new AppError('INVALID_STATE', '公示期已结束')
  try {
    await app.db.tx(async (q) => {
      const objectionId = await insertObjection(q, app.sealer, a.id, caller.userId, input.text, app.now())
      // The audit names the record, not the person who objected, nor what they wrote.
      await audit(q, { actor: null, action: 'subsidy.objection', entity: 'subsidy_application', entityId: a.id, unionId: a.union_id, after: { objectionId } })
    })
  } catch (e) {
    if (uniqueViolation(e) === 'subsidy_objections_once') throw new AppError('CONFLICT', '您已反映过该申请的情况，工会会在建档前核实')
    throw e
  }
  return { applicationId: a.id, received: true as const }
}

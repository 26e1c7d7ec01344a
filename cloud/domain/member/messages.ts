// What a member is told when staff decide their card application or transfer.
import type { App } from '../../platform/app'
import type { CardStatus } from '../../../types/member'
import { notify } from '../notify/service'

export async function tellDecision(app: App, memberId: string, d: { status: CardStatus; cardNo: string | null }): Promise<void> {
  const [m] = await app.db.query<{ user_id: string }>('select user_id from members where id = $1', [memberId])
  if (!m) return
  const at = app.now().getTime()
  const message =
    d.status === 'active'
      ? { title: '会员卡已办好', body: d.cardNo ? `卡号 ${d.cardNo}，现在就能用` : '现在就能用' }
      : d.status === 'rejected'
        ? { title: '会员卡申请未通过', body: '点开查看原因，可修改后重新申请' }
        : { title: '会员关系转接有结果了', body: '点开查看您现在的会员卡' }
  await notify(app, m.user_id, { kind: 'card_decided', eventKey: `card:${memberId}:${d.status}:${at}`, page: '/pages/card/index', ...message })
}

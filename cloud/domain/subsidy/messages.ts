// What an applicant is told: each step their application takes, and each payment made to their household.
import type { App } from '../../platform/app'
import { formatYuan } from '../../../types/shop'
import { APPLICATION_STATUS_LABELS } from '../../../types/subsidy-labels'
import type { ApplicationStatus } from '../../../types/subsidy-labels'
import { notify } from '../notify/service'
import { programmeName } from './context'

const MINE = '/packages/subsidy/mine/index'

const STEP_TEXT: Record<ApplicationStatus, string> = {
  submitted: '已提交，等待基层工会初审',
  checked: '初审通过，等待上级工会审批',
  notice: '审批通过，正在公示',
  approved: '公示结束，已建档，可享受帮扶',
  rejected: '未通过，点开查看原因',
}

export async function tellStep(app: App, applicationId: string, status: ApplicationStatus): Promise<void> {
  const [a] = await app.db.query<{ user_id: string }>('select m.user_id from subsidy_applications a join members m on m.id = a.member_id where a.id = $1', [applicationId])
  if (!a) return
  await notify(app, a.user_id, {
    kind: 'subsidy_progress',
    eventKey: `subsidy-step:${applicationId}:${status}`,
    title: `困难帮扶申请：${APPLICATION_STATUS_LABELS[status]}`,
    body: STEP_TEXT[status],
    page: `${MINE}?applicationId=${applicationId}`,
  })
}

export async function tellPaid(app: App, p: { paymentId: string; fileId: string; programme: string; amountFen: number }): Promise<void> {
  const [f] = await app.db.query<{ user_id: string }>('select m.user_id from subsidy_files f join members m on m.id = f.member_id where f.id = $1', [p.fileId])
  if (!f) return
  await notify(app, f.user_id, {
    kind: 'subsidy_progress',
    eventKey: `subsidy-paid:${p.paymentId}`,
    title: `${programmeName(app)(p.programme)}已发放`,
    body: `¥${formatYuan(p.amountFen)}，请注意查收`,
    page: MINE,
  })
}

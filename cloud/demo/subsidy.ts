// Demo hardship relief for the Jianwai street union: a grassroots clerk (demo-staff-gm), a district clerk who
// confirms budget increases (demo-staff-chaoyang), applications at each review step, files (one unchanged for
// a year, one never helped), a plan, a payment, and this year's budgets. Written through the subsidy stores.
import crypto from 'node:crypto'
import type { App } from '../platform/app'
import type { Queryable } from '../db'
import type { HouseholdInput } from '../../types/subsidy'
import type { ApplicationStatus } from '../../types/subsidy-labels'
import { evaluate } from '../domain/subsidy/rules'
import { applicationById, insertApplication, insertReview, updateApplication } from '../domain/subsidy/store'
import { upsertFile, upsertPlan } from '../domain/subsidy/file-store'
import { budgetOf, draw, insertPayment, setBudgetTotal } from '../domain/subsidy/payment-store'
import { shanghai } from '../platform/time'
import { setStaffUnion } from '../domain/admin/service'
import { insertDemoMember, makeIdNumber } from './people'

const yuan = (y: number) => Math.round(y * 100)
const DAY_MS = 86_400_000

type Member = { memberId: string; unionId: string }

async function memberOf(q: Queryable, openid: string): Promise<Member> {
  const [m] = await q.query<{ member_id: string; union_id: string }>(
    `select m.id as member_id, c.union_id from members m join users u on u.id = m.user_id join cards c on c.member_id = m.id where u.openid = $1`,
    [openid],
  )
  return { memberId: m.member_id, unionId: m.union_id }
}

export async function seedSubsidyDemo(app: App): Promise<boolean> {
  return app.db.tx(async (q) => {
    const claimed = await q.query("insert into app_meta (key, value) values ('seed-subsidy', 'demo-v1') on conflict (key) do nothing returning key")
    if (!claimed.length) return false
    const unions = new Map((await q.query<{ code: string; id: string }>('select code, id from unions')).map((u) => [u.code, u.id]))
    if (!unions.has('110105001')) return false // not the demo hierarchy
    const now = app.now()
    const today = shanghai(now).format('YYYY-MM-DD')
    const year = shanghai(now).year()
    const policy = app.policies.subsidy

    const user = async (openid: string) => (await q.query<{ id: string }>('insert into users (openid) values ($1) returning id', [openid]))[0].id
    const gm = await user('demo-staff-gm')
    await setStaffUnion(q, gm, unions.get('110105001001')!, null, now)
    await setStaffUnion(q, await user('demo-staff-chaoyang'), unions.get('110105')!, null, now)
    const [street] = await q.query<{ id: string }>(`select id from users where openid = 'demo-staff'`)

    const budgets: [string, string, number][] = [
      ['110105001', 'comfort_serious', yuan(30_000)],
      ['110105001', 'school_aid', yuan(20_000)],
      ['110105001', 'winter_warmth', yuan(50_000)],
      ['110105001', 'summer_coolness', yuan(6_000)],
      ['110105001', 'relief_purchase', yuan(10_000)],
      ['110105', 'winter_warmth', yuan(300_000)],
      ['110105', 'relief_purchase', yuan(50_000)],
      ['110108001', 'winter_warmth', yuan(20_000)],
    ]
    for (const [code, programme, total] of budgets) await setBudgetTotal(q, unions.get(code)!, programme, year, total)

    const application = async (m: Member, h: HouseholdInput, phone: string, status: ApplicationStatus, at: Date, checkedBy?: string) => {
      const a = await insertApplication(q, app.sealer, {
        memberId: m.memberId,
        unionId: m.unionId,
        requestId: `seed-${crypto.randomBytes(6).toString('hex')}`,
        household: h,
        evaluation: evaluate(policy, h, today),
        evidence: [{ kind: 'income', ref: '单位收入证明（纸质，已交工会）' }],
        phone,
        status,
        checkedBy,
        at,
      })
      if (checkedBy) await insertReview(q, { applicationId: a.id, step: 'check', decision: 'pass', reason: null, reviewerId: checkedBy, reviewerUnionId: unions.get('110105001001')!, at })
      return a.id
    }
    /** An application approved at `at` and the file it became. */
    const filed = async (m: Member, h: HouseholdInput, phone: string, at: Date) => {
      const a = (await applicationById(q, await application(m, h, phone, 'approved', at)))!
      const fileId = await upsertFile(q, a, at)
      await updateApplication(q, a.id, { status: 'approved', noticeEndsAt: null, rejectReason: null, fileId, at })
      return fileId
    }

    // Waiting for the grassroots check.
    const zhang = await insertDemoMember(app, q, { openid: 'demo-m-cleaner', name: '张桂兰', id: makeIdNumber('130184', '19760312', 288), phone: '13671234567', union: '110105001001', occupation: 'property_service', employer: '北京国贸物业管理有限公司' })
    await application(zhang, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2600) }, { relation: 'spouse', monthlyIncomeFen: 0 }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: ['chronic_illness', 'school_costs'] }, '13671234567', 'submitted', new Date(now.getTime() - 2 * DAY_MS))

    // Checked by the company union, waiting for the street union's approval.
    const liu = await insertDemoMember(app, q, { openid: 'demo-m-guard', name: '刘德胜', id: makeIdNumber('410323', '19820706', 173), phone: '13910102020', union: '110105001001', occupation: 'security_guard', employer: '北京国贸物业管理有限公司' })
    await application(
      liu,
      { household: [{ relation: 'self', monthlyIncomeFen: yuan(3800) }, { relation: 'spouse', monthlyIncomeFen: yuan(1500) }, { relation: 'child', monthlyIncomeFen: 0 }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: ['disability'] },
      '13910102020',
      'checked',
      new Date(now.getTime() - 5 * DAY_MS),
      gm,
    )

    // A deep-difficulty file filed 13 months ago: due for re-evaluation; it has a plan and this winter's payment.
    const care = await memberOf(q, 'demo-m-care')
    const heFile = await filed(care, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2200) }, { relation: 'parent', monthlyIncomeFen: yuan(300) }], conditions: ['serious_illness'] }, '13522223333', shanghai(now).subtract(13, 'month').toDate())
    const plan = { goal: '母亲病情稳定、家庭月收入达到最低生活保障标准以上', measures: ['协助申请大病医疗救助', '每季度入户走访一次', '推荐参加养老护理员技能提升培训'], responsible: '王志红', contact: '13800138000' }
    await upsertPlan(q, app.sealer, heFile, { ...plan, nextReviewDate: shanghai(now).add(1, 'month').format('YYYY-MM-DD') }, street.id, now)
    const winter = (await budgetOf(q, unions.get('110105001')!, 'winter_warmth', year))!
    await draw(q, winter.id, yuan(1_000))
    await insertPayment(q, { fileId: heFile, programme: 'winter_warmth', year, amountFen: yuan(1_000), budgetId: winter.id, requestId: 'seed-winter', note: '冬季送温暖入户慰问', paidBy: street.id, at: now })

    // A temporary file in a building union, filed but never helped.
    const wang = await insertDemoMember(app, q, { openid: 'demo-m-editor', name: '王秀珍', id: makeIdNumber('110105', '19880923', 264), phone: '15810203040', union: '110105001002001', occupation: 'office_worker', employer: '北京嘉禾传媒有限公司' })
    await filed(wang, { household: [{ relation: 'self', monthlyIncomeFen: yuan(3000) }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: [] }, '15810203040', new Date(now.getTime() - 40 * DAY_MS))

    // An accident-caused file outside Jianwai (Chaoyang riders' federation).
    const rider = await memberOf(q, 'demo-m-rider')
    await filed(
      rider,
      {
        household: [{ relation: 'self', monthlyIncomeFen: yuan(2000) }, { relation: 'spouse', monthlyIncomeFen: yuan(4000) }],
        conditions: ['accident'],
        event: { kind: 'accident', date: shanghai(now).subtract(60, 'day').format('YYYY-MM-DD'), incomeDropFen: yuan(5000) },
      },
      '15011223344',
      new Date(now.getTime() - 50 * DAY_MS),
    )
    return true
  })
}

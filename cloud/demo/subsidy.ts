// Demo hardship relief for the Jianwai street union: a grassroots clerk (demo-staff-gm), applications at each
// review step, files (one stale, one never helped), a plan, a payment, and this year's budgets.
import crypto from 'node:crypto'
import type { App } from '../platform/app'
import { maskPhone } from '../../types/mask'
import type { HouseholdInput } from '../../types/subsidy'
import { evaluate } from '../domain/subsidy/rules'
import { shanghai } from '../platform/time'
import { setStaffUnion } from '../domain/admin/service'
import { insertDemoMember, makeIdNumber } from './people'

const yuan = (y: number) => Math.round(y * 100)

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

    const [gm] = await q.query<{ id: string }>(`insert into users (openid) values ('demo-staff-gm') returning id`)
    await setStaffUnion(q, gm.id, unions.get('110105001001')!, null, now)
    const [street] = await q.query<{ id: string }>(`select id from users where openid = 'demo-staff'`)

    const budgets: [string, string, number, number][] = [
      ['110105001', 'comfort_serious', yuan(30_000), 0],
      ['110105001', 'school_aid', yuan(20_000), 0],
      ['110105001', 'winter_warmth', yuan(50_000), yuan(1_000)],
      ['110105001', 'summer_coolness', yuan(6_000), 0],
      ['110105001', 'relief_purchase', yuan(10_000), 0],
      ['110105', 'winter_warmth', yuan(300_000), 0],
      ['110105', 'relief_purchase', yuan(50_000), 0],
      ['110108001', 'winter_warmth', yuan(20_000), 0],
    ]
    const budgetId = new Map<string, string>()
    for (const [code, programme, total, spent] of budgets) {
      const [b] = await q.query<{ id: string }>('insert into subsidy_budgets (union_id, programme, year, total_fen, spent_fen) values ($1, $2, $3, $4, $5) returning id', [unions.get(code), programme, year, total, spent])
      budgetId.set(`${code}/${programme}`, b.id)
    }

    const application = async (m: { memberId: string; unionId: string }, h: HouseholdInput, phone: string, status: 'submitted' | 'checked' | 'approved', at: Date, checkedBy?: string) => {
      const ev = evaluate(policy, h, today)
      const [a] = await q.query<{ id: string }>(
        `insert into subsidy_applications (member_id, union_id, request_id, status, category, region, data_enc, household_size, per_capita_fen, conditions, evaluation,
           evidence, phone_enc, phone_masked, checked_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) returning id`,
        [
          m.memberId, m.unionId, `seed-${crypto.randomBytes(6).toString('hex')}`, status, ev.category, ev.region.code,
          app.sealer.encrypt(JSON.stringify({ region: ev.region.code, household: h.household, conditions: h.conditions, event: h.event })),
          ev.householdSize, ev.perCapitaFen, h.conditions, JSON.stringify(ev),
          JSON.stringify([{ kind: 'income', ref: '单位收入证明（纸质，已交工会）' }]), app.sealer.encrypt(phone), maskPhone(phone), checkedBy ?? null, at,
        ],
      )
      if (checkedBy) await q.query(`insert into subsidy_reviews (application_id, step, decision, reviewer_id, reviewer_union_id, created_at) values ($1, 'check', 'pass', $2, $3, $4)`, [a.id, checkedBy, unions.get('110105001001'), at])
      return { id: a.id, ev, h }
    }
    const fileOf = async (m: { memberId: string; unionId: string }, app_: { id: string; ev: ReturnType<typeof evaluate>; h: HouseholdInput }, asOf: Date) => {
      const kind = ['deep', 'relative', 'accident'].includes(app_.ev.category) ? 'formal' : 'temporary'
      const [f] = await q.query<{ id: string }>(
        `insert into subsidy_files (file_no, member_id, union_id, kind, category, region, data_enc, household_size, per_capita_fen, conditions, evaluation, data_as_of, evaluated_at, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12) returning id`,
        [
          `KN${shanghai(asOf).year()}${crypto.randomInt(10 ** 7, 10 ** 8)}`, m.memberId, m.unionId, kind, app_.ev.category, app_.ev.region.code,
          app.sealer.encrypt(JSON.stringify({ region: app_.ev.region.code, household: app_.h.household, conditions: app_.h.conditions, event: app_.h.event })),
          app_.ev.householdSize, app_.ev.perCapitaFen, app_.h.conditions, JSON.stringify(app_.ev), asOf,
        ],
      )
      await q.query(`update subsidy_applications set file_id = $2 where id = $1`, [app_.id, f.id])
      return f.id
    }

    // Waiting for the grassroots check.
    const zhang = await insertDemoMember(app, q, { openid: 'demo-m-cleaner', name: '张桂兰', id: makeIdNumber('130184', '19760312', 288), phone: '13671234567', union: '110105001001', occupation: 'property_service', employer: '北京国贸物业管理有限公司' })
    await application(zhang, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2600) }, { relation: 'spouse', monthlyIncomeFen: 0 }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: ['chronic_illness', 'school_costs'] }, '13671234567', 'submitted', new Date(now.getTime() - 2 * 86_400_000))

    // Checked by the company union, waiting for the street union's approval.
    const liu = await insertDemoMember(app, q, { openid: 'demo-m-guard', name: '刘德胜', id: makeIdNumber('410323', '19820706', 173), phone: '13910102020', union: '110105001001', occupation: 'security_guard', employer: '北京国贸物业管理有限公司' })
    await application(
      liu,
      { household: [{ relation: 'self', monthlyIncomeFen: yuan(3800) }, { relation: 'spouse', monthlyIncomeFen: yuan(1500) }, { relation: 'child', monthlyIncomeFen: 0 }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: ['disability'] },
      '13910102020',
      'checked',
      new Date(now.getTime() - 5 * 86_400_000),
      gm.id,
    )

    // A deep-difficulty file filed 13 months ago: due for re-evaluation; it has a plan and this winter's payment.
    const [care] = await q.query<{ member_id: string; union_id: string }>(`select m.id as member_id, c.union_id from members m join users u on u.id = m.user_id join cards c on c.member_id = m.id where u.openid = 'demo-m-care'`)
    const careM = { memberId: care.member_id, unionId: care.union_id }
    const filed = shanghai(now).subtract(13, 'month').toDate()
    const hA = await application(careM, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2200) }, { relation: 'parent', monthlyIncomeFen: yuan(300) }], conditions: ['serious_illness'] }, '13522223333', 'approved', filed)
    const heFile = await fileOf(careM, hA, filed)
    await q.query(
      `insert into subsidy_plans (file_id, goal, measures, responsible, contact_enc, contact_masked, next_review_date, updated_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [heFile, '母亲病情稳定、家庭月收入达到最低生活保障标准以上', ['协助申请大病医疗救助', '每季度入户走访一次', '推荐参加养老护理员技能提升培训'], '王志红', app.sealer.encrypt('13800138000'), '138****8000', shanghai(now).add(1, 'month').format('YYYY-MM-DD'), street.id],
    )
    await q.query(
      `insert into subsidy_payments (file_id, programme, year, amount_fen, budget_id, request_id, note, paid_by, created_at) values ($1, 'winter_warmth', $2, $3, $4, 'seed-winter', '冬季送温暖入户慰问', $5, $6)`,
      [heFile, year, yuan(1_000), budgetId.get('110105001/winter_warmth'), street.id, now],
    )

    // A temporary file in a building union, filed but never helped.
    const wang = await insertDemoMember(app, q, { openid: 'demo-m-editor', name: '王秀珍', id: makeIdNumber('110105', '19880923', 264), phone: '15810203040', union: '110105001002001', occupation: 'office_worker', employer: '北京嘉禾传媒有限公司' })
    const wA = await application(wang, { household: [{ relation: 'self', monthlyIncomeFen: yuan(3000) }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: [] }, '15810203040', 'approved', new Date(now.getTime() - 40 * 86_400_000))
    await fileOf(wang, wA, new Date(now.getTime() - 40 * 86_400_000))

    // An accident-caused file outside Jianwai (Chaoyang riders' federation).
    const [rider] = await q.query<{ member_id: string; union_id: string }>(`select m.id as member_id, c.union_id from members m join users u on u.id = m.user_id join cards c on c.member_id = m.id where u.openid = 'demo-m-rider'`)
    const riderM = { memberId: rider.member_id, unionId: rider.union_id }
    const rA = await application(
      riderM,
      {
        household: [{ relation: 'self', monthlyIncomeFen: yuan(2000) }, { relation: 'spouse', monthlyIncomeFen: yuan(4000) }],
        conditions: ['accident'],
        event: { kind: 'accident', date: shanghai(now).subtract(60, 'day').format('YYYY-MM-DD'), incomeDropFen: yuan(5000) },
      },
      '15011223344',
      'approved',
      new Date(now.getTime() - 50 * 86_400_000),
    )
    await fileOf(riderM, rA, new Date(now.getTime() - 50 * 86_400_000))
    return true
  })
}

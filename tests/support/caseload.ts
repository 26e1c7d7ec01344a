// A hardship caseload for the subsidy and console tests, built on the fixtures' union tree: households at
// each step of review, files old and new, inside and outside the Jianwai street union, and this year's budgets.
import { evaluate } from '../../cloud/domain/subsidy/rules'
import { insertApplication, insertReview } from '../../cloud/domain/subsidy/store'
import { budgetOf, draw, insertPayment } from '../../cloud/domain/subsidy/payment-store'
import { upsertPlan } from '../../cloud/domain/subsidy/file-store'
import { shanghai } from '../../cloud/platform/time'
import type { HouseholdInput } from '../../types/subsidy'
import { cardHolder, staffUser, union, unionIdOf, type PersonSpec } from './fixtures'
import { rid } from './shop'
import type { TestApp } from './app'
import { budget, filedHousehold } from './subsidy'

const yuan = (y: number) => Math.round(y * 100)
const DAY_MS = 86_400_000

export const CASES = {
  /** Deep difficulty, filed 13 months ago (due for re-evaluation), with a plan, paid 1,000 yuan of winter warmth this year. */
  care: { openid: 'case-care', name: '何秀英', union: '110105001003', phone: '13522223333', occupation: 'care_worker' },
  /** A temporary file in a building union, filed 40 days ago, never helped. */
  editor: { openid: 'case-editor', name: '王秀珍', union: '110105001002001', phone: '15810203040', occupation: 'office_worker' },
  /** An application waiting for the company union's check. */
  cleaner: { openid: 'case-cleaner', name: '张桂兰', union: '110105001001', phone: '13671234567', occupation: 'property_service' },
  /** An application the company union checked, waiting for the street union. */
  guard: { openid: 'case-guard', name: '刘德胜', union: '110105001001', phone: '13910102020', occupation: 'security_guard' },
  /** An accident file outside Jianwai (the Chaoyang riders' federation). */
  rider: { openid: 'case-rider', name: '周晓东', union: '110105901001', phone: '15011223344', occupation: 'food_delivery' },
} satisfies Record<string, PersonSpec & { openid: string }>

/** Writes the caseload; `checkedBy` is the company union clerk (openid) who checked 刘德胜's application. */
export async function caseload(t: Pick<TestApp, 'app'>, checkedBy: string): Promise<void> {
  await union(t, { code: '110105001002', name: '建外SOHO楼宇工会联合会', level: 'federation', parent: '110105001', district: '朝阳区', accepts: true })
  await union(t, { code: '110105001002001', name: '北京嘉禾传媒有限公司工会', level: 'grassroots', parent: '110105001002', district: '朝阳区' })
  await union(t, { code: '110105901', name: '朝阳区网约配送员工会联合会', level: 'federation', parent: '110105', district: '朝阳区', accepts: true })
  await union(t, { code: '110105901001', name: '美团外卖朝阳站点联合工会', level: 'grassroots', parent: '110105901', district: '朝阳区' })
  // The street union's budgets for what the tests pay, and one of Haidian's own.
  for (const [programme, yuanTotal] of [['comfort_serious', 30_000], ['winter_warmth', 50_000], ['relief_purchase', 10_000]] as const) await budget(t, '110105001', programme, yuan(yuanTotal))
  await budget(t, '110108001', 'winter_warmth', yuan(20_000))

  const now = t.app.now()
  const person = ({ openid, ...p }: (typeof CASES)[keyof typeof CASES]) => cardHolder(t, openid, p)
  const applied = async (c: (typeof CASES)[keyof typeof CASES], household: HouseholdInput, at: Date, checker?: string) => {
    const m = await person(c)
    const evaluation = evaluate(t.app.policies.subsidy, household, shanghai(now).format('YYYY-MM-DD'))
    const evidence = [{ kind: 'income' as const, ref: '单位收入证明（纸质，已交工会）' }]
    const a = await insertApplication(t.app.db, t.app.sealer, { ...m, requestId: rid(), household, evaluation, evidence, phone: c.phone, status: checker ? 'checked' : 'submitted', checkedBy: checker, at })
    if (checker) await insertReview(t.app.db, { applicationId: a.id, step: 'check', decision: 'pass', reason: null, reviewerId: checker, reviewerUnionId: m.unionId, at })
  }
  await applied(CASES.cleaner, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2600) }, { relation: 'spouse', monthlyIncomeFen: 0 }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: ['chronic_illness', 'school_costs'] }, new Date(now.getTime() - 2 * DAY_MS))
  const gm = await staffUser(t, checkedBy, '110105001001')
  const guardHousehold: HouseholdInput = { household: [{ relation: 'self', monthlyIncomeFen: yuan(3800) }, { relation: 'spouse', monthlyIncomeFen: yuan(1500) }, { relation: 'child', monthlyIncomeFen: 0 }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: ['disability'] }
  await applied(CASES.guard, guardHousehold, new Date(now.getTime() - 5 * DAY_MS), gm)

  const care = await person(CASES.care)
  const heFile = await filedHousehold(t, care, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2200) }, { relation: 'parent', monthlyIncomeFen: yuan(300) }], conditions: ['serious_illness'] }, CASES.care.phone, shanghai(now).subtract(13, 'month').toDate())
  const plan = { goal: '母亲病情稳定、家庭月收入达到最低生活保障标准以上', measures: ['协助申请大病医疗救助', '每季度入户走访一次'], responsible: '王志红', contact: '13800138000' }
  await upsertPlan(t.app.db, t.app.sealer, heFile, { ...plan, nextReviewDate: shanghai(now).add(1, 'month').format('YYYY-MM-DD') }, gm, now)
  const year = shanghai(now).year()
  const winter = (await budgetOf(t.app.db, await unionIdOf(t, '110105001'), 'winter_warmth', year))!
  await draw(t.app.db, winter.id, yuan(1_000))
  await insertPayment(t.app.db, { fileId: heFile, programme: 'winter_warmth', year, amountFen: yuan(1_000), budgetId: winter.id, requestId: rid(), note: '冬季送温暖入户慰问', at: now })

  const editor = await person(CASES.editor)
  await filedHousehold(t, editor, { household: [{ relation: 'self', monthlyIncomeFen: yuan(3000) }, { relation: 'child', monthlyIncomeFen: 0 }], conditions: [] }, CASES.editor.phone, new Date(now.getTime() - 40 * DAY_MS))
  const rider = await person(CASES.rider)
  const accident = { kind: 'accident' as const, date: shanghai(now).subtract(60, 'day').format('YYYY-MM-DD'), incomeDropFen: yuan(5000) }
  await filedHousehold(t, rider, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2000) }, { relation: 'spouse', monthlyIncomeFen: yuan(4000) }], conditions: ['accident'], event: accident }, CASES.rider.phone, new Date(now.getTime() - 50 * DAY_MS))
}

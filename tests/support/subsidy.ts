// Fixture builders for hardship-relief tests: households, applications, and staff who are members too.
import { setStaffUnion } from '../../cloud/domain/admin/service'
import { evaluate } from '../../cloud/domain/subsidy/rules'
import { applicationById, insertApplication } from '../../cloud/domain/subsidy/store'
import { upsertFile } from '../../cloud/domain/subsidy/file-store'
import { setBudgetTotal } from '../../cloud/domain/subsidy/payment-store'
import { shanghai } from '../../cloud/platform/time'
import type { HouseholdInput } from '../../types/subsidy'
import { login, type TestApp } from './app'
import { cardHolder, idNumber, unionIdOf } from './fixtures'
import { rid } from './shop'

const yuan = (y: number) => Math.round(y * 100)

/** 3 people, 3,000 yuan a month: 1,000 per head, below Beijing's 1,320, with a serious illness: deep difficulty. */
export const DEEP = {
  household: [
    { relation: 'self', monthlyIncomeFen: yuan(2000) },
    { relation: 'spouse', monthlyIncomeFen: yuan(1000) },
    { relation: 'child', monthlyIncomeFen: 0 },
  ],
  conditions: ['serious_illness', 'school_costs'],
}

export const application = (extra: Record<string, unknown> = {}) => ({ ...DEEP, requestId: rid(), phone: '13811112222', evidence: [{ kind: 'medical', ref: '北京协和医院诊断证明 2026-10-12' }], ...extra })

export const unionId = unionIdOf

let seq = 500

/**
 * A person who holds an active card in `memberUnion` and, when `staffUnion` is given, works as staff of it:
 * the clerk whose own hardship case four eyes must keep them from deciding. Returns their login token.
 */
export async function person(t: TestApp, openid: string, o: { name: string; phone: string; memberUnion: string; staffUnion?: string }) {
  const m = await cardHolder(t, openid, {
    name: o.name,
    id: idNumber('110105', '19860101', seq++),
    phone: o.phone,
    union: o.memberUnion,
    occupation: 'property_service',
    employer: '北京国贸物业管理有限公司',
  })
  if (o.staffUnion) await setStaffUnion(t.app.db, m.userId, await unionId(t, o.staffUnion), null, t.app.now())
  return { ...m, token: await login(t, openid) }
}

/** A household filed as the review leaves it (an approved application and its file, filed `at`), written through the subsidy stores. */
export async function filedHousehold(t: Pick<TestApp, 'app'>, m: { memberId: string; unionId: string }, household: HouseholdInput, phone = '13800138000', at?: Date): Promise<string> {
  const now = t.app.now()
  const filedAt = at ?? now
  const a = await insertApplication(t.app.db, t.app.sealer, {
    memberId: m.memberId,
    unionId: m.unionId,
    requestId: rid(),
    household,
    evaluation: evaluate(t.app.policies.subsidy, household, shanghai(now).format('YYYY-MM-DD')),
    evidence: [],
    phone,
    status: 'approved',
    at: filedAt,
  })
  return upsertFile(t.app.db, (await applicationById(t.app.db, a.id))!, filedAt)
}

/** This year's budget (Asia/Shanghai) of a programme at the union with this code. */
export async function budget(t: Pick<TestApp, 'app'>, unionCode: string, programme: string, totalFen: number): Promise<void> {
  await setBudgetTotal(t.app.db, await unionIdOf(t, unionCode), programme, shanghai(t.app.now()).year(), totalFen)
}

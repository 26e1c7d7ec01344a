// Hardship categories at, just below and just above every threshold of the Beijing policy, and each exclusion;
// the review steps with four eyes, budget changes, the checkout subsidy and the fall-back risk as pure decisions.
import { loadPolicies, type SubsidyPolicy } from '../../config/policies'
import { dayNumber, evaluate, noticeName, paymentRefusal } from '../../cloud/domain/subsidy/rules'
import { canAct, isOwnCase, reviewOutcome, reviewStep, type Reviewer } from '../../cloud/domain/subsidy/review-rules'
import { budgetChange, changeDecision, checkoutAmount } from '../../cloud/domain/subsidy/money-rules'
import { riskReasons } from '../../cloud/domain/subsidy/monitor-rules'
import type { HouseholdInput } from '../../types/subsidy'
import type { Condition, Relation } from '../../types/subsidy-labels'

const policy = loadPolicies().subsidy
const TODAY = '2026-11-25'
const daysAgo = (n: number) => new Date((dayNumber(TODAY)! - n) * 86_400_000).toISOString().slice(0, 10)

// Beijing: standard 1,320 yuan, relative bound 1.5x = 1,980 yuan, accident cap 3x = 3,960 yuan per person per month.
const S = 132000
const B = 198000
const CAP = 396000

function household(incomes: number[], conditions: Condition[] = [], event?: HouseholdInput['event']): HouseholdInput {
  const relations: Relation[] = ['self', 'spouse', 'child', 'parent', 'child']
  return { household: incomes.map((monthlyIncomeFen, i) => ({ relation: relations[i], monthlyIncomeFen })), conditions, event }
}

const ILL: Condition[] = ['serious_illness']

describe('hardship category thresholds (Beijing policy)', () => {
  it('should use the 2022 Beijing standard and the 1.5 multiple', () => {
    expect(policy.regions['110000'].minLivingFen).toBe(S)
    expect(Math.round(S * policy.regions['110000'].relativeMultiple)).toBe(B)
  })

  const table: [string, HouseholdInput, string][] = [
    // minimum-living standard
    ['one person, 1 fen below the standard, ill', household([S - 1], ILL), 'deep'],
    ['one person, at the standard, ill', household([S], ILL), 'relative'],
    ['one person, 1 fen above the standard, ill', household([S + 1], ILL), 'relative'],
    ['no income at all, disabled', household([0], ['disability']), 'deep'],
    // per capita is total over size, decided without rounding
    ['two people, per capita 1,319.995 yuan, school costs', household([S * 2 - 1, 0], ['school_costs']), 'deep'],
    ['two people, per capita exactly the standard', household([S, S], ['school_costs']), 'relative'],
    ['three people, 3,959.99 yuan in total', household([S * 3 - 1, 0, 0], ['chronic_illness']), 'deep'],
    ['three people, 3,960.00 yuan in total', household([S * 3, 0, 0], ['chronic_illness']), 'relative'],
    // relative bound
    ['1 fen below the relative bound, ill', household([B - 1], ILL), 'relative'],
    ['at the relative bound, ill', household([B], ILL), 'none'],
    ['1 fen above the relative bound, ill', household([B + 1], ILL), 'none'],
    // exclusion: no hardship condition
    ['below the standard, no condition', household([S - 1]), 'temporary'],
    ['1 fen below the relative bound, no condition', household([B - 1]), 'temporary'],
    ['at the relative bound, no condition', household([B]), 'none'],
    // accident: window
    ['sharp drop 180 days ago (window edge)', household([350000, 350000], [], { kind: 'accident', date: daysAgo(180), incomeDropFen: 300000 }), 'accident'],
    ['sharp drop 181 days ago (outside window)', household([350000, 350000], [], { kind: 'accident', date: daysAgo(181), incomeDropFen: 300000 }), 'none'],
    ['sharp drop today', household([350000, 350000], [], { kind: 'job_loss', date: TODAY, incomeDropFen: 300000 }), 'accident'],
    // accident: income drop ratio 30% of pre-event income
    ['drop exactly 30% of pre-event income', household([350000, 350000], [], { kind: 'accident', date: daysAgo(10), incomeDropFen: 300000 }), 'accident'],
    ['drop 1 fen under 30%', household([350000, 349999], [], { kind: 'accident', date: daysAgo(10), incomeDropFen: 299999 }), 'none'],
    ['drop above 30%', household([350000, 350000], [], { kind: 'accident', date: daysAgo(10), incomeDropFen: 400000 }), 'accident'],
    // accident: extra expense of 3 months' household income
    ['expense exactly 3 months of income', household([350000, 350000], [], { kind: 'serious_illness', date: daysAgo(30), extraExpenseFen: 2100000 }), 'accident'],
    ['expense 1 fen under 3 months', household([350000, 350000], [], { kind: 'serious_illness', date: daysAgo(30), extraExpenseFen: 2099999 }), 'none'],
    ['expense with no household income', household([0, 0], [], { kind: 'disaster', date: daysAgo(3), extraExpenseFen: 1 }), 'accident'],
    ['an event with neither drop nor expense', household([350000, 350000], [], { kind: 'other', date: daysAgo(3) }), 'none'],
    // accident: per-capita cap (3x standard)
    ['1 fen below the accident cap', household([CAP - 1], [], { kind: 'accident', date: daysAgo(5), incomeDropFen: CAP }), 'accident'],
    ['at the accident cap', household([CAP], [], { kind: 'accident', date: daysAgo(5), incomeDropFen: CAP }), 'none'],
    // precedence: deep and relative come before accident; a non-sharp event below the bound stays temporary
    ['deep household with a sharp event', household([S - 1], ILL, { kind: 'accident', date: daysAgo(5), incomeDropFen: S }), 'deep'],
    ['relative household with a sharp event', household([S], ILL, { kind: 'accident', date: daysAgo(5), incomeDropFen: S }), 'relative'],
    ['below the bound, event outside window, no condition', household([S], [], { kind: 'accident', date: daysAgo(400), incomeDropFen: S }), 'temporary'],
  ]

  it.each(table)('%s -> %s', (_name, input, expected) => {
    const ev = evaluate(policy, input, TODAY)
    expect(ev.category).toBe(expected)
    // Exactly one rule decided, and the explanation carries the numbers compared.
    expect(ev.reasons.filter((r) => r.decisive)).toHaveLength(1)
    expect(ev.decision).toContain(ev.category === 'accident' ? '意外致困' : `¥`)
  })

  it('should explain a deep-difficulty decision with the numbers compared', () => {
    const ev = evaluate(policy, household([200000, 100000, 0], ['school_costs']), TODAY)
    expect(ev).toMatchObject({ category: 'deep', label: '深度困难', householdSize: 3, totalIncomeFen: 300000, perCapitaFen: 100000, standardFen: S, relativeBoundFen: B })
    const byRule = Object.fromEntries(ev.reasons.map((r) => [r.rule, r]))
    expect(byRule.per_capita_income.text).toBe('家庭月收入合计 ¥3,000.00，共 3 人，人均月收入 ¥1,000.00')
    expect(byRule.income_below_standard).toMatchObject({ passed: true, decisive: true })
    expect(byRule.income_below_standard.text).toContain('¥1,320.00')
    expect(byRule.hardship_condition.text).toContain('子女教育费用负担重')
    expect(ev.decision).toMatch(/人均月收入 ¥1,000\.00 低于北京市最低生活保障标准 ¥1,320\.00/)
  })

  it('should say which rule failed when not eligible', () => {
    const ev = evaluate(policy, household([B], ILL), TODAY)
    const decisive = ev.reasons.find((r) => r.decisive)!
    expect(decisive).toMatchObject({ rule: 'income_below_relative_bound', passed: false })
    expect(decisive.text).toContain('不低于相对困难标准上限 ¥1,980.00')
    expect(ev.programmes).toEqual([])
  })

  it('should show the accident figures: days since, share of income lost', () => {
    const ev = evaluate(policy, household([350000, 349999], [], { kind: 'accident', date: daysAgo(10), incomeDropFen: 299999 }), TODAY)
    const sharp = ev.reasons.find((r) => r.rule === 'event_sharp')!
    expect(sharp.passed).toBe(false)
    expect(sharp.text).toContain('需达到 30%')
    expect(ev.reasons.find((r) => r.rule === 'event_in_window')!.text).toContain('距今 10 天')
  })

  it('should ignore conditions a region does not count, and say so', () => {
    const custom: SubsidyPolicy = loadPolicies({
      subsidy: {
        ...policy,
        regions: { ...policy.regions, '120000': { ...policy.regions['110000'], name: '天津市', minLivingFen: 101000, conditions: ['serious_illness', 'disability'] } },
      },
    }).subsidy
    const ev = evaluate(custom, { ...household([100000], ['epidemic_income_loss']), region: '120000' }, TODAY)
    expect(ev.category).toBe('temporary')
    expect(ev.region).toEqual({ code: '120000', name: '天津市' })
    expect(ev.reasons.find((r) => r.rule === 'conditions_not_counted')!.text).toContain('不在天津市认定的困难情形之内')
    // The same household in Beijing counts the lockdown income loss.
    expect(evaluate(custom, household([100000], ['epidemic_income_loss']), TODAY).category).toBe('deep')
  })

  it('should refuse an unknown region, a future event and an impossible date', () => {
    expect(() => evaluate(policy, { ...household([1]), region: '999999' }, TODAY)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(() => evaluate(policy, household([1], [], { kind: 'accident', date: '2026-11-26', incomeDropFen: 1 }), TODAY)).toThrow('不能晚于今天')
    expect(() => evaluate(policy, household([1], [], { kind: 'accident', date: '2026-02-30', incomeDropFen: 1 }), TODAY)).toThrow('不是有效日期')
  })

  it('should list the programmes a household likely qualifies for, with why', () => {
    const deepSchool = evaluate(policy, household([0, 0], ['school_costs']), TODAY).programmes.map((p) => p.id)
    expect(deepSchool).toEqual(['school_aid', 'winter_warmth', 'summer_coolness', 'relief_purchase'])
    const ill = evaluate(policy, household([S], ['serious_illness']), TODAY).programmes
    expect(ill.map((p) => p.id)).toContain('comfort_serious')
    expect(ill.find((p) => p.id === 'comfort_serious')!.why).toContain('本人或家庭成员患重大疾病')
    const temporary = evaluate(policy, household([S]), TODAY).programmes.map((p) => p.id)
    expect(temporary).toEqual(['winter_warmth', 'summer_coolness'])
  })
})

describe('programme caps, frequency and season', () => {
  const p = (id: string) => policy.programmes.find((x) => x.id === id)!
  it('should pay within the yearly count and cap, in season, to eligible files', () => {
    expect(paymentRefusal(p('winter_warmth'), 'deep', [], { count: 0, sumFen: 0 }, 100000, 12)).toBeNull()
    expect(paymentRefusal(p('winter_warmth'), 'deep', [], { count: 1, sumFen: 100000 }, 100000, 12)).toMatchObject({ code: 'QUOTA_FULL' })
    expect(paymentRefusal(p('winter_warmth'), 'deep', [], { count: 0, sumFen: 0 }, 100000, 7)).toMatchObject({ code: 'NOT_ELIGIBLE', message: expect.stringContaining('不在发放期') })
    expect(paymentRefusal(p('winter_warmth'), 'none', [], { count: 0, sumFen: 0 }, 100000, 12)).toMatchObject({ code: 'NOT_ELIGIBLE' })
    // school aid: twice a year up to 4,000 yuan, only with school costs
    expect(paymentRefusal(p('school_aid'), 'relative', ['school_costs'], { count: 1, sumFen: 200000 }, 200000, 9)).toBeNull()
    expect(paymentRefusal(p('school_aid'), 'relative', ['school_costs'], { count: 1, sumFen: 200000 }, 200001, 9)).toMatchObject({ code: 'QUOTA_FULL' })
    expect(paymentRefusal(p('school_aid'), 'relative', ['disability'], { count: 0, sumFen: 0 }, 200000, 9)).toMatchObject({ code: 'NOT_ELIGIBLE' })
  })

  it('should reject a policy whose programme pays more than its cap', () => {
    const bad = { ...policy, programmes: [{ ...policy.programmes[0], amountFen: policy.programmes[0].capFenPerYear + 1 }] }
    expect(() => loadPolicies({ subsidy: bad })).toThrow(/Invalid policy subsidy/)
  })
})

describe('public notice names', () => {
  it('should keep the first and last character and hide the rest', () => {
    expect(['李建国', '王芳', '欧阳娜娜', '买买提·艾力'].map(noticeName)).toEqual(['李*国', '王*', '欧**娜', '买****力'])
  })
})

describe('review steps and four eyes', () => {
  const now = new Date('2026-11-25T02:00:00Z')
  const street: Reviewer = { userId: 'street', isAdmin: false, level: 'street', ownCase: false }
  const clerk: Reviewer = { userId: 'clerk', isAdmin: false, level: 'grassroots', ownCase: false }
  const checked = { status: 'checked' as const, checked_by: 'other', notice_ends_at: null }

  it('should count the applicant and anyone sharing the household’s phone as the case’s own people', () => {
    const c = { userId: 'u-applicant', phoneHashes: ['p-own', 'p-contact'] }
    expect(isOwnCase({ userId: 'u-applicant', phoneHash: null }, c)).toBe(true)
    expect(isOwnCase({ userId: 'u-spouse', phoneHash: 'p-contact' }, c)).toBe(true)
    expect(isOwnCase({ userId: 'u-clerk', phoneHash: 'p-else' }, c)).toBe(false)
    expect(isOwnCase({ userId: 'u-clerk', phoneHash: null }, c)).toBe(false)
  })

  it('should offer nothing on one’s own case and refuse every step of it', () => {
    const own = { ...street, ownCase: true }
    expect(canAct(street, checked, now)).toBe('approve')
    expect(canAct(own, checked, now)).toBeNull()
    expect(canAct({ ...clerk, ownCase: true }, { status: 'submitted', checked_by: null, notice_ends_at: null }, now)).toBeNull()
    expect(reviewStep(own, checked, 'approve', now)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本人或家庭成员') })
    expect(reviewStep(street, checked, 'approve', now)).toBe('approve')
    expect(reviewStep(street, { ...checked, checked_by: 'street' }, undefined, now)).toMatchObject({ code: 'FORBIDDEN', message: '核实与审批须由不同的工作人员办理' })
    expect(reviewStep(clerk, checked, undefined, now)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('街道') })
    expect(reviewStep(street, checked, 'check', now)).toMatchObject({ code: 'CONFLICT' })
  })

  it('should open the notice on approval and file only when it has ended', () => {
    expect(reviewOutcome('approve', 'pass', null, now, 5)).toEqual({ status: 'notice', noticeEndsAt: new Date(now.getTime() + 5 * 86_400_000), files: false })
    expect(reviewOutcome('notice', 'pass', now, now, 5)).toMatchObject({ status: 'approved', files: true })
    expect(reviewOutcome('check', 'reject', null, now, 5)).toMatchObject({ status: 'rejected', files: false })
    expect(reviewStep(street, { status: 'notice', checked_by: 'other', notice_ends_at: new Date(now.getTime() + 1) }, 'finalize', now)).toMatchObject({ code: 'INVALID_STATE' })
  })
})

describe('budget changes', () => {
  it('should apply a cut at once, refuse one below what was paid, and hold an increase for a second person', () => {
    expect(budgetChange({ totalFen: 5000, spentFen: 1000 }, 2000)).toBe('apply')
    expect(budgetChange({ totalFen: 5000, spentFen: 1000 }, 999)).toEqual({ refusal: '预算不能少于已发放的 ¥10.00' })
    expect(budgetChange({ totalFen: 5000, spentFen: 1000 }, 5001)).toBe('request')
    expect(budgetChange(null, 1)).toBe('request')
    expect(budgetChange(null, 0)).toBe('apply')
  })

  it('should let only another person in the proposer’s union or above confirm', () => {
    const change = { requestedBy: 'street-1', requesterPath: '/bj/cy/jw/' }
    expect(changeDecision({ userId: 'street-1', isAdmin: false, path: '/bj/cy/jw/' }, change)).toBe('withdraw')
    expect(changeDecision({ userId: 'street-2', isAdmin: false, path: '/bj/cy/jw/' }, change)).toBe('confirm')
    expect(changeDecision({ userId: 'district', isAdmin: false, path: '/bj/cy/' }, change)).toBe('confirm')
    expect(changeDecision({ userId: 'grassroots', isAdmin: false, path: '/bj/cy/jw/gm/' }, change)).toBeNull()
    expect(changeDecision({ userId: 'other-street', isAdmin: false, path: '/bj/cy/wj/' }, change)).toBeNull()
    expect(changeDecision({ userId: 'admin', isAdmin: true, path: null }, change)).toBe('confirm')
    // An admin's increase needs another admin.
    expect(changeDecision({ userId: 'district', isAdmin: false, path: '/bj/' }, { requestedBy: 'admin', requesterPath: null })).toBeNull()
    expect(changeDecision({ userId: 'admin-2', isAdmin: true, path: null }, { requestedBy: 'admin', requesterPath: null })).toBe('confirm')
  })
})

describe('relief-purchase subsidy at checkout', () => {
  const p = policy.programmes.find((x) => x.kind === 'checkout')!
  it('should take the smallest of half the order, the relief goods, what is left of the cap and of the budget', () => {
    expect(checkoutAmount(p, { payableFen: 10000, reliefFen: 10000 }, 0, 1_000_000)).toEqual({ fen: 5000 })
    expect(checkoutAmount(p, { payableFen: 10000, reliefFen: 3000 }, 0, 1_000_000)).toEqual({ fen: 3000 })
    expect(checkoutAmount(p, { payableFen: 10000, reliefFen: 10000 }, p.capFenPerYear - 100, 1_000_000)).toEqual({ fen: 100 })
    expect(checkoutAmount(p, { payableFen: 10000, reliefFen: 10000 }, 0, 42)).toEqual({ fen: 42 })
    expect(checkoutAmount(p, { payableFen: 10000, reliefFen: 0 }, 0, 1_000_000)).toMatchObject({ refusal: expect.stringContaining('只能用于购买消费帮扶') })
    expect(checkoutAmount(p, { payableFen: 10000, reliefFen: 10000 }, p.capFenPerYear, 1_000_000)).toMatchObject({ refusal: expect.stringContaining('已用完') })
  })
})

describe('risk of falling back', () => {
  const file = { status: 'archived', region: '110000', perCapitaFen: B, conditions: ['disability'] as Condition[] }
  it('should flag an archived household within 20% above the relative bound, and not at 20%', () => {
    expect(riskReasons(policy, { ...file, perCapitaFen: Math.round(B * 1.2) - 1 }, null)).toHaveLength(1)
    expect(riskReasons(policy, { ...file, perCapitaFen: Math.round(B * 1.2) }, null)).toEqual([])
    expect(riskReasons(policy, { ...file, status: 'active' }, null)).toEqual([])
  })
  it('should flag a newer application with lower income or a new condition', () => {
    const active = { ...file, status: 'active', perCapitaFen: 150000 }
    expect(riskReasons(policy, active, { perCapitaFen: 50000, conditions: ['disability'] })).toEqual(['新申请显示人均月收入由 ¥1500.00 降至 ¥500.00'])
    expect(riskReasons(policy, active, { perCapitaFen: 150000, conditions: ['disability', 'job_loss'] })).toEqual(['新申请报告了新的困难情形'])
  })
})

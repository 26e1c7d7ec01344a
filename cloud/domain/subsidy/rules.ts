// Hardship categories as pure functions of the household and the policy, with the explanation a member reads.
// All money is integer fen and every threshold comparison is done in integers, so "at the line" is exact.
import type { Programme, SubsidyPolicy, SubsidyRegion } from '../../../config/policies'
import type { Evaluation, HouseholdInput, ProgrammeOffer, Reason } from '../../../types/subsidy'
import { CATEGORY_LABELS, CONDITION_LABELS, yuan, type Condition, type SubsidyCategory } from '../../../types/subsidy-labels'
import { AppError } from '../../platform/errors'

const DAY_MS = 86_400_000

/** Days since the epoch for a real calendar date 'YYYY-MM-DD', or null for e.g. 2026-02-30. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const d = new Date(t)
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null
  return t / DAY_MS
}

const bp = (ratio: number) => Math.round(ratio * 10_000)
const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`
const times = (x: number) => `${Math.round(x * 100) / 100} 倍`
const money = (fen: number) => `¥${yuan(fen)}`

function regionOf(policy: SubsidyPolicy, code?: string): { code: string; region: SubsidyRegion } {
  const c = code ?? policy.defaultRegion
  const region = policy.regions[c]
  if (!region) throw new AppError('VALIDATION_FAILED', '暂不支持该地区的困难认定，请选择您参保或工作所在地区', { region: '暂不支持该地区' })
  return { code: c, region }
}

function monthsText(months: number[] | null): string {
  return months ? `每年 ${months.join('、')} 月发放` : '全年可申请'
}

/** Programmes a household of this category and these counted conditions may ask for, with why. */
function offers(policy: SubsidyPolicy, category: SubsidyCategory, counted: Condition[]): ProgrammeOffer[] {
  const out: ProgrammeOffer[] = []
  for (const p of policy.programmes) {
    if (!p.categories.includes(category)) continue
    const matched = p.anyCondition ? counted.filter((c) => p.anyCondition!.includes(c)) : []
    if (p.anyCondition && matched.length === 0) continue
    const because = matched.length ? `，且${matched.map((c) => CONDITION_LABELS[c]).join('、')}` : ''
    out.push({
      id: p.id,
      name: p.name,
      kind: p.kind,
      amountFen: p.amountFen,
      capFenPerYear: p.capFenPerYear,
      maxTimesPerYear: p.maxTimesPerYear,
      months: p.months,
      why: `您属于${CATEGORY_LABELS[category]}${because}；${monthsText(p.months)}，每年最多 ${money(p.capFenPerYear)}`,
    })
  }
  return out
}

export function findProgramme(policy: SubsidyPolicy, id: string): Programme {
  const p = policy.programmes.find((x) => x.id === id)
  if (!p) throw new AppError('VALIDATION_FAILED', '未知的帮扶项目', { programme: '未知的帮扶项目' })
  return p
}

/**
 * Decides the category: deep, then relative, then accident-caused, then temporary, else none.
 * `today` is the business date (Asia/Shanghai) 'YYYY-MM-DD'.
 */
export function evaluate(policy: SubsidyPolicy, input: HouseholdInput, today: string): Evaluation {
  const { code, region } = regionOf(policy, input.region)
  const size = input.household.length
  const total = input.household.reduce((s, m) => s + m.monthlyIncomeFen, 0)
  const perCapita = Math.floor(total / size)
  const S = region.minLivingFen
  const B = Math.round(S * region.relativeMultiple)
  const cap = Math.round(S * region.accident.maxPerCapitaMultiple)

  // floor(total / size) < X  <=>  total < X * size, for integer X: no rounding decides a case.
  const belowStandard = total < S * size
  const belowBound = total < B * size
  const counted = input.conditions.filter((c) => region.conditions.includes(c))
  const ignored = input.conditions.filter((c) => !region.conditions.includes(c))
  const hasCondition = counted.length > 0

  const reasons: Reason[] = []
  const add = (rule: string, passed: boolean, text: string) => reasons.push({ rule, passed, text, decisive: false })
  add('per_capita_income', true, `家庭月收入合计 ${money(total)}，共 ${size} 人，人均月收入 ${money(perCapita)}`)
  add(
    'income_below_standard',
    belowStandard,
    `人均月收入 ${money(perCapita)} ${belowStandard ? '低于' : '不低于'}${region.name}最低生活保障标准 ${money(S)}`,
  )
  add(
    'income_below_relative_bound',
    belowBound,
    `人均月收入 ${money(perCapita)} ${belowBound ? '低于' : '不低于'}相对困难标准上限 ${money(B)}（最低生活保障标准的 ${times(region.relativeMultiple)}）`,
  )
  add(
    'hardship_condition',
    hasCondition,
    hasCondition ? `有符合认定条件的困难情形：${counted.map((c) => CONDITION_LABELS[c]).join('、')}` : '没有选择符合认定条件的困难情形（如重大疾病、残疾、子女教育负担重等）',
  )
  if (ignored.length) add('conditions_not_counted', false, `${ignored.map((c) => CONDITION_LABELS[c]).join('、')}不在${region.name}认定的困难情形之内，未计入`)

  let accident = false
  if (input.event) {
    const ev = input.event
    const evDay = dayNumber(ev.date)
    const todayDay = dayNumber(today)!
    if (evDay === null) throw new AppError('VALIDATION_FAILED', '突发事件日期不是有效日期', { 'event.date': '请填写有效日期' })
    if (evDay > todayDay) throw new AppError('VALIDATION_FAILED', '突发事件日期不能晚于今天', { 'event.date': '不能晚于今天' })
    const days = todayDay - evDay
    const w = region.accident.windowDays
    const inWindow = days <= w
    add('event_in_window', inWindow, `突发事件发生于 ${ev.date}，距今 ${days} 天，${inWindow ? '在' : '超出'}意外致困认定期限 ${w} 天${inWindow ? '内' : ''}`)

    const drop = ev.incomeDropFen ?? 0
    const extra = ev.extraExpenseFen ?? 0
    const before = total + drop
    const dropSharp = drop > 0 && drop * 10_000 >= bp(region.accident.minIncomeDropRatio) * before
    const m10 = Math.round(region.accident.minExpenseMonths * 10)
    const expenseSharp = extra > 0 && extra * 10 >= m10 * total
    const parts: string[] = []
    if (drop > 0) parts.push(`收入减少 ${money(drop)}，占事发前家庭月收入 ${money(before)} 的 ${pct(drop / before)}（需达到 ${pct(region.accident.minIncomeDropRatio)}）`)
    if (extra > 0) parts.push(`新增支出 ${money(extra)}，${total > 0 ? `为家庭月收入的 ${times(extra / total)}` : '家庭目前没有收入'}（需达到 ${times(region.accident.minExpenseMonths)}）`)
    if (!parts.length) parts.push('没有填写收入减少或新增支出')
    add('event_sharp', dropSharp || expenseSharp, `${parts.join('；')}：${dropSharp || expenseSharp ? '属于' : '不属于'}收入锐减或支出骤增`)

    const belowCap = total < cap * size
    add('accident_income_cap', belowCap, `人均月收入 ${money(perCapita)} ${belowCap ? '低于' : '不低于'}意外致困认定上限 ${money(cap)}（最低生活保障标准的 ${times(region.accident.maxPerCapitaMultiple)}）`)
    accident = inWindow && (dropSharp || expenseSharp) && belowCap
  }

  let category: SubsidyCategory
  let decisive: string
  let decision: string
  if (belowStandard && hasCondition) {
    category = 'deep'
    decisive = 'income_below_standard'
    decision = `人均月收入 ${money(perCapita)} 低于${region.name}最低生活保障标准 ${money(S)}，且有符合条件的困难情形，可认定为深度困难职工`
  } else if (belowBound && hasCondition) {
    category = 'relative'
    decisive = 'income_below_relative_bound'
    decision = `人均月收入 ${money(perCapita)} 不低于最低生活保障标准 ${money(S)}、但低于相对困难标准上限 ${money(B)}，且有符合条件的困难情形，可认定为相对困难职工`
  } else if (accident) {
    category = 'accident'
    decisive = 'event_sharp'
    decision = '认定期限内的突发事件导致收入锐减或支出骤增，可认定为意外致困职工'
  } else if (belowBound) {
    category = 'temporary'
    decisive = 'hardship_condition'
    decision = `人均月收入 ${money(perCapita)} 低于相对困难标准上限 ${money(B)}，但没有符合认定条件的困难情形，可申请临时帮扶`
  } else {
    category = 'none'
    decisive = 'income_below_relative_bound'
    decision = `人均月收入 ${money(perCapita)} 不低于相对困难标准上限 ${money(B)}${input.event ? '，突发事件也未达到意外致困条件' : ''}，暂不符合困难职工认定条件；如情况变化，可随时重新测算`
  }
  for (const r of reasons) r.decisive = r.rule === decisive
  return {
    category,
    label: CATEGORY_LABELS[category],
    region: { code, name: region.name },
    householdSize: size,
    totalIncomeFen: total,
    perCapitaFen: perCapita,
    standardFen: S,
    relativeBoundFen: B,
    reasons,
    decision,
    programmes: offers(policy, category, counted),
  }
}

export const FORMAL: SubsidyCategory[] = ['deep', 'relative', 'accident']
export const fileKindFor = (c: SubsidyCategory): 'formal' | 'temporary' => (FORMAL.includes(c) ? 'formal' : 'temporary')

/** Whether a payment may be made now, by the programme's caps, frequency and season. Null when it may. */
export function paymentRefusal(
  p: Programme,
  category: SubsidyCategory,
  conditions: Condition[],
  paidThisYear: { count: number; sumFen: number },
  amountFen: number,
  month: number,
): { code: 'NOT_ELIGIBLE' | 'QUOTA_FULL'; message: string } | null {
  const no = (message: string) => ({ code: 'NOT_ELIGIBLE' as const, message })
  const full = (message: string) => ({ code: 'QUOTA_FULL' as const, message })
  if (!p.categories.includes(category)) return no(`${p.name}面向${p.categories.map((c) => CATEGORY_LABELS[c]).join('、')}职工，本档案为${CATEGORY_LABELS[category]}`)
  if (p.anyCondition && !conditions.some((c) => p.anyCondition!.includes(c))) return no(`${p.name}需要档案中有以下困难情形之一：${p.anyCondition.map((c) => CONDITION_LABELS[c]).join('、')}`)
  if (p.months && !p.months.includes(month)) return no(`${p.name}${monthsText(p.months)}，当前不在发放期`)
  if (p.maxTimesPerYear !== null && paidThisYear.count >= p.maxTimesPerYear) return full(`${p.name}每年最多发放 ${p.maxTimesPerYear} 次，今年已发放 ${paidThisYear.count} 次`)
  if (paidThisYear.sumFen + amountFen > p.capFenPerYear) return full(`${p.name}每年上限 ${money(p.capFenPerYear)}，今年已发放 ${money(paidThisYear.sumFen)}，本次最多 ${money(Math.max(0, p.capFenPerYear - paidThisYear.sumFen))}`)
  return null
}

/** A name as the public notice shows it: "李建国" -> "李*国", "王芳" -> "王*". Enough for neighbours to recognise. */
export function noticeName(name: string): string {
  const chars = [...name]
  if (chars.length <= 2) return `${chars[0] ?? ''}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

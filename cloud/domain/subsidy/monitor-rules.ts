// Monitoring as pure decisions: when a file is due for re-evaluation, what a re-evaluation tells staff, and
// which households are at risk of falling back (致贫返困监测预警).
import type { SubsidyPolicy } from '../../../config/policies'
import type { Evaluation } from '../../../types/subsidy'
import type { Condition, SubsidyCategory } from '../../../types/subsidy-labels'
import { shanghai } from '../../platform/time'

const money = (fen: number) => `¥${(fen / 100).toFixed(2)}`

/** Files whose data is older than this are due for re-evaluation ("unchanged for a year"). */
export const staleBefore = (now: Date, reviewMonths: number): Date => shanghai(now).subtract(reviewMonths, 'month').toDate()

export const isStale = (f: { status: string; data_as_of: Date }, cutoff: Date) => f.status === 'active' && f.data_as_of < cutoff

/** The note a re-evaluation leaves when the current policy disagrees with the file's category; null when it agrees. */
export function recheckNote(result: { evaluation: Evaluation } | { error: string }, category: SubsidyCategory): string | null {
  if ('error' in result) return `无法按现行标准复核：${result.error}`
  const ev = result.evaluation
  return ev.category === category ? null : `按现行标准复核为“${ev.label}”：${ev.decision}。请入户核实并更新档案`
}

export interface Household {
  status: string
  region: string
  perCapitaFen: number
  conditions: Condition[]
}

/**
 * Why a household may fall back: a newer application reporting lower income or a new condition, or an
 * archived file whose income is within the policy's margin above the relative-difficulty bound.
 */
export function riskReasons(policy: SubsidyPolicy, f: Household, latest: Pick<Household, 'perCapitaFen' | 'conditions'> | null): string[] {
  const reasons: string[] = []
  if (latest) {
    if (latest.perCapitaFen < f.perCapitaFen) reasons.push(`新申请显示人均月收入由 ${money(f.perCapitaFen)} 降至 ${money(latest.perCapitaFen)}`)
    if (latest.conditions.some((c) => !f.conditions.includes(c))) reasons.push('新申请报告了新的困难情形')
  }
  if (f.status === 'archived') {
    const region = policy.regions[f.region] ?? policy.regions[policy.defaultRegion]
    const bound = Math.round(region.minLivingFen * region.relativeMultiple)
    if (f.perCapitaFen * 10_000 < bound * Math.round((1 + policy.riskMargin) * 10_000)) {
      reasons.push(`已解困，但人均月收入 ${money(f.perCapitaFen)} 距相对困难标准上限 ${money(bound)} 不足 ${Math.round(policy.riskMargin * 100)}%`)
    }
  }
  return reasons
}

// The plan form checked with the contract's rules (types/subsidy-fields.ts), before anything is sent.
import { phoneProblem } from '../../../../types/idcard'
import { textProblem } from '../../../../types/text-rules'
import { PLAN_GOAL, PLAN_MEASURE, PLAN_MEASURES, PLAN_RESPONSIBLE } from '../../../../types/subsidy-fields'
import type { FieldErrors } from '../shared'

export type PlanForm = { goal: string; measures: string[]; responsible: string; contact: string; nextReviewDate: string }

/** Problems keyed like the server's fields (`measures.1`), so both show in one place. */
export function planProblems(p: PlanForm): FieldErrors {
  const e: FieldErrors = {}
  const add = (k: string, problem: string | null) => {
    if (problem) e[k] = problem
  }
  add('goal', textProblem(PLAN_GOAL, p.goal))
  if (!p.measures.some((m) => m.trim())) e.measures = PLAN_MEASURES.min[1]
  p.measures.forEach((m, i) => {
    if (m.trim()) add(`measures.${i}`, textProblem(PLAN_MEASURE, m))
  })
  add('responsible', textProblem(PLAN_RESPONSIBLE, p.responsible))
  add('contact', phoneProblem(p.contact))
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.nextReviewDate)) e.nextReviewDate = '请选择下次回访日期'
  return e
}

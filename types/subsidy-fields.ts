// Hardship-relief form fields and limits, free of zod: types/subsidy.ts builds its schemas from them and the
// pages check with them (textProblem), so a form says what the server would.
import type { TextRule } from './text-rules'

/** One person's monthly income: up to 100,000 yuan. */
export const MAX_INCOME_FEN = 10_000_000
/** Extra expenses after a sudden event: up to 10 million yuan. */
export const MAX_EXPENSE_FEN = 1_000_000_000
/** One union's budget for one programme in one year: up to 100 million yuan. */
export const MAX_BUDGET_FEN = 100_000_000_00
export const MAX_HOUSEHOLD = 20
export const MAX_EVIDENCE = 10

export const APPLY_NOTE: TextRule = { max: [500, '情况说明不能超过500字'] }
export const OBJECTION: TextRule = { required: '请填写要反映的情况', min: [10, '请具体说明情况，至少10个字'], max: [500, '不能超过500字'] }
export const ARCHIVE_REASON: TextRule = { min: [2, '请填写归档原因'], max: [200, '归档原因不能超过200字'] }

// 帮扶计划
export const PLAN_GOAL: TextRule = { min: [4, '帮扶目标至少4个字'], max: [200, '帮扶目标不能超过200字'] }
export const PLAN_MEASURE: TextRule = { min: [2, '每条措施至少2个字'], max: [100, '每条措施不能超过100字'] }
export const PLAN_MEASURES = { min: [1, '请至少填写一条帮扶措施'], max: [10, '帮扶措施最多10条'] } as const
export const PLAN_RESPONSIBLE: TextRule = { min: [2, '请填写责任人'], max: [20, '责任人不能超过20个字'] }

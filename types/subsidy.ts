import { z } from 'zod'
import { calendarDate, fen, id } from './common'
import { phoneSchema } from './member'
import { text } from './text'
import { APPLY_NOTE, ARCHIVE_REASON, MAX_BUDGET_FEN, MAX_EVIDENCE, MAX_EXPENSE_FEN, MAX_HOUSEHOLD, MAX_INCOME_FEN, OBJECTION, PLAN_GOAL, PLAN_MEASURE, PLAN_MEASURES, PLAN_RESPONSIBLE } from './subsidy-fields'
import { APPLICATION_STATUSES, BUDGET_CHANGE_RESULTS, CATEGORIES, CONDITIONS, EVENT_KINDS, FILE_FILTERS, FILE_KINDS, OPEN_APPLICATION_STATUSES, RELATIONS } from './subsidy-labels'

export * from './subsidy-labels'
export * from './subsidy-fields'

const date = calendarDate()
const requestId = z.string({ error: '缺少请求编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为8到64位字母、数字、下划线或短横线')
/** Monthly income of one person, up to 100,000 yuan. */
const income = fen.max(MAX_INCOME_FEN, '月收入不能超过10万元')

export const householdMember = z
  .object({ relation: z.enum(RELATIONS, { error: '请选择与本人的关系' }), monthlyIncomeFen: z.number({ error: '请填写月收入（没有收入填0）' }).pipe(income) })
  .strict()
export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { error: '请选择突发事件类型' }),
    date,
    incomeDropFen: income.optional(),
    extraExpenseFen: fen.max(MAX_EXPENSE_FEN, '新增支出不能超过1000万元').optional(),
  })
  .strict()

export const householdInput = z
  .object({
    region: z.string().regex(/^\d{6}$/, '地区代码应为6位数字').optional(),
    household: z
      .array(householdMember, { error: '请填写家庭成员' })
      .min(1, '请至少填写本人')
      .max(MAX_HOUSEHOLD, `家庭成员不能超过${MAX_HOUSEHOLD}人`)
      .refine((h) => h.filter((m) => m.relation === 'self').length === 1, '家庭成员中应有且只有一位“本人”'),
    conditions: z
      .array(z.enum(CONDITIONS, { error: '未知的困难情形' }))
      .max(CONDITIONS.length)
      .refine((c) => new Set(c).size === c.length, '困难情形请勿重复选择'),
    event: eventSchema.optional(),
  })
  .strict()
export type HouseholdInput = z.infer<typeof householdInput>

export const reasonSchema = z.object({
  /** Stable rule code, e.g. income_below_standard. */
  rule: z.string(),
  passed: z.boolean(),
  text: z.string(),
  /** True for the rule that decided the category. */
  decisive: z.boolean(),
})
export type Reason = z.infer<typeof reasonSchema>

export const programmeOffer = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['cash', 'in_kind', 'checkout']),
  amountFen: z.number().int(),
  capFenPerYear: z.number().int(),
  maxTimesPerYear: z.number().int().nullable(),
  months: z.array(z.number().int()).nullable(),
  why: z.string(),
})
export type ProgrammeOffer = z.infer<typeof programmeOffer>

export const evaluation = z.object({
  category: z.enum(CATEGORIES),
  label: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  householdSize: z.number().int(),
  totalIncomeFen: z.number().int(),
  perCapitaFen: z.number().int(),
  standardFen: z.number().int(),
  relativeBoundFen: z.number().int(),
  reasons: z.array(reasonSchema),
  /** One sentence: the rule that decided. */
  decision: z.string(),
  programmes: z.array(programmeOffer),
})
export type Evaluation = z.infer<typeof evaluation>

export const evidenceSchema = z
  .object({
    kind: z.enum(['medical', 'income', 'disability', 'school', 'accident', 'other'], { error: '请选择证明材料类型' }),
    /** What the material is: its name or number (e.g. 住院费用发票 0012345). */
    ref: z.string().trim().min(1, '请上传证明材料').max(300),
    note: z.string().trim().max(60).optional(),
    /** An uploaded photo or PDF of it (POST /api/files with purpose evidence, or file.register). */
    fileId: z.string().uuid('证明材料文件编号格式不正确').optional(),
  })
  .strict()

export const applyInput = householdInput
  .extend({
    requestId,
    evidence: z.array(evidenceSchema).max(MAX_EVIDENCE, `证明材料最多${MAX_EVIDENCE}份`),
    phone: phoneSchema,
    note: text(APPLY_NOTE).optional(),
  })
  .strict()
export const applyOutput = z.object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES), category: z.enum(CATEGORIES), evaluation })

const reviewStep = z.object({ step: z.enum(['check', 'approve', 'notice']), decision: z.enum(['pass', 'reject']), reason: z.string().nullable(), unionName: z.string(), at: z.string() })

export const applicationView = z.object({
  applicationId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  category: z.enum(CATEGORIES),
  unionName: z.string(),
  submittedAt: z.string(),
  noticeEndsAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  fileId: z.string().nullable(),
  steps: z.array(reviewStep),
  evaluation,
})
export const myFileView = z.object({
  fileId: z.string(),
  fileNo: z.string(),
  kind: z.enum(FILE_KINDS),
  category: z.enum(CATEGORIES),
  status: z.enum(['active', 'archived']),
  payments: z.array(z.object({ programme: z.string(), name: z.string(), amountFen: z.number().int(), at: z.string(), status: z.enum(['paid', 'reversed']) })),
  reliefRemainingFen: z.number().int(),
})
export const myApplicationsOutput = z.object({ items: z.array(applicationView), file: myFileView.nullable() })

export const queueInput = z
  .object({ status: z.enum(OPEN_APPLICATION_STATUSES).optional(), limit: z.number().int().min(1).max(50).optional(), cursor: z.string().max(64).optional() })
  .strict()
export const queueItem = z.object({
  applicationId: z.string(),
  memberName: z.string(),
  phoneMasked: z.string(),
  unionName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  category: z.enum(CATEGORIES),
  perCapitaFen: z.number().int(),
  householdSize: z.number().int(),
  conditions: z.array(z.enum(CONDITIONS)),
  submittedAt: z.string(),
  noticeEndsAt: z.string().nullable(),
  /** What the reviewer checks: the household as entered, the evidence, the applicant's note and the rule that decided. */
  household: z.array(z.object({ relation: z.enum(RELATIONS), monthlyIncomeFen: z.number().int() })),
  evidence: z.array(z.object({ kind: z.string(), ref: z.string(), note: z.string().optional(), fileId: z.string().optional() })),
  note: z.string().nullable(),
  decision: z.string(),
  /** What the caller may do now: check, approve, finalize after the notice, or nothing. */
  canAct: z.enum(['check', 'approve', 'finalize']).nullable(),
  evidenceCount: z.number().int(),
  /** Raised by members during the public notice; the reviewer weighs them before filing. */
  objections: z.array(z.object({ text: z.string(), at: z.string() })),
})
export const queueOutput = z.object({ items: z.array(queueItem), nextCursor: z.string().nullable() })

export const reviewInput = z
  .object({
    applicationId: id,
    decision: z.enum(['pass', 'reject'], { error: '请选择通过或不通过' }),
    reason: z.string().trim().max(200, '理由不能超过200字').optional(),
    /** The step the reviewer saw (queue's canAct); a stale screen gets CONFLICT instead of acting on the next step. */
    step: z.enum(['check', 'approve', 'finalize']).optional(),
  })
  .strict()
  .refine((r) => r.decision === 'pass' || (r.reason?.length ?? 0) >= 2, { message: '不通过时请填写理由，申请人会看到', path: ['reason'] })
export const reviewOutput = z.object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES), noticeEndsAt: z.string().nullable(), fileId: z.string().nullable() })

export const disburseInput = z
  .object({
    requestId,
    fileId: id,
    programme: z.string().regex(/^[a-z_]{2,40}$/, '未知的帮扶项目'),
    amountFen: fen.min(1, '金额应大于0').optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
export const disburseOutput = z.object({
  paymentId: z.string(),
  fileId: z.string(),
  programme: z.string(),
  amountFen: z.number().int(),
  budgetRemainingFen: z.number().int(),
  /** True when this request had already been recorded: nothing was paid again. */
  duplicate: z.boolean(),
})

export const filesInput = z
  .object({
    filter: z.enum(FILE_FILTERS, { error: '未知的筛选条件' }).optional(),
    category: z.enum(CATEGORIES).optional(),
    unionId: id.optional(),
    q: z.string().trim().max(20).optional(),
    limit: z.number().int().min(1).max(50).optional(),
    cursor: z.string().max(64).optional(),
  })
  .strict()
export const fileSummary = z.object({
  fileId: z.string(),
  fileNo: z.string(),
  memberName: z.string(),
  unionName: z.string(),
  kind: z.enum(FILE_KINDS),
  category: z.enum(CATEGORIES),
  status: z.enum(['active', 'archived']),
  perCapitaFen: z.number().int(),
  dataAsOf: z.string(),
  paidTotalFen: z.number().int(),
  lastPaidAt: z.string().nullable(),
  atRisk: z.boolean(),
  riskReason: z.string().nullable(),
  stale: z.boolean(),
  hasPlan: z.boolean(),
})
export const filesOutput = z.object({ items: z.array(fileSummary), nextCursor: z.string().nullable(), counts: z.record(z.string(), z.number().int()) })

export const planSchema = z.object({
  goal: text(PLAN_GOAL),
  measures: z.array(text(PLAN_MEASURE)).min(PLAN_MEASURES.min[0], PLAN_MEASURES.min[1]).max(PLAN_MEASURES.max[0], PLAN_MEASURES.max[1]),
  responsible: text(PLAN_RESPONSIBLE),
  contact: phoneSchema,
  nextReviewDate: date,
})
export const planInput = planSchema.extend({ fileId: id }).strict()
export const planView = planSchema.omit({ contact: true }).extend({ contactMasked: z.string(), updatedAt: z.string() })
export const planOutput = z.object({ fileId: z.string(), plan: planView })

export const fileIdInput = z.object({ fileId: id }).strict()
export const fileDetail = fileSummary.extend({
  household: z.array(z.object({ relation: z.enum(RELATIONS), monthlyIncomeFen: z.number().int() })),
  conditions: z.array(z.enum(CONDITIONS)),
  phoneMasked: z.string(),
  evaluation,
  plan: planView.nullable(),
  payments: z.array(z.object({ paymentId: z.string(), programme: z.string(), name: z.string(), amountFen: z.number().int(), at: z.string(), status: z.enum(['paid', 'reversed']), orderId: z.string().nullable(), note: z.string().nullable() })),
  applications: z.array(z.object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES), submittedAt: z.string(), category: z.enum(CATEGORIES) })),
  /** Programmes this file may still receive this year, with what is left. */
  available: z.array(z.object({ id: z.string(), name: z.string(), amountFen: z.number().int(), remainingFen: z.number().int(), timesLeft: z.number().int().nullable(), inSeason: z.boolean() })),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  /** Set by the yearly re-evaluation when the current policy no longer agrees with the file. */
  recheckNote: z.string().nullable(),
})
export type FileDetail = z.infer<typeof fileDetail>

export const archiveInput = z.object({ fileId: id, reason: text(ARCHIVE_REASON) }).strict()
export const formalizeInput = z.object({ fileId: id }).strict()
export const fileStateOutput = z.object({ fileId: z.string(), kind: z.enum(FILE_KINDS), status: z.enum(['active', 'archived']), category: z.enum(CATEGORIES) })

export const noticesOutput = z.object({
  items: z.array(
    z.object({
      applicationId: z.string(),
      /** Masked: 李*国. Incomes and household details are never shown in the notice. */
      name: z.string(),
      unionName: z.string(),
      category: z.enum(CATEGORIES),
      noticeEndsAt: z.string(),
      mine: z.boolean(),
      objected: z.boolean(),
    }),
  ),
})
export const objectInput = z
  .object({
    applicationId: id,
    text: text(OBJECTION),
  })
  .strict()
export const objectOutput = z.object({ applicationId: z.string(), received: z.literal(true) })

export const budgetsInput = z.object({ unionId: id.optional(), year: z.number().int().min(2000).max(2100).optional() }).strict()
/** A budget increase waiting for a second person in the proposer's union or above (four eyes). */
export const budgetChangeView = z.object({
  changeId: z.string(),
  fromFen: z.number().int(),
  toFen: z.number().int(),
  /** The proposer's union, or 平台管理员. */
  requestedBy: z.string(),
  requestedAt: z.string(),
  /** confirm: the caller may confirm or reject it; withdraw: the caller proposed it; null: another person decides. */
  canDecide: z.enum(['confirm', 'withdraw']).nullable(),
})
export const budgetRow = z.object({
  unionId: z.string(),
  unionName: z.string(),
  programme: z.string(),
  name: z.string(),
  year: z.number().int(),
  totalFen: z.number().int(),
  spentFen: z.number().int(),
  remainingFen: z.number().int(),
  /** The increase waiting for confirmation; absent or null when none. */
  pending: budgetChangeView.nullable().optional(),
})
export const budgetsOutput = z.object({ items: z.array(budgetRow) })
export const setBudgetInput = z
  .object({ unionId: id, programme: z.string().regex(/^[a-z_]{2,40}$/, '未知的帮扶项目'), year: z.number().int().min(2000).max(2100), totalFen: fen.max(MAX_BUDGET_FEN) })
  .strict()
/** The budget after a change: applied at once (a cut), pending a second person (an increase), or decided. */
export const budgetChangeOutput = budgetRow.extend({ status: z.enum(BUDGET_CHANGE_RESULTS), changeId: z.string().nullable() })
export const confirmBudgetInput = z.object({ changeId: id, approve: z.boolean({ error: '请选择确认或退回' }) }).strict()

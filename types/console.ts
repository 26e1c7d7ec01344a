import { z } from 'zod'
import { id } from './common'
import { OCCUPATIONS } from './member'
import { CATEGORIES } from './subsidy-labels'

export const dashboardInput = z.object({ unionId: id.optional(), days: z.number().int().min(1).max(366).optional() }).strict()
export const dashboardOutput = z.object({
  union: z.object({ id: z.string(), name: z.string() }).nullable(),
  days: z.number().int(),
  members: z.object({
    active: z.number().int(),
    pending: z.number().int(),
    newInPeriod: z.number().int(),
    byOccupation: z.array(z.object({ occupation: z.enum(OCCUPATIONS), count: z.number().int() })),
  }),
  stations: z.object({ count: z.number().int(), visitsInPeriod: z.number().int(), ratingAvg: z.number().nullable(), ratings: z.number().int() }),
  shop: z.object({ ordersInPeriod: z.number().int(), amountInPeriodFen: z.number().int(), reliefAmountInPeriodFen: z.number().int() }),
  campaigns: z.object({ published: z.number().int(), joined: z.number().int(), used: z.number().int() }),
  /** Hardship relief in the subtree; "this year" is the calendar year in Asia/Shanghai, reversed payments excluded. */
  subsidy: z.object({
    files: z.object({
      active: z.number().int(),
      archived: z.number().int(),
      /** Active files by category. */
      byCategory: z.array(z.object({ category: z.enum(CATEGORIES), count: z.number().int() })),
      /** Active files whose data is older than the policy's review period. */
      stale: z.number().int(),
      /** Active files without any (unreversed) payment. */
      neverHelped: z.number().int(),
      /** Files flagged by the monitoring job as at risk of falling back into hardship (active or archived). */
      atRisk: z.number().int(),
    }),
    applicationsOpen: z.number().int(),
    paidThisYearFen: z.number().int(),
    paymentsThisYear: z.number().int(),
    budgetThisYearFen: z.number().int(),
    budgetRemainingFen: z.number().int(),
  }),
})

export const EXPORT_TABLES = ['members', 'stations', 'orders', 'campaigns', 'subsidy_files'] as const
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const exportFormat = z.enum(EXPORT_FORMATS, { error: '导出格式应为 csv 或 xlsx' })
/** CSV unless `format` says xlsx. */
export const exportInput = z.object({ table: z.enum(EXPORT_TABLES, { error: '未知的报表' }), unionId: id.optional(), format: exportFormat.optional() }).strict()
/** `csv`: UTF-8 text with BOM; `xlsxBase64`: the workbook, base64. Exactly one is set, by format. */
export const exportOutput = z.object({ filename: z.string(), csv: z.string().nullable(), xlsxBase64: z.string().nullable(), rows: z.number().int() })

const openid = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '微信用户标识格式不正确')
export const assignStaffInput = z.object({ openid, unionId: id }).strict()
export const removeStaffInput = z.object({ openid }).strict()
export const staffItem = z.object({ openid: z.string(), unionId: z.string(), unionName: z.string(), assignedAt: z.string() })
export const assignStaffOutput = staffItem
export const staffListInput = z.object({ unionId: id.optional() }).strict()
export const staffListOutput = z.object({ items: z.array(staffItem) })
export const removeStaffOutput = z.object({ openid: z.string(), removed: z.boolean() })

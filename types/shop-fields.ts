// Shop form fields, free of zod: types/shop.ts builds its schemas from them and the checkout and bulk
// forms check with them (textProblem).
import type { TextRule } from './text-rules'

export const REGION: TextRule = { min: [2, '请填写所在地区'], max: [60, '地区不能超过60个字'] }
export const ADDRESS_DETAIL: TextRule = { min: [4, '请填写详细地址'], max: [120, '详细地址不能超过120个字'] }
export const INVOICE_TITLE: TextRule = { min: [4, '请填写发票抬头'], max: [60, '发票抬头不能超过60个字'] }
/** Unified social credit code (18) or an older 15–20 character taxpayer number. */
export const TAX_NO: TextRule = { pattern: [/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$|^[0-9A-Z]{15,20}$/, '纳税人识别号格式不正确（统一社会信用代码为18位）'] }
export const REFUND_REASON: TextRule = { min: [2, '请填写退款原因'], max: [200, '退款原因不能超过200个字'] }

// Campaign form fields, free of zod: types/campaign.ts builds its schemas from them and the staff pages check
// with them (textProblem).
import type { TextRule } from './text-rules'

/** A claim code as members read it out: 8 letters or digits (staff may type it in lower case). */
export const CLAIM_CODE: TextRule = { pattern: [/^[0-9A-Z]{8}$/i, '领取码为8位字母或数字'] }

// Length and pattern rules for text fields, free of zod. The contract's schemas are built from them
// (text() in types/common.ts) and client forms check with textProblem(), so both say the same thing.

export interface TextRule {
  /** Said when the field is missing altogether (the schema's required message; forms show it when empty). */
  required?: string
  /** Shortest and longest trimmed length, each with its message. */
  min?: readonly [number, string]
  max?: readonly [number, string]
  pattern?: readonly [RegExp, string]
}

/** The first rule a value breaks, checked in the schema's order (min, max, pattern), or null. */
export function textProblem(rule: TextRule, raw: string | null | undefined): string | null {
  const v = (raw ?? '').trim()
  if (rule.min && v.length < rule.min[0]) return rule.min[1]
  if (rule.max && v.length > rule.max[0]) return rule.max[1]
  if (rule.pattern && !rule.pattern[0].test(v)) return rule.pattern[1]
  return null
}

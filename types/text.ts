// zod strings built from the zod-free TextRules (types/text-rules.ts), so the schemas and the client forms
// check a field the same way.
import { z } from 'zod'
import type { TextRule } from './text-rules'

/** A trimmed string checked by a TextRule in its order, so a field's first message is the rule's. */
export function text(rule: TextRule) {
  let s = z.string(rule.required ? { error: rule.required } : undefined).trim()
  if (rule.min) s = s.min(rule.min[0], rule.min[1])
  if (rule.max) s = s.max(rule.max[0], rule.max[1])
  if (rule.pattern) s = s.regex(rule.pattern[0], rule.pattern[1])
  return s
}

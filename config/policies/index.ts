// Policies unions change without a code change. Each file is validated when the process starts.
import { z } from 'zod'
import membershipJson from './membership.json'

const issueMode = z.enum(['instant', 'review'])

export const membershipPolicySchema = z.object({
  issue: issueMode,
  overrides: z.record(z.string().regex(/^\d{6,15}$/, 'union code'), issueMode).default({}),
  qrTtlSeconds: z.number().int().min(30).max(3600),
})
export type MembershipPolicy = z.infer<typeof membershipPolicySchema>

export interface Policies {
  membership: MembershipPolicy
}

function parse<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value)
  if (!r.success) throw new Error(`Invalid policy ${name}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return r.data
}

export function loadPolicies(raw: { membership?: unknown } = {}): Policies {
  return {
    membership: parse('membership', membershipPolicySchema, raw.membership ?? membershipJson),
  }
}

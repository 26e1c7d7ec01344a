// Policies unions change without a code change. Each file is validated when the process starts.
import { z } from 'zod'
import membershipJson from './membership.json'
import stationsJson from './stations.json'
import shopJson from './shop.json'

const issueMode = z.enum(['instant', 'review'])

export const membershipPolicySchema = z.object({
  issue: issueMode,
  overrides: z.record(z.string().regex(/^\d{6,15}$/, 'union code'), issueMode).default({}),
  qrTtlSeconds: z.number().int().min(30).max(3600),
})
export type MembershipPolicy = z.infer<typeof membershipPolicySchema>

export const stationsPolicySchema = z.object({
  nearbyDefaultRadiusM: z.number().int().min(100).max(50_000),
  nearbyDefaultLimit: z.number().int().min(1).max(50),
  liveStatusTtlMinutes: z.number().int().min(10).max(7 * 24 * 60),
  ranking: z.object({
    rating: z.number().min(0),
    visits: z.number().min(0),
    services: z.number().min(0),
    completeness: z.number().min(0),
    ratingPrior: z.number().min(0).max(1000),
  }),
})
export type StationsPolicy = z.infer<typeof stationsPolicySchema>

export const shopPolicySchema = z.object({
  paymentWindowMinutes: z.number().int().min(5).max(24 * 60),
  autoConfirmDays: z.number().int().min(1).max(60),
  refundWindowDays: z.number().int().min(0).max(90),
  reconcileAfterMinutes: z.number().int().min(1).max(60),
  memberMaxQtyPerLine: z.number().int().min(1).max(5000),
})
export type ShopPolicy = z.infer<typeof shopPolicySchema>

export interface Policies {
  membership: MembershipPolicy
  stations: StationsPolicy
  shop: ShopPolicy
}

function parse<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value)
  if (!r.success) throw new Error(`Invalid policy ${name}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return r.data
}

export function loadPolicies(raw: { membership?: unknown; stations?: unknown; shop?: unknown } = {}): Policies {
  return {
    membership: parse('membership', membershipPolicySchema, raw.membership ?? membershipJson),
    stations: parse('stations', stationsPolicySchema, raw.stations ?? stationsJson),
    shop: parse('shop', shopPolicySchema, raw.shop ?? shopJson),
  }
}

// Policies unions change without a code change. Each file is validated when the process starts.
import { z } from 'zod'
import membershipJson from './membership.json'
import stationsJson from './stations.json'
import shopJson from './shop.json'
import subsidyJson from './subsidy.json'
import { CATEGORIES, CONDITIONS } from '../../types/subsidy-labels'

const issueMode = z.enum(['instant', 'review'])

export const membershipPolicySchema = z.object({
  issue: issueMode,
  overrides: z.record(z.string().regex(/^\d{6,15}$/, 'union code'), issueMode).default({}),
  qrTtlSeconds: z.number().int().min(30).max(3600),
  /** How long a card shown offline stays verifiable: codes for this many hours, one per qrTtlSeconds; 0 turns it off. */
  offlineQrHours: z.number().min(0).max(24).default(8),
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

export const shopPolicySchema = z
  .object({
    paymentWindowMinutes: z.number().int().min(5).max(24 * 60),
    autoConfirmDays: z.number().int().min(1).max(60),
    refundWindowDays: z.number().int().min(0).max(90),
    reconcileAfterMinutes: z.number().int().min(1).max(60),
    memberMaxQtyPerLine: z.number().int().min(1).max(5000),
    maxUnpaidOrdersPerMember: z.number().int().min(1).max(100),
    maxHeldUnitsPerMember: z.number().int().min(1).max(5000),
  })
  .refine((p) => p.memberMaxQtyPerLine <= p.maxHeldUnitsPerMember, 'maxHeldUnitsPerMember below memberMaxQtyPerLine: a full line could never be ordered')
export type ShopPolicy = z.infer<typeof shopPolicySchema>

const ratio = z.number().min(0).max(1)
export const subsidyRegionSchema = z.object({
  name: z.string().min(2),
  minLivingFen: z.number().int().min(1).max(10_000_00),
  relativeMultiple: z.number().min(1).max(5),
  conditions: z.array(z.enum(CONDITIONS)).min(1),
  accident: z.object({
    windowDays: z.number().int().min(1).max(730),
    minIncomeDropRatio: ratio.refine((r) => r > 0, 'must be above 0'),
    minExpenseMonths: z.number().min(0.5).max(60),
    maxPerCapitaMultiple: z.number().min(1).max(20),
  }),
})
export type SubsidyRegion = z.infer<typeof subsidyRegionSchema>
export const programmeSchema = z
  .object({
    id: z.string().regex(/^[a-z_]{2,40}$/),
    name: z.string().min(2),
    kind: z.enum(['cash', 'in_kind', 'checkout']),
    amountFen: z.number().int().min(1),
    capFenPerYear: z.number().int().min(1),
    maxTimesPerYear: z.number().int().min(1).nullable(),
    months: z.array(z.number().int().min(1).max(12)).min(1).nullable(),
    categories: z.array(z.enum(CATEGORIES)).min(1),
    anyCondition: z.array(z.enum(CONDITIONS)).min(1).nullable(),
    maxShareOfOrder: ratio.optional(),
  })
  .refine((p) => p.amountFen <= p.capFenPerYear, 'amountFen above capFenPerYear')
  .refine((p) => p.kind !== 'checkout' || (p.maxShareOfOrder ?? 0) > 0, 'a checkout programme needs maxShareOfOrder')
export type Programme = z.infer<typeof programmeSchema>
export const subsidyPolicySchema = z
  .object({
    defaultRegion: z.string().regex(/^\d{6}$/),
    reviewMonths: z.number().int().min(1).max(60),
    noticeDays: z.number().int().min(0).max(30),
    riskMargin: ratio,
    regions: z.record(z.string().regex(/^\d{6}$/), subsidyRegionSchema),
    programmes: z.array(programmeSchema).min(1),
  })
  .refine((p) => p.defaultRegion in p.regions, 'defaultRegion must be one of regions')
  .refine((p) => new Set(p.programmes.map((x) => x.id)).size === p.programmes.length, 'programme ids must be unique')
  .refine((p) => p.programmes.filter((x) => x.kind === 'checkout').length <= 1, 'at most one checkout programme')
export type SubsidyPolicy = z.infer<typeof subsidyPolicySchema>

export interface Policies {
  membership: MembershipPolicy
  stations: StationsPolicy
  shop: ShopPolicy
  subsidy: SubsidyPolicy
}

function parse<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value)
  if (!r.success) throw new Error(`Invalid policy ${name}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return r.data
}

export function loadPolicies(raw: { membership?: unknown; stations?: unknown; shop?: unknown; subsidy?: unknown } = {}): Policies {
  return {
    membership: parse('membership', membershipPolicySchema, raw.membership ?? membershipJson),
    stations: parse('stations', stationsPolicySchema, raw.stations ?? stationsJson),
    shop: parse('shop', shopPolicySchema, raw.shop ?? shopJson),
    subsidy: parse('subsidy', subsidyPolicySchema, raw.subsidy ?? subsidyJson),
  }
}

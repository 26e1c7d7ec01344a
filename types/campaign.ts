import { z } from 'zod'
import { fen, id, isoTime } from './common'
import { OCCUPATIONS } from './member'
import { CAMPAIGN_ACTIONS, CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from './campaign-labels'
import { CLAIM_CODE } from './campaign-fields'
import { text } from './text'

export * from './campaign-labels'
export * from './campaign-fields'

const time = isoTime()

export const saveInput = z
  .object({
    id: id.optional(),
    /** Posting union: the staff member's own union by default, or one of its sub-unions. */
    unionId: id.optional(),
    kind: z.enum(CAMPAIGN_KINDS, { error: '请选择活动类型' }),
    title: z.string().trim().min(4, '标题至少4个字').max(40, '标题不能超过40个字'),
    body: z.string().trim().min(10, '活动说明至少10个字').max(4000, '活动说明不能超过4000字'),
    startsAt: time,
    endsAt: time,
    quota: z.number().int('名额应为整数').min(1, '名额至少为1').max(1_000_000).optional(),
    action: z.enum(CAMPAIGN_ACTIONS, { error: '请选择参与方式' }),
    audience: z
      .object({
        occupations: z.array(z.enum(OCCUPATIONS)).max(OCCUPATIONS.length).optional(),
        districts: z.array(z.string().trim().min(2).max(20)).max(20).optional(),
      })
      .strict()
      .optional(),
    stationId: id.optional(),
    productIds: z.array(id).max(20).optional(),
    budgetFen: fen.optional(),
    images: z.array(z.string().url().max(500)).max(9).optional(),
  })
  .strict()
  .refine((c) => new Date(c.endsAt) > new Date(c.startsAt), { message: '结束时间应晚于开始时间', path: ['endsAt'] })
  .refine((c) => c.action !== 'claim' || !!c.stationId, { message: '领取类活动请指定领取站点', path: ['stationId'] })
  .refine((c) => c.action !== 'buy' || (c.productIds?.length ?? 0) > 0, { message: '购买类活动请关联商品', path: ['productIds'] })
export const saveOutput = z.object({ id: z.string() })

export const idInput = z.object({ id }).strict()
export const statusOutput = z.object({ id: z.string(), status: z.enum(CAMPAIGN_STATUSES) })

export const campaignSummary = z.object({
  id: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
  unionName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  action: z.enum(CAMPAIGN_ACTIONS),
  status: z.enum(CAMPAIGN_STATUSES),
  quota: z.number().int().nullable(),
  taken: z.number().int(),
  remaining: z.number().int().nullable(),
  /** The caller's own signup or claim, if any. */
  mine: z.object({ code: z.string().nullable(), usedAt: z.string().nullable(), joinedAt: z.string() }).nullable(),
})
export type CampaignSummary = z.infer<typeof campaignSummary>

export const feedInput = z.object({ limit: z.number().int().min(1).max(50).optional(), cursor: z.string().max(64).optional() }).strict()
export const feedOutput = z.object({ items: z.array(campaignSummary), nextCursor: z.string().nullable() })

export const campaignDetail = campaignSummary.extend({
  body: z.string(),
  unionId: z.string(),
  audience: z.object({ occupations: z.array(z.enum(OCCUPATIONS)).optional(), districts: z.array(z.string()).optional() }),
  station: z.object({ id: z.string(), name: z.string(), address: z.string(), lat: z.number(), lng: z.number() }).nullable(),
  products: z.array(z.object({ id: z.string(), name: z.string(), memberPriceFen: z.number().int() })),
  /** Staff who manage the campaign only; null for everyone else. */
  budgetFen: z.number().int().nullable(),
  images: z.array(z.string()),
  canJoin: z.boolean(),
  /** Why the caller cannot join, in Chinese, when canJoin is false. */
  reason: z.string().nullable(),
})
export type CampaignDetail = z.infer<typeof campaignDetail>

export const joinOutput = z.object({ id: z.string(), action: z.enum(['signup', 'claim']), code: z.string().nullable(), remaining: z.number().int().nullable() })

export const myClaimsOutput = z.object({
  items: z.array(
    z.object({
      campaignId: z.string(),
      title: z.string(),
      kind: z.enum(CAMPAIGN_KINDS),
      action: z.enum(['signup', 'claim']),
      code: z.string().nullable(),
      usedAt: z.string().nullable(),
      joinedAt: z.string(),
      endsAt: z.string(),
      stationName: z.string().nullable(),
      stationAddress: z.string().nullable(),
    }),
  ),
})

export const verifyClaimInput = z.object({ code: text(CLAIM_CODE) }).strict()
export const verifyClaimOutput = z.object({ campaignTitle: z.string(), memberName: z.string(), usedAt: z.string(), stationName: z.string().nullable() })

export const listInput = z.object({ status: z.enum(CAMPAIGN_STATUSES).optional() }).strict()
export const listOutput = z.object({ items: z.array(campaignSummary.extend({ unionId: z.string() })) })

export const statsInput = z.object({ id: id.optional() }).strict()
export const statsOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(CAMPAIGN_KINDS),
      status: z.enum(CAMPAIGN_STATUSES),
      unionName: z.string(),
      reach: z.number().int(),
      joined: z.number().int(),
      used: z.number().int(),
      quota: z.number().int().nullable(),
      budgetFen: z.number().int().nullable(),
    }),
  ),
})

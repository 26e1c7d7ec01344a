import { z } from 'zod'
import { OCCUPATIONS } from './member-labels'

export const UNION_LEVELS = ['city', 'district', 'street', 'federation', 'grassroots'] as const
export type UnionLevel = (typeof UNION_LEVELS)[number]
export const UNION_LEVEL_LABELS: Record<UnionLevel, string> = {
  city: '市总工会',
  district: '区总工会',
  street: '街道（乡镇）总工会',
  federation: '联合工会',
  grassroots: '基层工会',
}

export const unionSummary = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.enum(UNION_LEVELS),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  acceptsMembers: z.boolean(),
  /** Why the picker puts this union near the top: its name fits the member's occupation, or it is in their district. */
  reason: z.enum(['occupation', 'district']).optional(),
})
export type UnionSummary = z.infer<typeof unionSummary>

export const unionListInput = z
  .object({
    q: z.string().trim().max(50, '搜索词不能超过50个字').optional(),
    acceptsMembers: z.boolean().optional(),
    /** Ranks unions that fit this occupation first; the caller's own member record is used when omitted. */
    occupation: z.enum(OCCUPATIONS, { error: '未知的职业' }).optional(),
    /** Ranks unions in this district first (e.g. 朝阳区); the caller's card union's district when omitted. */
    district: z.string().trim().min(2, '区名至少2个字').max(20, '区名不能超过20个字').optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
/** `total`: how many unions match, of which `items` are the first `limit`. */
export const unionListOutput = z.object({ items: z.array(unionSummary), total: z.number().int().optional() })

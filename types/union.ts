import { z } from 'zod'

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
})
export type UnionSummary = z.infer<typeof unionSummary>

export const unionListInput = z
  .object({
    q: z.string().trim().max(50, '搜索词不能超过50个字').optional(),
    acceptsMembers: z.boolean().optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
export const unionListOutput = z.object({ items: z.array(unionSummary) })

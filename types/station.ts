import { z } from 'zod'
import { id } from './common'
import { text } from './text'
import { AWARD_LEVELS, LIVE_STATUSES, NEARBY_MAX_LIMIT, NEARBY_MAX_RADIUS_M, SERVICES, STATION_KINDS } from './station-labels'
import { CLOSE_REASON, HHMM_MESSAGE, HHMM_RE, STATION_ADDRESS, STATION_DISTRICT, STATION_LIST_MAX, STATION_NAME, STATION_PHONE, STATION_PHOTO_MAX, STATION_SEARCH } from './station-fields'
import { fileIdSchema } from './file'

export * from './station-labels'
export * from './station-fields'

const lat = z.number({ error: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间')
const lng = z.number({ error: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间')
const service = z.enum(SERVICES, { error: '未知的服务项目' })
const hhmm = z.string({ error: HHMM_MESSAGE }).regex(HHMM_RE, HHMM_MESSAGE)

/** Weekly hours: days 1 (Monday) to 7 (Sunday); a close at or before the open runs past midnight. */
export const hoursSchema = z.object({
  is24h: z.boolean().default(false),
  weekly: z
    .array(z.object({ day: z.number().int().min(1).max(7), open: hhmm, close: hhmm }).strict())
    .max(21)
    .default([]),
})
export type Hours = z.infer<typeof hoursSchema>

export const awardSchema = z.object({ level: z.enum(AWARD_LEVELS), year: z.number().int().min(2000).max(2100), title: z.string().max(60).optional() }).strict()
export type Award = z.infer<typeof awardSchema>

export const nearbyInput = z
  .object({
    lat,
    lng,
    radiusM: z.number().int().min(100, '搜索半径至少 100 米').max(NEARBY_MAX_RADIUS_M, `搜索半径不能超过 ${NEARBY_MAX_RADIUS_M / 1000} 公里`).optional(),
    services: z.array(service).max(SERVICES.length).optional(),
    openNow: z.boolean().optional(),
    kind: z.enum(STATION_KINDS, { error: '未知的站点类型' }).optional(),
    limit: z.number().int().min(1).max(NEARBY_MAX_LIMIT, `每次最多返回 ${NEARBY_MAX_LIMIT} 个站点`).optional(),
    cursor: z.string().max(64).optional(),
  })
  .strict()

export const stationSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  address: z.string(),
  district: z.string(),
  lat: z.number(),
  lng: z.number(),
  distanceM: z.number().int(),
  openNow: z.boolean(),
  is24h: z.boolean(),
  services: z.array(z.enum(SERVICES)),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  liveStatus: z.enum(LIVE_STATUSES).nullable(),
  liveStatusAt: z.string().nullable(),
  awards: z.array(awardSchema),
  /** Phone and hours come with the list so a station seen once can be opened offline. */
  phone: z.string().nullable(),
  hours: hoursSchema,
})
export type StationSummary = z.infer<typeof stationSummary>
export const nearbyOutput = z.object({ items: z.array(stationSummary), nextCursor: z.string().nullable() })

export const detailInput = z.object({ id, lat: lat.optional(), lng: lng.optional() }).strict()
export const stationDetail = stationSummary.omit({ distanceM: true }).extend({
  distanceM: z.number().int().nullable(),
  unionId: z.string(),
  unionName: z.string(),
  /** Uploaded photos first (their public links, publicFilePath), then any older photo URLs. */
  photos: z.array(z.string()),
  liveStatusNote: z.string().nullable(),
  visitCount: z.number().int(),
  status: z.enum(['active', 'closed']),
  myRating: z.object({ stars: z.number().int(), comment: z.string().nullable() }).nullable(),
  checkedInToday: z.boolean(),
  canReport: z.boolean(),
})
export type StationDetail = z.infer<typeof stationDetail>

export const checkInInput = z.object({ stationId: id }).strict()
export const checkInOutput = z.object({ alreadyToday: z.boolean(), visitCount: z.number().int(), day: z.string() })

export const rateInput = z
  .object({
    stationId: id,
    stars: z.number({ error: '请选择 1 到 5 颗星' }).int('请选择 1 到 5 颗星').min(1, '请选择 1 到 5 颗星').max(5, '请选择 1 到 5 颗星'),
    comment: z.string().trim().max(200, '评价不能超过200个字').optional(),
  })
  .strict()
export const rateOutput = z.object({ ratingAvg: z.number().nullable(), ratingCount: z.number().int(), myStars: z.number().int() })

export const reportInput = z.object({ stationId: id, status: z.enum(LIVE_STATUSES, { error: '未知的站点状态' }), note: z.string().trim().max(100, '说明不能超过100个字').optional() }).strict()
export const reportOutput = z.object({ liveStatus: z.enum(LIVE_STATUSES), liveStatusAt: z.string() })

export const saveInput = z
  .object({
    id: id.optional(),
    unionId: id,
    kind: z.enum(STATION_KINDS, { error: '请选择站点类型' }),
    name: text(STATION_NAME),
    address: text(STATION_ADDRESS),
    district: text(STATION_DISTRICT),
    lat,
    lng,
    services: z.array(service).min(1, '请至少选择一项服务').max(SERVICES.length),
    hours: hoursSchema,
    phone: text(STATION_PHONE).optional(),
    photos: z.array(z.string().url('图片地址不正确').max(500)).max(9, '最多9张图片').optional(),
    /**
     * Uploaded station photos (purpose station_photo), in order: the station's uploaded photos become exactly
     * these, any left out are detached. Omitted on an edit: they stay as they are.
     */
    photoFileIds: z.array(fileIdSchema).max(STATION_PHOTO_MAX, `最多${STATION_PHOTO_MAX}张照片`).optional(),
    awards: z.array(awardSchema).max(20).optional(),
  })
  .strict()
export const saveOutput = z.object({ id: z.string() })

export const closeInput = z.object({ id, reason: text(CLOSE_REASON) }).strict()
export const closeOutput = z.object({ id: z.string(), status: z.literal('closed') })

/** A closed station opens again (its reason is cleared). */
export const reopenInput = z.object({ id }).strict()
export const reopenOutput = z.object({ id: z.string(), status: z.literal('active') })

/** `limit`: only the busiest stations in `items` (totals still cover every station in scope). */
export const statsInput = z.object({ unionId: id.optional(), days: z.number().int().min(1).max(366).optional(), limit: z.number().int().min(1).max(200).optional() }).strict()
export const statsOutput = z.object({
  days: z.number().int(),
  totals: z.object({ stations: z.number().int(), visits: z.number().int(), ratings: z.number().int(), ratingAvg: z.number().nullable() }),
  items: z.array(
    z.object({ id: z.string(), name: z.string(), district: z.string(), visits: z.number().int(), visitsTotal: z.number().int(), ratingAvg: z.number().nullable(), ratingCount: z.number().int() }),
  ),
})

export const rankingInput = z.object({ limit: z.number().int().min(1).max(200).optional() }).strict()
export const rankingOutput = z.object({
  items: z.array(
    z.object({
      rank: z.number().int(),
      id: z.string(),
      name: z.string(),
      district: z.string(),
      score: z.number(),
      parts: z.object({ rating: z.number(), visits: z.number(), services: z.number(), completeness: z.number() }),
      ratingAvg: z.number().nullable(),
      ratingCount: z.number().int(),
      visitCount: z.number().int(),
    }),
  ),
})

/** The staff's station list: their scope (or one union's subtree in it), searched by name, address or district, page by page. */
export const listInput = z
  .object({
    q: text(STATION_SEARCH).optional(),
    unionId: id.optional(),
    /** Active stations by default; 'closed' or 'all' to find closed ones. */
    status: z.enum(['active', 'closed', 'all'], { error: '未知的站点状态' }).optional(),
    limit: z.number().int().min(1).max(STATION_LIST_MAX, `每次最多返回 ${STATION_LIST_MAX} 个站点`).optional(),
    cursor: z.string().max(64).optional(),
  })
  .strict()
export const stationListItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  address: z.string(),
  district: z.string(),
  status: z.enum(['active', 'closed']),
  closedReason: z.string().nullable(),
  unionId: z.string(),
  unionName: z.string(),
  services: z.array(z.enum(SERVICES)),
  is24h: z.boolean(),
  phone: z.string().nullable(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  visitCount: z.number().int(),
  updatedAt: z.string(),
})
export type StationListItem = z.infer<typeof stationListItem>
export const listOutput = z.object({ items: z.array(stationListItem), nextCursor: z.string().nullable(), total: z.number().int() })

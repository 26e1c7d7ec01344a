// Pure station rules: opening hours, distances, ranking. No I/O here.
import type { Hours } from '../../../types/station'
import { AppError } from '../../platform/errors'
import { shanghaiClock } from '../../platform/time'

/** One open interval on one ISO weekday, in minutes from midnight: [openMin, closeMin). */
export interface Interval {
  dow: number
  openMin: number
  closeMin: number
}

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const nextDow = (dow: number) => (dow % 7) + 1

/** Splits weekly hours into same-day intervals; hours past midnight continue on the next day. */
export function hoursToIntervals(hours: Hours): Interval[] {
  if (hours.is24h) return [1, 2, 3, 4, 5, 6, 7].map((dow) => ({ dow, openMin: 0, closeMin: 1440 }))
  const out: Interval[] = []
  for (const h of hours.weekly) {
    const open = toMin(h.open)
    const close = toMin(h.close)
    if (close > open) out.push({ dow: h.day, openMin: open, closeMin: close })
    else {
      out.push({ dow: h.day, openMin: open, closeMin: 1440 })
      if (close > 0) out.push({ dow: nextDow(h.day), openMin: 0, closeMin: close })
    }
  }
  return out
}

export function isOpenAt(hours: Hours, at: Date): boolean {
  const { dow, minute } = shanghaiClock(at)
  return hoursToIntervals(hours).some((i) => i.dow === dow && minute >= i.openMin && minute < i.closeMin)
}

/** earthdistance's sphere radius, so brute-force checks compare like with like. */
const EARTH_RADIUS_M = 6378168

export function greatCircleM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
}

export interface RankingWeights {
  rating: number
  visits: number
  services: number
  completeness: number
  /** Ratings a station needs before its own average outweighs the overall average. */
  ratingPrior: number
}

export interface RankingInput {
  ratingSum: number
  ratingCount: number
  visitCount: number
  services: number
  totalServices: number
  hasPhone: boolean
  hasPhotos: boolean
  hasHours: boolean
  hasAward: boolean
}

/**
 * Award-nomination score in [0, 100]: a Bayesian rating average (few ratings pull toward the overall
 * mean), visits on a log scale against the busiest station, breadth of services, and completeness of the
 * station's record (有场地、有标识、有设施、有服务: phone, photos, hours).
 */
export function rankingScore(s: RankingInput, ctx: { meanRating: number; maxVisits: number }, w: RankingWeights) {
  const bayes = (s.ratingSum + w.ratingPrior * ctx.meanRating) / (s.ratingCount + w.ratingPrior)
  const rating = Math.max(0, (bayes - 1) / 4)
  const visits = ctx.maxVisits > 0 ? Math.log1p(s.visitCount) / Math.log1p(ctx.maxVisits) : 0
  const services = s.totalServices ? s.services / s.totalServices : 0
  const completeness = [s.hasPhone, s.hasPhotos, s.hasHours, s.hasAward].filter(Boolean).length / 4
  const total = w.rating + w.visits + w.services + w.completeness
  const parts = {
    rating: round2((100 * w.rating * rating) / total),
    visits: round2((100 * w.visits * visits) / total),
    services: round2((100 * w.services * services) / total),
    completeness: round2((100 * w.completeness * completeness) / total),
  }
  return { score: round2(parts.rating + parts.visits + parts.services + parts.completeness), parts }
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Check-ins, ratings, reports and closing apply only to a station that is still open for business. */
export function assertActive(r: { status: string }) {
  if (r.status !== 'active') throw new AppError('INVALID_STATE', '该站点已关闭')
}

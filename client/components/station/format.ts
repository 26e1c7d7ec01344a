// Pure formatting for the station pages: distances, ages, ratings, live status. No Taro here, so tests can
// use it. Opening hours are in hours.ts (only the detail page shows them).
import { AWARD_LEVEL_LABELS, LIVE_STATUS_LABELS, SERVICE_LABELS, type LiveStatus, type Service } from '../../../types/station-labels'
import type { Award } from '../../../types/station'

/** 350 -> "350米", 1234 -> "1.2公里", 12345 -> "12公里". */
export function formatDistance(m: number | null | undefined): string {
  if (m === null || m === undefined || !Number.isFinite(m) || m < 0) return ''
  if (m < 1000) return `${Math.max(1, Math.round(m))}米`
  if (m < 10_000) {
    const km = Math.round(m / 100) / 10
    return `${km.toFixed(km >= 10 ? 0 : 1).replace(/\.0$/, '')}公里`
  }
  return `${Math.round(m / 1000)}公里`
}

/** Radius for sentences: 3000 -> "3 公里", 500 -> "500 米". */
export function formatRadius(m: number): string {
  return m >= 1000 ? `${Number((m / 1000).toFixed(1))} 公里` : `${m} 米`
}

/** "刚刚", "15分钟前", "3小时前", "2天前". */
export function formatAge(iso: string | number | Date, now: number = Date.now()): string {
  const t = new Date(iso).getTime()
  if (!Number.isFinite(t)) return ''
  const min = Math.floor((now - t) / 60_000)
  if (min < 1) return '刚刚'
  if (min < 60) return `${min}分钟前`
  const h = Math.floor(min / 60)
  if (h < 24) return `${h}小时前`
  return `${Math.floor(h / 24)}天前`
}

/** Phone-local clock time: "14:05", with the date when it is not today ("8月3日 14:05"), and the year when not this year. */
export function formatClock(at: number | string | Date, now: number = Date.now()): string {
  const d = new Date(at)
  const n = new Date(now)
  const p = (x: number) => String(x).padStart(2, '0')
  const hm = `${p(d.getHours())}:${p(d.getMinutes())}`
  const sameDay = d.getFullYear() === n.getFullYear() && d.getMonth() === n.getMonth() && d.getDate() === n.getDate()
  if (sameDay) return hm
  const day = `${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
  return d.getFullYear() === n.getFullYear() ? day : `${d.getFullYear()}年${day}`
}

/** "15分钟前更新：暂时无饮用水". */
export function formatLiveStatus(status: LiveStatus | null, at: string | null, now: number = Date.now()): string {
  if (!status) return ''
  const label = LIVE_STATUS_LABELS[status]
  return at ? `${formatAge(at, now)}更新：${label}` : label
}

/** "4.6分（23人评价）" or "暂无评价". */
export function formatRating(avg: number | null, count: number): string {
  if (avg === null || !count) return '暂无评价'
  return `${avg.toFixed(1)}分（${count}人评价）`
}

export function awardText(a: Award): string {
  return `${a.year}年${a.title || AWARD_LEVEL_LABELS[a.level]}`
}

export const serviceLabel = (s: Service) => SERVICE_LABELS[s]

/** A short glyph per service, so riders can scan a row without reading every word. */
export const SERVICE_ICONS: Record<Service, string> = {
  water: '💧',
  meal_heating: '🍱',
  rest: '🪑',
  toilet: '🚻',
  phone_charging: '📱',
  ebike_charging: '🔌',
  first_aid: '⛑️',
  mother_baby: '🍼',
  wifi: '📶',
  umbrella: '☂️',
  repair_kit: '🔧',
  cooling: '🧊',
  heating: '🔥',
}

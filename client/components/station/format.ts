// Pure formatting for the station pages: distances, opening hours, ages. No Taro here, so tests can use it.
import { AWARD_LEVEL_LABELS, LIVE_STATUS_LABELS, SERVICE_LABELS, type LiveStatus, type Service } from '../../../types/station-labels'
import type { Award, Hours } from '../../../types/station'

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

/** Phone-local clock time: "14:05", with the date when it is not today ("8月3日 14:05"). */
export function formatClock(at: number | string | Date, now: number = Date.now()): string {
  const d = new Date(at)
  const n = new Date(now)
  const p = (x: number) => String(x).padStart(2, '0')
  const hm = `${p(d.getHours())}:${p(d.getMinutes())}`
  const sameDay = d.getFullYear() === n.getFullYear() && d.getMonth() === n.getMonth() && d.getDate() === n.getDate()
  return sameDay ? hm : `${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
}

/** "15分钟前更新：暂时无饮用水". */
export function formatLiveStatus(status: LiveStatus | null, at: string | null, now: number = Date.now()): string {
  if (!status) return ''
  const label = LIVE_STATUS_LABELS[status]
  return at ? `${formatAge(at, now)}更新：${label}` : label
}

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/**
 * One opening interval. A close at or before the open runs past midnight (the server's rule):
 * "09:00"-"18:00" -> "09:00–18:00"; "22:00"-"06:00" -> "22:00–次日06:00"; "20:00"-"00:00" -> "20:00–24:00";
 * "00:00"-"00:00" -> "全天".
 */
export function formatHours(open: string, close: string): string {
  const o = toMin(open)
  const c = toMin(close)
  if (c > o) return `${open}–${close}`
  if (c === 0) return o === 0 ? '全天' : `${open}–24:00`
  return `${open}–次日${close}`
}

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** Seven rows, Monday first: { day, label, text } with "24小时开放", "不开放" or the intervals. */
export function weeklyHours(hours: Hours): { day: number; label: string; text: string }[] {
  return WEEKDAY_LABELS.map((label, i) => {
    const day = i + 1
    if (hours.is24h) return { day, label, text: '24小时开放' }
    const list = hours.weekly
      .filter((h) => h.day === day)
      .sort((a, b) => toMin(a.open) - toMin(b.open))
      .map((h) => formatHours(h.open, h.close))
    return { day, label, text: list.length ? list.join('、') : '不开放' }
  })
}

/** ISO weekday (1 = Monday) in Beijing time, whatever the phone's time zone. */
export function beijingWeekday(now: number = Date.now()): number {
  const d = new Date(now + 8 * 3600_000).getUTCDay()
  return d === 0 ? 7 : d
}

/** Today's hours in one line, including a night that started yesterday: "00:00–06:00、22:00–次日06:00". */
export function todayHours(hours: Hours, now: number = Date.now()): string {
  if (hours.is24h) return '24小时开放'
  const today = beijingWeekday(now)
  const yesterday = today === 1 ? 7 : today - 1
  const parts: string[] = []
  for (const h of hours.weekly) {
    if (h.day === yesterday && toMin(h.close) > 0 && toMin(h.close) <= toMin(h.open)) parts.push(`00:00–${h.close}`)
  }
  for (const h of [...hours.weekly].filter((x) => x.day === today).sort((a, b) => toMin(a.open) - toMin(b.open))) parts.push(formatHours(h.open, h.close))
  return parts.length ? parts.join('、') : '今日不开放'
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

/** Amap's web marker page (GCJ-02 coordinates, "gaode"): the navigation fallback in plain browsers. */
export function amapMarkerUrl(s: { lat: number; lng: number; name: string }): string {
  return `https://uri.amap.com/marker?position=${s.lng},${s.lat}&name=${encodeURIComponent(s.name)}&coordinate=gaode&callnative=1&src=warm-union`
}

// Opening hours as the station detail page shows them, in Beijing time. Pure, so tests can use it.
import type { Hours } from '../../../types/station'

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

import { greatCircleM, hoursToIntervals, isOpenAt, rankingScore } from '../../cloud/domain/station/rules'
import { decodeCursor, encodeCursor } from '../../cloud/db/page'
import { generateStations } from '../../cloud/demo/stations'
import type { Hours } from '../../types/station'

// Shanghai is UTC+8 all year: 2026-11-23 is a Monday.
const sh = (isoLocal: string) => new Date(`${isoLocal}+08:00`)
const everyDay = (open: string, close: string): Hours => ({ is24h: false, weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open, close })) })

describe('opening hours in Asia/Shanghai', () => {
  it('should be open inside the hours and closed at the closing minute', () => {
    const h = everyDay('08:00', '20:00')
    expect(isOpenAt(h, sh('2026-11-23T07:59'))).toBe(false)
    expect(isOpenAt(h, sh('2026-11-23T08:00'))).toBe(true)
    expect(isOpenAt(h, sh('2026-11-23T19:59'))).toBe(true)
    expect(isOpenAt(h, sh('2026-11-23T20:00'))).toBe(false)
  })

  it('should keep a station open past midnight into the next day when hours cross midnight', () => {
    const fridayNight: Hours = { is24h: false, weekly: [{ day: 5, open: '22:00', close: '06:00' }] }
    expect(isOpenAt(fridayNight, sh('2026-11-27T23:30'))).toBe(true) // Friday
    expect(isOpenAt(fridayNight, sh('2026-11-28T05:59'))).toBe(true) // Saturday early morning
    expect(isOpenAt(fridayNight, sh('2026-11-28T06:00'))).toBe(false)
    expect(isOpenAt(fridayNight, sh('2026-11-27T05:00'))).toBe(false) // Friday early: Thursday had no night
  })

  it('should wrap Sunday night into Monday morning', () => {
    const sundayNight: Hours = { is24h: false, weekly: [{ day: 7, open: '20:00', close: '02:00' }] }
    expect(isOpenAt(sundayNight, sh('2026-11-30T01:00'))).toBe(true) // Monday 01:00
    expect(hoursToIntervals(sundayNight)).toEqual([
      { dow: 7, openMin: 1200, closeMin: 1440 },
      { dow: 1, openMin: 0, closeMin: 120 },
    ])
  })

  it('should be closed all day on a day without hours', () => {
    const weekdays: Hours = { is24h: false, weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })) }
    expect(isOpenAt(weekdays, sh('2026-11-28T12:00'))).toBe(false) // Saturday
    expect(isOpenAt(weekdays, sh('2026-11-27T12:00'))).toBe(true) // Friday
  })

  it('should always be open when 24-hour, whatever the weekly list says', () => {
    const h: Hours = { is24h: true, weekly: [] }
    for (const t of ['2026-11-23T00:00', '2026-11-29T23:59', '2026-11-25T12:00']) expect(isOpenAt(h, sh(t))).toBe(true)
  })

  it('should use Shanghai time, not the server clock', () => {
    // 23:30 UTC on Sunday is 07:30 Monday in Shanghai.
    const h: Hours = { is24h: false, weekly: [{ day: 1, open: '07:00', close: '08:00' }] }
    expect(isOpenAt(h, new Date('2026-11-29T23:30:00Z'))).toBe(true)
  })
})

describe('distances, cursors and ranking', () => {
  it('should measure about 1.11 km per 0.01 degree of latitude', () => {
    expect(Math.round(greatCircleM(39.9, 116.4, 39.91, 116.4))).toBe(1113)
  })

  it('should round-trip a cursor and reject a forged one', () => {
    expect(decodeCursor(encodeCursor(40))).toBe(40)
    expect(decodeCursor(undefined)).toBe(0)
    expect(decodeCursor('bm9wZQ')).toBeNull()
  })

  const w = { rating: 40, visits: 30, services: 15, completeness: 15, ratingPrior: 5 }
  const base = { ratingSum: 0, ratingCount: 0, visitCount: 0, services: 3, totalServices: 13, hasPhone: true, hasPhotos: false, hasHours: true, hasAward: false }
  it('should rank many good ratings above one perfect rating', () => {
    const ctx = { meanRating: 3.5, maxVisits: 1000 }
    const many = rankingScore({ ...base, ratingSum: 46 * 10, ratingCount: 100 }, ctx, w)
    const one = rankingScore({ ...base, ratingSum: 5, ratingCount: 1 }, ctx, w)
    expect(many.score).toBeGreaterThan(one.score)
    expect(many.score).toBeLessThanOrEqual(100)
  })

  it('should reward visits and services', () => {
    const ctx = { meanRating: 3.5, maxVisits: 1000 }
    expect(rankingScore({ ...base, visitCount: 500 }, ctx, w).score).toBeGreaterThan(rankingScore({ ...base, visitCount: 5 }, ctx, w).score)
    expect(rankingScore({ ...base, services: 10 }, ctx, w).parts.services).toBeGreaterThan(rankingScore(base, ctx, w).parts.services)
  })
})

describe('demo stations', () => {
  it('should be generated identically from the same seed, inside Beijing', () => {
    const a = generateStations(300)
    const b = generateStations(300)
    expect(a).toEqual(b)
    expect(new Set(a.map((s) => s.id)).size).toBe(300)
    for (const s of a) {
      expect(s.lat).toBeGreaterThan(39.3)
      expect(s.lat).toBeLessThan(41.1)
      expect(s.services).toContain('water')
    }
    expect(new Set(a.map((s) => s.district)).size).toBeGreaterThan(10)
  })
})

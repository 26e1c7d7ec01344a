import { formatAge, formatDistance, formatLiveStatus, formatRadius, formatRating } from '../../client/components/station/format'
import { beijingWeekday, formatHours, todayHours, weeklyHours } from '../../client/components/station/hours'
import { amapMarkerUrl } from '../../client/packages/stations/detail/open-map'

describe('station formatting', () => {
  test('distances: metres under 1 km, one decimal under 10 km, whole km beyond', () => {
    expect(formatDistance(0)).toBe('1米')
    expect(formatDistance(86)).toBe('86米')
    expect(formatDistance(999)).toBe('999米')
    expect(formatDistance(1000)).toBe('1公里')
    expect(formatDistance(1234)).toBe('1.2公里')
    expect(formatDistance(9960)).toBe('10公里')
    expect(formatDistance(23_456)).toBe('23公里')
    expect(formatDistance(null)).toBe('')
    expect(formatRadius(3000)).toBe('3 公里')
    expect(formatRadius(1500)).toBe('1.5 公里')
    expect(formatRadius(500)).toBe('500 米')
  })

  test('hours: same day, past midnight, until midnight, whole day', () => {
    expect(formatHours('09:00', '18:00')).toBe('09:00–18:00')
    expect(formatHours('22:00', '06:00')).toBe('22:00–次日06:00')
    expect(formatHours('20:00', '00:00')).toBe('20:00–24:00')
    expect(formatHours('08:00', '08:00')).toBe('08:00–次日08:00')
    expect(formatHours('00:00', '00:00')).toBe('全天')
  })

  test('weekly table: 24h, closed days, several intervals in order', () => {
    expect(weeklyHours({ is24h: true, weekly: [] }).map((r) => r.text)).toEqual(Array(7).fill('24小时开放'))
    const rows = weeklyHours({
      is24h: false,
      weekly: [
        { day: 1, open: '17:00', close: '02:00' },
        { day: 1, open: '07:00', close: '11:00' },
        { day: 3, open: '09:00', close: '18:00' },
      ],
    })
    expect(rows[0]).toEqual({ day: 1, label: '周一', text: '07:00–11:00、17:00–次日02:00' })
    expect(rows[1].text).toBe('不开放')
    expect(rows[2].text).toBe('09:00–18:00')
    expect(rows[6].label).toBe('周日')
  })

  test("today's hours include a night that began yesterday, in Beijing time", () => {
    // 2026-11-24 is a Tuesday; 01:00 in Beijing is 17:00 UTC the day before.
    const tuesdayEarly = Date.parse('2026-11-23T17:00:00Z')
    expect(beijingWeekday(tuesdayEarly)).toBe(2)
    const hours = { is24h: false, weekly: [{ day: 1, open: '22:00', close: '06:00' }, { day: 2, open: '22:00', close: '06:00' }] }
    expect(todayHours(hours, tuesdayEarly)).toBe('00:00–06:00、22:00–次日06:00')
    expect(todayHours({ is24h: false, weekly: [{ day: 5, open: '09:00', close: '17:00' }] }, tuesdayEarly)).toBe('今日不开放')
  })

  test('ages and live status', () => {
    const now = Date.parse('2026-08-01T06:15:00Z')
    expect(formatAge('2026-08-01T06:14:40Z', now)).toBe('刚刚')
    expect(formatAge('2026-08-01T06:00:00Z', now)).toBe('15分钟前')
    expect(formatAge('2026-08-01T03:00:00Z', now)).toBe('3小时前')
    expect(formatAge('2026-07-29T06:00:00Z', now)).toBe('3天前')
    expect(formatAge('2026-08-01T06:20:00Z', now)).toBe('刚刚') // phone clock behind the server
    expect(formatLiveStatus('water_out', '2026-08-01T06:00:00Z', now)).toBe('15分钟前更新：暂时无饮用水')
    expect(formatLiveStatus(null, null, now)).toBe('')
    expect(formatRating(4.56, 23)).toBe('4.6分（23人评价）')
    expect(formatRating(null, 0)).toBe('暂无评价')
  })

  test('browser navigation fallback: Amap marker with GCJ-02 coordinates', () => {
    expect(amapMarkerUrl({ lat: 39.92, lng: 116.44, name: '建外驿站' })).toBe(
      'https://uri.amap.com/marker?position=116.44,39.92&name=%E5%BB%BA%E5%A4%96%E9%A9%BF%E7%AB%99&coordinate=gaode&callnative=1&src=warm-union',
    )
  })
})

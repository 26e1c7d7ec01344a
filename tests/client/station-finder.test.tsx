import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import gcoord from 'gcoord'
import StationFinder from '../../client/pages/stations/index'
import { CACHE_KEY } from '../../client/components/station/cache'
import { formatClock } from '../../client/components/station/format'
import { BEIJING_DISTRICTS } from '../../types/station'
import { fail, freshSession, gateway, offline, ok, setGeolocation, station } from './helpers'

const denied: Partial<Geolocation> = {
  getCurrentPosition: (_ok: PositionCallback, err?: PositionErrorCallback | null) => err?.({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError),
}

const items = (c: HTMLElement) => Array.from(c.querySelectorAll('.station-item'))
const chaoyang = BEIJING_DISTRICTS.find((d) => d.name === '朝阳区')!

async function pickDistrict(c: HTMLElement, name = '朝阳区') {
  await waitFor(() => expect(c.querySelectorAll('.district-item').length).toBe(BEIJING_DISTRICTS.length))
  const btn = Array.from(c.querySelectorAll('.district-item')).find((b) => b.textContent === name)!
  fireEvent.click(btn)
}

beforeEach(() => freshSession())
afterEach(() => {
  cleanup()
  setGeolocation(undefined)
})

describe('station finder', () => {
  test('location refused: the district picker appears and a district searches from its centre', async () => {
    setGeolocation(denied)
    const calls = gateway(({ action }) => (action === 'nearby' ? ok({ items: [station(1), station(2, { distanceM: 1234 })], nextCursor: null }) : fail('UNKNOWN_ACTION', '?')))
    const { container } = render(<StationFinder />)
    expect(await screen.findByText('没有获得定位权限，请选择您所在的区域')).toBeTruthy()
    await pickDistrict(container)
    await waitFor(() => expect(items(container)).toHaveLength(2))
    expect(calls).toHaveLength(1)
    expect(calls[0].data).toMatchObject({ lat: chaoyang.lat, lng: chaoyang.lng, radiusM: 3000 })
    expect(items(container)[0].getAttribute('data-id')).toBe('st-1')
    expect(container.textContent).toContain('150米')
    expect(container.textContent).toContain('1.2公里')
    expect(container.textContent).toContain('营业中')
  })

  test('no answer from the browser within the timeout also leads to the district picker', async () => {
    jest.useFakeTimers()
    try {
      setGeolocation({ getCurrentPosition: () => undefined }) // a prompt nobody answers
      gateway(() => ok({ items: [], nextCursor: null }))
      const { container } = render(<StationFinder />)
      expect(container.querySelectorAll('.district-item')).toHaveLength(0)
      await act(async () => {
        jest.advanceTimersByTime(3100)
      })
      expect(container.querySelectorAll('.district-item')).toHaveLength(BEIJING_DISTRICTS.length)
    } finally {
      jest.useRealTimers()
    }
  })

  test('browser position (WGS-84) is sent as GCJ-02 and never stored', async () => {
    const wgs = { latitude: 39.9087, longitude: 116.3975 }
    setGeolocation({ getCurrentPosition: (cb: PositionCallback) => cb({ coords: wgs, timestamp: Date.now() } as GeolocationPosition) })
    const calls = gateway(() => ok({ items: [station(1)], nextCursor: null }))
    const { container } = render(<StationFinder />)
    await waitFor(() => expect(items(container)).toHaveLength(1))
    const [lng, lat] = gcoord.transform([wgs.longitude, wgs.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    expect(calls[0].data.lat).toBeCloseTo(lat, 6)
    expect(calls[0].data.lng).toBeCloseTo(lng, 6)
    expect(Math.abs(calls[0].data.lng - wgs.longitude)).toBeGreaterThan(0.003) // really converted
    const stored = JSON.stringify(Taro.getStorageSync(CACHE_KEY))
    expect(stored).toContain('st-1')
    for (const v of [lat, lng, wgs.latitude, wgs.longitude]) expect(stored).not.toContain(String(v))
    expect(stored).not.toContain('distanceM')
  })

  test('offline: the last good result is shown, marked with its time', async () => {
    setGeolocation(denied)
    gateway(() => ok({ items: [station(1), station(2), station(3)], nextCursor: null }))
    const first = render(<StationFinder />)
    await pickDistrict(first.container)
    await waitFor(() => expect(items(first.container)).toHaveLength(3))
    const savedAt = (Taro.getStorageSync(CACHE_KEY) as { savedAt: number }).savedAt
    first.unmount()

    jest.restoreAllMocks()
    const calls = gateway(offline)
    const { container } = render(<StationFinder />)
    await pickDistrict(container, '海淀区')
    expect(await screen.findByText(`离线数据，更新于 ${formatClock(savedAt)}（网络恢复后请刷新，距离以实际为准）`)).toBeTruthy()
    expect(calls).toHaveLength(1)
    expect(items(container).map((e) => e.getAttribute('data-id'))).toEqual(['st-1', 'st-2', 'st-3'])
    expect(container.textContent).not.toContain('150米') // distances from an old position are not shown
  })

  test('offline with nothing cached: a clear error and a retry', async () => {
    setGeolocation(denied)
    gateway(offline)
    const { container } = render(<StationFinder />)
    await pickDistrict(container)
    expect(await screen.findByText('网络不太好，请检查网络后重试')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  test('filters, empty result and 扩大范围 doubling the radius', async () => {
    setGeolocation(denied)
    const calls = gateway(({ data }) => ok({ items: data.radiusM >= 12000 ? [station(9, { distanceM: 9000 })] : [], nextCursor: null }))
    const { container } = render(<StationFinder />)
    await pickDistrict(container)
    expect(await screen.findByText('附近 3 公里内没有符合条件的站点，试试扩大范围')).toBeTruthy()
    fireEvent.click(container.querySelector('.chip-water')!)
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1].data.services).toEqual(['water'])
    fireEvent.click(container.querySelector('.chip-open-now')!)
    await waitFor(() => expect(calls).toHaveLength(3))
    expect(calls[2].data).toMatchObject({ services: ['water'], openNow: true })
    fireEvent.click(await screen.findByText('扩大范围到 6 公里'))
    await waitFor(() => expect(calls).toHaveLength(4))
    expect(calls[3].data.radiusM).toBe(6000)
    fireEvent.click(await screen.findByText('扩大范围到 12 公里'))
    await waitFor(() => expect(items(container)).toHaveLength(1))
    expect(calls[4].data).toMatchObject({ radiusM: 12000, services: ['water'], openNow: true })
  })

  test('load more follows nextCursor and appends', async () => {
    setGeolocation(denied)
    const calls = gateway(({ data }) => (data.cursor ? ok({ items: [station(3), station(4)], nextCursor: null }) : ok({ items: [station(1), station(2)], nextCursor: 'o:2' })))
    const { container } = render(<StationFinder />)
    await pickDistrict(container)
    fireEvent.click(await screen.findByText('加载更多'))
    await waitFor(() => expect(items(container)).toHaveLength(4))
    expect(calls[1].data.cursor).toBe('o:2')
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  test('live status with its age and award badge are shown; tapping an item opens the detail', async () => {
    setGeolocation(denied)
    const at = new Date(Date.now() - 15 * 60_000).toISOString()
    gateway(() => ok({ items: [station(1, { liveStatus: 'water_out', liveStatusAt: at, awards: [{ level: 'city', year: 2022 }] })], nextCursor: null }))
    const nav = jest.spyOn(Taro, 'navigateTo')
    const { container } = render(<StationFinder />)
    await pickDistrict(container)
    expect(await screen.findByText('15分钟前更新：暂时无饮用水')).toBeTruthy()
    expect(container.textContent).toContain('2022年北京市最美驿站')
    fireEvent.click(items(container)[0])
    expect(nav).toHaveBeenCalledWith({ url: '/packages/stations/detail/index?id=st-1' })
  })
})

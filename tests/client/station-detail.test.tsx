import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouter } from './stubs/taro'
import StationDetailPage from '../../client/packages/stations/detail/index'
import StationManage from '../../client/packages/stations/manage/index'
import type { StationDetail } from '../../types/station'
import { saveStations } from '../../client/components/station/cache'
import { fail, freshSession, gateway, offline, ok, station } from './helpers'

function detail(over: Partial<StationDetail> = {}): StationDetail {
  return {
    ...station(1),
    distanceM: null,
    unionId: 'u-1',
    unionName: '建外街道总工会',
    phone: '010-65001234',
    photos: [],
    hours: { is24h: false, weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '22:00', close: '06:00' })) },
    liveStatusNote: null,
    visitCount: 41,
    status: 'active',
    myRating: { stars: 4, comment: '热水很方便' },
    checkedInToday: false,
    canReport: false,
    ...over,
  }
}

beforeEach(() => {
  freshSession()
  __setRouter({ id: 'st-1' })
})
afterEach(cleanup)

describe('station detail', () => {
  test('shows hours past midnight, navigation, and check-in that reports 今日已打卡', async () => {
    const calls = gateway(({ action }) => {
      if (action === 'detail') return ok(detail())
      if (action === 'checkIn') return ok({ alreadyToday: true, visitCount: 41, day: '2026-11-24' })
      return fail('UNKNOWN_ACTION', '?')
    })
    const open = jest.spyOn(Taro, 'openLocation')
    const { container } = render(<StationDetailPage />)
    await waitFor(() => expect(container.querySelector('.station-name')?.textContent).toBe('朝阳测试驿站1号'))
    expect(container.querySelector('.station-detail')).toBeTruthy()
    expect(calls[0].data).toEqual({ id: 'st-1' }) // no position known: none sent
    expect(screen.getAllByText('22:00–次日06:00')).toHaveLength(7)
    fireEvent.click(screen.getByText('🧭 导航到这里'))
    expect(open).toHaveBeenCalledWith({ latitude: 39.921, longitude: 116.441, name: '朝阳测试驿站1号', address: '朝阳区建国路1号', scale: 16 })
    fireEvent.click(container.querySelector('.checkin-button')!)
    await waitFor(() => expect(container.querySelector('.checkin-button')?.textContent).toBe('✅ 今日已打卡'))
    expect(calls[1]).toMatchObject({ action: 'checkIn', data: { stationId: 'st-1' } })
  })

  test('shows the station’s photos, uploaded and older ones, and opens them all in the viewer', async () => {
    const photos = ['/files/public/11111111-1111-4111-8111-111111111111', 'https://example.com/old.jpg']
    gateway(({ action }) => (action === 'detail' ? ok(detail({ photos })) : fail('UNKNOWN_ACTION', '?')))
    const preview = jest.spyOn(Taro, 'previewImage')
    const { container } = render(<StationDetailPage />)
    await waitFor(() => expect(container.querySelectorAll('.station-photo-img')).toHaveLength(2))
    // H5 in tests: the gateway is the page's own origin, so the public path is used as it is.
    expect([...container.querySelectorAll('.station-photo-img')].map((i) => i.getAttribute('src'))).toEqual(photos)
    fireEvent.click(screen.getByLabelText('查看第 2 张照片，共 2 张'))
    expect(preview).toHaveBeenCalledWith({ urls: photos, current: photos[1] })
    preview.mockRestore()
  })

  test('rating is prefilled from myRating and can be changed', async () => {
    const calls = gateway(({ action }) => (action === 'detail' ? ok(detail()) : ok({ ratingAvg: 4.6, ratingCount: 13, myStars: 5 })))
    const { container } = render(<StationDetailPage />)
    await waitFor(() => expect(container.querySelectorAll('.star-on')).toHaveLength(4))
    expect((container.querySelector('.rating-comment') as HTMLTextAreaElement).value).toBe('热水很方便')
    fireEvent.click(container.querySelector('.star-5')!)
    fireEvent.click(screen.getByText('修改评价'))
    await waitFor(() => expect(container.textContent).toContain('4.6分（13人评价）'))
    expect(calls[1]).toMatchObject({ action: 'rate', data: { stationId: 'st-1', stars: 5, comment: '热水很方便' } })
  })

  test('offline: what the finder saved of the station is shown, with navigation', async () => {
    saveStations([station(1), station(2)])
    gateway(offline)
    const open = jest.spyOn(Taro, 'openLocation')
    const { container } = render(<StationDetailPage />)
    expect(await screen.findByText('网络不太好，请检查网络后重试')).toBeTruthy()
    expect(container.querySelector('.station-name')?.textContent).toBe('朝阳测试驿站1号')
    expect(container.textContent).toContain('离线数据，更新于')
    fireEvent.click(screen.getByText('🧭 导航到这里'))
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ latitude: 39.921, longitude: 116.441, scale: 16 }))
  })

  test('the status reporter appears only when canReport', async () => {
    gateway(({ action }) => (action === 'detail' ? ok(detail({ canReport: true })) : ok({ liveStatus: 'water_out', liveStatusAt: new Date().toISOString() })))
    const { container } = render(<StationDetailPage />)
    await waitFor(() => expect(container.querySelector('.report-section')).toBeTruthy())
    fireEvent.click(container.querySelector('.report-water_out')!)
    fireEvent.click(screen.getByText('更新状态'))
    await waitFor(() => expect(container.textContent).toContain('刚刚更新：暂时无饮用水'))
  })
})

describe('station staff page', () => {
  test('members who are not staff see 仅限工会工作人员使用', async () => {
    gateway(() => fail('FORBIDDEN', '需要工会工作人员权限'))
    render(<StationManage />)
    expect(await screen.findByText('仅限工会工作人员使用')).toBeTruthy()
  })

  test('staff see totals, visits and the ranking with its parts', async () => {
    gateway(({ action }) =>
      action === 'stats'
        ? ok({ days: 30, totals: { stations: 2, visits: 57, ratings: 9, ratingAvg: 4.3 }, items: [{ id: 'a', name: '建外驿站', district: '朝阳区', visits: 40, visitsTotal: 300, ratingAvg: 4.5, ratingCount: 6 }] })
        : ok({ items: [{ rank: 1, id: 'a', name: '建外驿站', district: '朝阳区', score: 71.234, parts: { rating: 30.1, visits: 25, services: 7.5, completeness: 8.63 }, ratingAvg: 4.5, ratingCount: 6, visitCount: 300 }] }),
    )
    const { container } = render(<StationManage />)
    fireEvent.click(screen.getByText('到访统计'))
    expect(await screen.findByText('57')).toBeTruthy()
    expect(container.textContent).toContain('近30天到访 40 · 累计 300')
    fireEvent.click(screen.getByText('最美驿站评选排名'))
    expect(container.querySelector('.ranking-item')?.textContent).toContain('71.2')
    expect(container.textContent).toContain('评价 30.1 · 到访 25.0 · 服务 7.5 · 完整度 8.6')
  })
})

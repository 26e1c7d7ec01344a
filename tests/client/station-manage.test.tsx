// 站点管理 in jsdom against a scripted gateway that keeps stations: searching and paging on the server,
// adding (checked on the page first), editing, closing with a reason and reopening.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationManage from '../../client/packages/stations/manage/index'
import type { StationDetail, StationListItem } from '../../types/station'
import { fail, freshSession, gateway, ok, station, type Call } from './helpers'

const STAFF = { openid: 'demo-staff', roles: ['staff'], staffUnionId: 'u-street' }
const unions = [
  { id: 'u-district', name: '朝阳区总工会', code: '110105', level: 'district', parentId: null, parentName: null, acceptsMembers: false },
  { id: 'u-street', name: '建外街道总工会', code: '110105001', level: 'street', parentId: 'u-district', parentName: '朝阳区总工会', acceptsMembers: false },
]

function detail(n: number, over: Partial<StationDetail> = {}): StationDetail {
  return { ...station(n), distanceM: null, unionId: 'u-street', unionName: '建外街道总工会', photos: [], liveStatusNote: null, visitCount: 0, status: 'active', myRating: null, checkedInToday: false, canReport: true, ...over }
}
const item = (d: StationDetail & { closedReason?: string | null }): StationListItem => ({
  id: d.id, name: d.name, kind: d.kind, address: d.address, district: d.district, status: d.status, closedReason: d.closedReason ?? null, unionId: d.unionId, unionName: d.unionName,
  services: d.services, is24h: d.is24h, phone: d.phone, ratingAvg: d.ratingAvg, ratingCount: d.ratingCount, visitCount: d.visitCount, updatedAt: new Date().toISOString(),
})

/** A server in memory: station.list searches names, addresses and districts and pages by 20. */
function server() {
  const stations: (StationDetail & { closedReason?: string | null })[] = Array.from({ length: 25 }, (_, i) => detail(i + 1))
  const calls = gateway(({ fn, action, data }: Call) => {
    if (fn === 'auth') return ok(STAFF)
    if (fn === 'union' && action === 'list') return ok({ items: unions })
    if (fn !== 'station') return fail('UNKNOWN_ACTION', '?')
    const s = stations.find((x) => x.id === data.id)
    if (action === 'list') {
      const terms: string[] = (data.q ?? '').split(/\s+/).filter(Boolean)
      const hits = stations.filter((x) => (data.status === 'all' || x.status === data.status) && terms.every((t) => `${x.name}${x.address}${x.district}`.includes(t)))
      const from = data.cursor ? Number(data.cursor) : 0
      const to = from + data.limit
      return ok({ items: hits.slice(from, to).map(item), nextCursor: to < hits.length ? String(to) : null, total: hits.length })
    }
    if (action === 'detail') return s ? ok(s) : fail('NOT_FOUND', '没有找到这个站点')
    if (action === 'save') {
      if (data.name.includes('重名')) return { ok: false, error: { code: 'VALIDATION_FAILED', message: '请修改标出的内容', fields: { 'hours.weekly.0.open': '开门时间有误', name: '本工会已有同名站点' } } }
      const { id, ...rest } = data
      if (id) Object.assign(s!, rest, { is24h: rest.hours.is24h, phone: rest.phone ?? null })
      else stations.unshift({ ...detail(stations.length + 1), ...rest, is24h: rest.hours.is24h, phone: rest.phone ?? null, id: 'st-new' })
      return ok({ id: id ?? 'st-new' })
    }
    if (action === 'close') return Object.assign(s!, { status: 'closed', closedReason: data.reason }) && ok({ id: s!.id, status: 'closed' })
    if (action === 'reopen') return Object.assign(s!, { status: 'active', closedReason: null }) && ok({ id: s!.id, status: 'active' })
    return fail('UNKNOWN_ACTION', '?')
  })
  return { calls, stations }
}

const type = (el: Element | null, value: string) => fireEvent.change(el!, { target: { value } })
const press = async (el: Element | null) => act(async () => void fireEvent.click(el!))
const names = (c: HTMLElement) => [...c.querySelectorAll('.admin-name')].map((e) => e.textContent)
const row = (c: HTMLElement, name: string) => [...c.querySelectorAll('.admin-item')].find((r) => r.querySelector('.admin-name')?.textContent === name)!

beforeEach(() => freshSession())
afterEach(cleanup)

describe('station management page', () => {
  test('lists a page of 20 with the total, loads more, and searches on the server', async () => {
    const { calls } = server()
    const { container } = render(<StationManage />)
    await waitFor(() => expect(names(container)).toHaveLength(20))
    expect(container.querySelector('.admin-total')?.textContent).toBe('共 25 个站点')
    expect(calls.find((c) => c.action === 'list')!.data).toEqual({ status: 'active', limit: 20 })
    await press(screen.getByText('加载更多'))
    await waitFor(() => expect(names(container)).toHaveLength(25))

    type(container.querySelector('.admin-search-input'), ' 驿站12号 ')
    await press(container.querySelector('.admin-search-go'))
    await waitFor(() => expect(names(container)).toEqual(['朝阳测试驿站12号']))
    expect(calls.filter((c) => c.action === 'list').pop()!.data).toEqual({ status: 'active', limit: 20, q: '驿站12号' })
    expect(container.querySelector('.admin-total')?.textContent).toBe('共 1 个站点')
    type(container.querySelector('.admin-search-input'), '火星')
    await press(container.querySelector('.admin-search-go'))
    expect(await screen.findByText('没有找到符合条件的站点')).toBeTruthy()
  })

  test('adds a station: the page names what is missing before anything is sent, then saves it', async () => {
    const { calls } = server()
    const { container } = render(<StationManage />)
    await waitFor(() => expect(names(container)).toHaveLength(20))
    await press(container.querySelector('.admin-add'))
    await waitFor(() => expect(container.querySelector('.form-union')?.textContent).toBe('建外街道总工会'))
    await press(container.querySelector('.form-save'))
    expect(screen.getByText('请填写站点名称')).toBeTruthy()
    expect(screen.getByText('请选择所在区')).toBeTruthy()
    expect(screen.getByText('请填写经纬度，或点“使用当前位置”')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'save')).toHaveLength(0)

    type(container.querySelector('.form-name'), '建外新设暖心驿站')
    type(container.querySelector('.form-address'), '北京市朝阳区建国门外大街9号')
    await press(screen.getByText('朝阳区'))
    type(container.querySelector('.form-lat'), '1.29')
    type(container.querySelector('.form-lng'), '103.85')
    await press(container.querySelector('.form-save'))
    expect(screen.getByText('坐标不在中国境内，请检查纬度和经度是否填反')).toBeTruthy()
    type(container.querySelector('.form-lat'), '39.91')
    type(container.querySelector('.form-lng'), '116.45')
    await press(container.querySelector('.service-toilet'))
    await press(container.querySelector('.hours-row .day-7')) // Sunday off
    await press(container.querySelector('.form-save'))
    await waitFor(() => expect(names(container)[0]).toBe('建外新设暖心驿站'))
    expect(calls.find((c) => c.action === 'save')!.data).toEqual({
      unionId: 'u-street', kind: 'warm_station', name: '建外新设暖心驿站', address: '北京市朝阳区建国门外大街9号', district: '朝阳区', lat: 39.91, lng: 116.45,
      services: ['water', 'rest', 'toilet'], hours: { is24h: false, weekly: [1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '08:00', close: '20:00' })) }, photos: [], photoFileIds: [], awards: [],
    })
  })

  test('edits a station from its detail and shows the server’s field error on the field', async () => {
    const { calls } = server()
    const { container } = render(<StationManage />)
    await waitFor(() => expect(names(container)).toHaveLength(20))
    await press(row(container, '朝阳测试驿站3号').querySelector('.admin-edit'))
    await waitFor(() => expect((container.querySelector('.form-name') as HTMLInputElement)?.value).toBe('朝阳测试驿站3号'))
    expect(calls.filter((c) => c.action === 'detail').pop()!.data).toEqual({ id: 'st-3' })
    expect((container.querySelector('.form-phone') as HTMLInputElement).value).toBe('010-65000003')
    type(container.querySelector('.form-name'), '朝阳测试驿站1号重名')
    await press(container.querySelector('.form-save'))
    expect(container.querySelector('.form-top-error')?.textContent).toBe('请修改标出的内容')
    expect([...container.querySelectorAll('.form-error')].map((e) => e.textContent)).toEqual(['本工会已有同名站点', '开门时间有误'])
    type(container.querySelector('.form-name'), '朝阳测试驿站3号（东门）')
    await press(container.querySelector('.form-save'))
    await waitFor(() => expect(names(container)).toContain('朝阳测试驿站3号（东门）'))
    expect(calls.filter((c) => c.action === 'save').pop()!.data).toMatchObject({ id: 'st-3', name: '朝阳测试驿站3号（东门）', phone: '010-65000003', hours: { is24h: false } })
  })

  test('adds and removes photos: each upload shows its state, a failed one is named, and the save names the files kept', async () => {
    const { calls, stations } = server()
    const OLD = '11111111-1111-4111-8111-111111111111'
    Object.assign(stations.find((s) => s.id === 'st-4')!, { photos: [`/files/public/${OLD}`, 'https://example.com/old.jpg'] })
    const { container } = render(<StationManage />)
    await waitFor(() => expect(names(container)).toHaveLength(20))
    await press(row(container, '朝阳测试驿站4号').querySelector('.admin-edit'))
    await waitFor(() => expect(container.querySelectorAll('.form-photo')).toHaveLength(2))
    const states = () => [...container.querySelectorAll('.form-photo-state')].map((e) => e.textContent)
    expect(states()).toEqual(['已上传', '已上传'])

    const pick = jest.spyOn(Taro, 'chooseMedia').mockResolvedValue({ tempFiles: [{ tempFilePath: 'http://tmp/door.jpg' }] } as never)
    let answer: (r: { statusCode: number; data: string }) => void = () => undefined
    const upload = jest.spyOn(Taro, 'uploadFile').mockImplementation((() => new Promise((r) => (answer = r))) as never)
    await press(screen.getByText('添加照片'))
    await waitFor(() => expect(states()).toEqual(['已上传', '已上传', '正在上传…']))
    expect(upload.mock.calls[0][0]).toMatchObject({ url: '/api/files', filePath: 'http://tmp/door.jpg', name: 'file', formData: { purpose: 'station_photo' } })
    await press(container.querySelector('.form-save'))
    expect(screen.getByText('照片还在上传，请稍等')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'save')).toHaveLength(0)
    await act(async () => answer({ statusCode: 413, data: JSON.stringify({ ok: false, error: { code: 'FILE_TOO_LARGE', message: '文件不能超过 10 MB，请压缩后再上传' } }) }))
    await waitFor(() => expect(states()[2]).toBe('上传失败：文件不能超过 10 MB，请压缩后再上传'))
    await press(screen.getByLabelText('删除第 3 张照片'))

    const NEW = '22222222-2222-4222-8222-222222222222'
    upload.mockResolvedValue({ statusCode: 200, data: JSON.stringify({ ok: true, data: { fileId: NEW, contentType: 'image/jpeg' } }) } as never)
    await press(screen.getByText('添加照片'))
    await waitFor(() => expect(states()).toEqual(['已上传', '已上传', '已上传']))
    await press(screen.getByLabelText('删除第 1 张照片')) // the photo uploaded before goes
    expect(container.querySelectorAll('.form-photo')).toHaveLength(2)
    await press(container.querySelector('.form-save'))
    await waitFor(() => expect(calls.filter((c) => c.action === 'save')).toHaveLength(1))
    expect(calls.find((c) => c.action === 'save')!.data).toMatchObject({ id: 'st-4', photos: ['https://example.com/old.jpg'], photoFileIds: [NEW] })
    upload.mockRestore()
    pick.mockRestore()
  })

  test('offers no 添加照片 once the station has six uploaded photos', async () => {
    const { stations } = server()
    const six = Array.from({ length: 6 }, (_, i) => `/files/public/${String(i).repeat(8)}-1111-4111-8111-111111111111`)
    Object.assign(stations.find((s) => s.id === 'st-5')!, { photos: [...six, 'https://example.com/old.jpg'] })
    const { container } = render(<StationManage />)
    await waitFor(() => expect(names(container)).toHaveLength(20))
    await press(row(container, '朝阳测试驿站5号').querySelector('.admin-edit'))
    await waitFor(() => expect(container.querySelectorAll('.form-photo')).toHaveLength(7))
    expect(container.querySelector('.form-photo-add')).toBeNull()
    expect(screen.getByText('已有6张照片，删除一张后可再添加')).toBeTruthy()
    await press(screen.getByLabelText('删除第 7 张照片')) // an older URL photo does not count
    expect(container.querySelector('.form-photo-add')).toBeNull()
    await press(screen.getByLabelText('删除第 1 张照片'))
    expect(screen.getByText('添加照片')).toBeTruthy()
  })

  test('closes a station with a reason, finds it under 已关闭, and reopens it', async () => {
    const { calls } = server()
    const { container } = render(<StationManage />)
    await waitFor(() => expect(names(container)).toHaveLength(20))
    await press(row(container, '朝阳测试驿站2号').querySelector('.admin-close'))
    await press(container.querySelector('.admin-close-confirm'))
    expect(screen.getByText('请填写关闭原因')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'close')).toHaveLength(0)
    type(container.querySelector('.admin-close-reason'), '场地到期')
    await press(container.querySelector('.admin-close-confirm'))
    await waitFor(() => expect(names(container)).not.toContain('朝阳测试驿站2号'))
    expect(calls.find((c) => c.action === 'close')!.data).toEqual({ id: 'st-2', reason: '场地到期' })

    await press(screen.getByText('已关闭'))
    await waitFor(() => expect(names(container)).toEqual(['朝阳测试驿站2号']))
    expect(container.querySelector('.admin-reason')?.textContent).toBe('关闭原因：场地到期')
    const modal = jest.spyOn(Taro, 'showModal')
    await press(container.querySelector('.admin-reopen'))
    await waitFor(() => expect(screen.getByText('暂无站点')).toBeTruthy())
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '重新开放站点' }))
    expect(calls.find((c) => c.action === 'reopen')!.data).toEqual({ id: 'st-2' })
    await press(screen.getByText('开放中'))
    await waitFor(() => expect(names(container)).toContain('朝阳测试驿站2号'))
  })
})

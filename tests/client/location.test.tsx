import Taro from '@tarojs/taro'
import { getLocation } from '../../client/services/location'
import { setGeolocation } from './helpers'

afterEach(() => {
  delete process.env.TARO_ENV
  jest.restoreAllMocks()
  setGeolocation(undefined)
})

describe('getLocation', () => {
  test('weapp: asks for GCJ-02 and passes it through unchanged', async () => {
    process.env.TARO_ENV = 'weapp'
    const spy = jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 39.9, longitude: 116.4 } as any)
    expect(await getLocation()).toEqual({ ok: true, lat: 39.9, lng: 116.4 })
    expect(spy).toHaveBeenCalledWith({ type: 'gcj02' })
  })

  test('weapp: a refusal is reported as denied, other failures as unavailable', async () => {
    process.env.TARO_ENV = 'weapp'
    jest.spyOn(Taro, 'getLocation').mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' })
    expect(await getLocation()).toMatchObject({ ok: false, reason: 'denied' })
    jest.spyOn(Taro, 'getLocation').mockRejectedValueOnce({ errMsg: 'getLocation:fail system error' })
    expect(await getLocation()).toMatchObject({ ok: false, reason: 'unavailable' })
  })

  test('browser without geolocation: unavailable at once', async () => {
    setGeolocation(undefined)
    expect(await getLocation()).toMatchObject({ ok: false, reason: 'unavailable', message: '暂时无法定位，请选择您所在的区域' })
  })

  test('a position that arrives after the timeout is handed to onLate', async () => {
    let deliver: PositionCallback = () => undefined
    setGeolocation({ getCurrentPosition: (cb: PositionCallback) => void (deliver = cb) })
    const late = jest.fn()
    const r = await getLocation({ timeoutMs: 20, onLate: late })
    expect(r).toMatchObject({ ok: false, reason: 'timeout' })
    deliver({ coords: { latitude: 39.9, longitude: 116.4 }, timestamp: 0 } as GeolocationPosition)
    await new Promise((res) => setTimeout(res, 0))
    expect(late).toHaveBeenCalledWith(expect.objectContaining({ ok: true }))
  })
})

// Shared set-up for station page tests: a stored session and a scripted gateway.
import Taro from '@tarojs/taro'
import { __resetStorage } from './stubs/taro'
import type { StationSummary } from '../../types/station'

export type Call = { fn: string; action: string; data: any }
export type Reply = (call: Call) => unknown

/** Routes Taro.request through `reply`; throwing { network: true } simulates no connection. */
export function gateway(reply: Reply): Call[] {
  const calls: Call[] = []
  jest.spyOn(Taro, 'request').mockImplementation((async (opts: any) => {
    const call = { fn: String(opts.url).split('/api/')[1], action: opts.data.action, data: opts.data.data }
    calls.push(call)
    const out = await reply(call)
    return { statusCode: 200, header: {}, data: out, errMsg: 'request:ok' }
  }) as any)
  return calls
}
export const ok = (data: unknown) => ({ ok: true, data })
export const fail = (code: string, message: string) => ({ ok: false, error: { code, message } })
export const offline = () => {
  throw { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' }
}

export function freshSession(): void {
  jest.restoreAllMocks()
  __resetStorage()
  Taro.setStorageSync('wu.session', 'test-token')
}

export function station(n: number, over: Partial<StationSummary> = {}): StationSummary {
  return {
    id: `st-${n}`,
    name: `朝阳测试驿站${n}号`,
    kind: 'warm_station',
    address: `朝阳区建国路${n}号`,
    district: '朝阳区',
    lat: 39.92 + n / 1000,
    lng: 116.44 + n / 1000,
    distanceM: 150 * n,
    openNow: n % 2 === 1,
    is24h: false,
    services: ['water', 'meal_heating', 'toilet'],
    ratingAvg: 4.5,
    ratingCount: 12,
    liveStatus: null,
    liveStatusAt: null,
    awards: [],
    phone: `010-6500${String(n).padStart(4, '0')}`,
    hours: { is24h: false, weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '08:00', close: '20:00' })) },
    ...over,
  }
}

/** Replaces navigator.geolocation for one test (jsdom has none). */
export function setGeolocation(impl: Partial<Geolocation> | undefined): void {
  Object.defineProperty(global.navigator, 'geolocation', { value: impl, configurable: true })
}

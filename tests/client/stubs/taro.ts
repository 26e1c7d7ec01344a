// Tiny stand-in for @tarojs/taro in jsdom tests. Replace methods with jest.spyOn(Taro, 'request') etc.
import { useEffect } from 'react'

const storage = new Map<string, unknown>()
let router: { params: Record<string, string>; path: string } = { params: {}, path: '' }

const ok = async (..._args: unknown[]): Promise<any> => ({ errMsg: 'ok' })

const Taro = {
  request: async (_opts: unknown): Promise<any> => {
    throw new Error('request:fail not stubbed')
  },
  getStorageSync: (key: string): any => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  getLocation: async (_opts?: unknown): Promise<any> => {
    throw { errMsg: 'getLocation:fail auth deny' }
  },
  login: async (): Promise<any> => ({ code: 'test-code', errMsg: 'login:ok' }),
  navigateTo: ok,
  redirectTo: ok,
  navigateBack: ok,
  switchTab: ok,
  reLaunch: ok,
  showToast: ok,
  showLoading: ok,
  hideLoading: ok,
  showModal: async (_o?: unknown): Promise<any> => ({ confirm: true, cancel: false }),
  makePhoneCall: ok,
  requestPayment: ok,
  openLocation: ok,
  setClipboardData: ok,
  stopPullDownRefresh: () => undefined,
  pageScrollTo: ok,
  setNavigationBarTitle: ok,
  getCurrentPages: (): any[] => [],
  canIUse: (_name: string) => true,
  previewImage: ok,
  chooseMedia: async (_opts?: unknown): Promise<any> => {
    throw { errMsg: 'chooseMedia:fail cancel' }
  },
  uploadFile: async (_opts: unknown): Promise<any> => {
    throw new Error('uploadFile:fail not stubbed')
  },
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
}

/** Sets what useRouter() returns for the next render. */
export function __setRouter(params: Record<string, string>, path = ''): void {
  router = { params, path }
}
export function __resetStorage(): void {
  storage.clear()
}

export const useRouter = () => router
export const useLoad = (fn: (params: Record<string, string>) => void) => useEffect(() => fn(router.params), [])
export const useDidShow = (fn: () => void) => useEffect(() => fn(), [])
export const useReady = (fn: () => void) => useEffect(() => fn(), [])
export const useUnload = (fn: () => void) => useEffect(() => () => fn(), [])
export const useDidHide = (_fn: () => void) => undefined
export const usePullDownRefresh = (_fn: () => void) => undefined
export const useReachBottom = (_fn: () => void) => undefined

export default Taro

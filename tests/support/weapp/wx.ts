// The `wx` object the built app may use, answering the way the WeChat base library does: callbacks (or
// a promise when none is given) on a later tick, errMsg "<api>:ok" / "<api>:fail ...", data JSON-cloned
// across the bridge. Backend traffic goes to the test's host; everything else is recorded. Reading an
// API that is not here is recorded as an unknown API instead of pretending it worked.
import type { Runtime } from './runtime'

export interface WeappHost {
  request(o: { url: string; method: string; header: Record<string, string>; data: unknown }): Promise<{ statusCode: number; data: unknown; header: Record<string, string> }>
  /** The function's return value (the envelope); wx.cloud.callFunction answers it as {result}. */
  callFunction(name: string, data: unknown): Promise<unknown>
  /** What wx.login answers as {code}. */
  loginCode(): string
}

/** One backend call: which function and action, from which page, and how it ended. */
export interface ApiCall {
  page?: string
  pageId?: number
  transport: 'https' | 'cloud'
  fn: string
  action: string
  /** The action's input, as sent. */
  input?: unknown
  /** The envelope's ok; undefined when no envelope came back. */
  ok?: boolean
  code?: string
  status?: number
  /** https: whether the request carried a session token. */
  token?: boolean
}

export type NavApi = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab'

export interface Navigation {
  api: NavApi
  url: string
  route: string
  query: Record<string, string>
  delta?: number
  from?: string
  ok: boolean
}

export interface WxAnswers {
  /** showModal's answer (default: confirm). */
  modal?: (o: Record<string, unknown>) => { confirm: boolean; content?: string }
  /** getLocation: grant (a point in Beijing, GCJ-02) or deny. */
  location?: 'grant' | 'deny'
  /** requestPayment: pay, cancel or fail. */
  payment?: 'ok' | 'cancel' | 'fail'
  /** scanCode's result; none: the user cancels. */
  scan?: string
  /** requestSubscribeMessage: allow every template asked for, or refuse (default: allow). */
  subscribe?: 'accept' | 'reject'
  /** chooseMedia's picked file (a path the test also gives to uploadFile); none: the user cancels. */
  media?: string
}

export interface WxRecord {
  calls: ApiCall[]
  navigations: Navigation[]
  toasts: { title: string; icon?: string }[]
  modals: { title?: string; content?: string }[]
  loading: { title?: string; shown: boolean }[]
  payments: Record<string, unknown>[]
  /** Every wx API the app called, in order (names only). */
  used: string[]
  storage: Map<string, unknown>
  /** Files in the user data folder: text as written, or bytes when written as base64 or an ArrayBuffer. */
  files: Map<string, string | Buffer>
  clipboard: string
  cloudEnv?: string
  other: { api: string; args: unknown }[]
}

export interface WxOptions {
  host: WeappHost
  /** Origins wx.request may reach (WeChat's request domain list). */
  requestDomains: string[]
  /** Every page route in app.json. */
  routes: Set<string>
  requiredPrivateInfos: string[]
  answers: WxAnswers
  current(): { route: string; id: number } | undefined
  stackDepth(): number
  onNavigate(n: Navigation): void
}

/** WeChat's GCJ-02 answer for a member standing near Tian'anmen. */
export const BEIJING = { latitude: 39.9087, longitude: 116.3975 }
const USER_DATA_PATH = 'wxfile://usr'

class ApiFail {
  constructor(readonly reason: string, readonly extra: Record<string, unknown> = {}) {}
}

type Opts = Record<string, unknown> & { success?: unknown; fail?: unknown; complete?: unknown }
type Fn = (...a: unknown[]) => unknown

export function createWx(rt: Runtime, o: WxOptions): { wx: Record<string, unknown>; record: WxRecord } {
  const record: WxRecord = { calls: [], navigations: [], toasts: [], modals: [], loading: [], payments: [], used: [], storage: new Map(), files: new Map(), clipboard: '', other: [] }
  const here = () => o.current()

  /** An async API: impl answers a result (or a promise of one) or throws ApiFail. */
  const api = (name: string, impl: (opts: Opts) => unknown) =>
    (opts: Opts = {}) => {
      record.used.push(name)
      const callbacks = !!(opts.success || opts.fail || opts.complete)
      const done: { settle?: (ok: boolean, v: unknown) => void } = {}
      const promise = callbacks ? undefined : new rt.Promise((res, rej) => (done.settle = (ok, v) => (ok ? res(v) : rej(v))))
      const deliver = (ok: boolean, res: unknown) => {
        const fail = res instanceof ApiFail ? res : null
        const payload = rt.toVm(fail ? { errMsg: `${name}:fail ${fail.reason}`, ...fail.extra } : { errMsg: `${name}:ok`, ...(res as object) })
        rt.guard(`wx.${name} ${ok ? 'success' : 'fail'} callback`, (ok ? opts.success : opts.fail) as Fn, payload)
        rt.guard(`wx.${name} complete callback`, opts.complete as Fn, payload)
        done.settle?.(ok, payload)
      }
      const run = () => {
        try {
          const r = impl(rt.fromVm({ ...opts, success: undefined, fail: undefined, complete: undefined }))
          return Promise.resolve(r).then((v) => [true, v] as const, (e) => [false, e instanceof ApiFail ? e : new ApiFail(String((e as Error)?.message ?? e))] as const)
        } catch (e) {
          return Promise.resolve([false, e instanceof ApiFail ? e : new ApiFail(String((e as Error)?.message ?? e))] as const)
        }
      }
      // Answer on a later macrotask, as the bridge does.
      void rt.track(new Promise((r) => setTimeout(r, 0)).then(run)).then(([ok, v]) => deliver(ok, v))
      return promise
    }
  const ok = (name: string, also?: (opts: Opts) => void) => api(name, (opts) => (also?.(opts), {}))

  const navigate = (name: NavApi) =>
    api(name, (opts) => {
      const from = here()?.route
      const n: Navigation = { api: name, url: String(opts.url ?? ''), route: '', query: {}, from, ok: false }
      if (name === 'navigateBack') {
        n.delta = Number(opts.delta ?? 1) || 1
        n.ok = o.stackDepth() > 1
      } else {
        const [p, q = ''] = n.url.split('?')
        const base = from ? from.split('/').slice(0, -1) : []
        const parts = p.startsWith('/') ? p.slice(1).split('/') : [...base, ...p.split('/')]
        const stack: string[] = []
        for (const s of parts) (s === '..' ? stack.pop() : s && s !== '.' && stack.push(s))
        n.route = stack.join('/')
        // WeChat passes query values as they are in the url (no decoding).
        for (const kv of q.split('&').filter(Boolean)) {
          const i = kv.indexOf('=')
          n.query[i < 0 ? kv : kv.slice(0, i)] = i < 0 ? '' : kv.slice(i + 1)
        }
        n.ok = o.routes.has(n.route) && name !== 'switchTab'
      }
      record.navigations.push(n)
      if (!n.ok) {
        const why = name === 'switchTab' ? 'can not switch to no-tabBar page' : name === 'navigateBack' ? 'cannot navigate back at first page' : `page "${n.route}" is not found`
        rt.problem('navigation', `wx.${name}(${n.url || `delta ${n.delta}`}) failed: ${why}`)
        throw new ApiFail(why)
      }
      o.onNavigate(n)
      return {}
    })

  const request = (opts: Opts) => {
    record.used.push('request')
    const url = String(opts.url ?? '')
    const header = (opts.header ?? {}) as Record<string, string>
    const data = rt.fromVm(opts.data)
    const at = here()
    const call: ApiCall = { page: at?.route, pageId: at?.id, transport: 'https', fn: /\/api\/([^/?]+)/.exec(url)?.[1] ?? url, action: String((data as { action?: unknown })?.action ?? ''), input: (data as { data?: unknown })?.data, token: Object.keys(header).some((k) => k.toLowerCase() === 'authorization') }
    record.calls.push(call)
    const answer = (ok: boolean, res: Record<string, unknown>) => {
      const payload = rt.toVm(res)
      rt.guard(`wx.request ${ok ? 'success' : 'fail'} callback`, (ok ? opts.success : opts.fail) as Fn, payload)
      rt.guard('wx.request complete callback', opts.complete as Fn, payload)
    }
    if (!o.requestDomains.some((d) => url.startsWith(`${d}/`))) {
      rt.problem('request', `wx.request to ${url}: not in the request domain list (${o.requestDomains.join(', ')})`)
      rt.later('wx.request fail', () => answer(false, { errMsg: 'request:fail url not in domain list' }))
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    }
    let done = false
    const timeout = Number(opts.timeout ?? 60_000)
    const timer = setTimeout(() => {
      if (done) return
      done = true
      answer(false, { errMsg: 'request:fail timeout' })
    }, timeout)
    void rt
      .track(o.host.request({ url, method: String(opts.method ?? 'GET').toUpperCase(), header: rt.fromVm(header), data }))
      .then(
        (res) => {
          const body = res.data as { ok?: boolean; error?: { code?: string } }
          Object.assign(call, { status: res.statusCode, ok: body?.ok, code: body?.error?.code })
          if (!done) answer(true, { errMsg: 'request:ok', statusCode: res.statusCode, data: res.data, header: res.header, cookies: [] })
        },
        (e) => {
          Object.assign(call, { status: 0 })
          if (!done) answer(false, { errMsg: `request:fail ${(e as Error)?.message ?? e}` })
        },
      )
      .finally(() => {
        done = true
        clearTimeout(timer)
      })
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} }
  }

  let cloudInit = false
  const cloud = {
    init(opts: { env?: unknown } = {}) {
      record.used.push('cloud.init')
      cloudInit = true
      record.cloudEnv = typeof opts.env === 'string' ? opts.env : JSON.stringify(opts.env)
    },
    callFunction: api('cloud.callFunction', (opts) => {
      const name = String(opts.name ?? '')
      const at = here()
      const call: ApiCall = { page: at?.route, pageId: at?.id, transport: 'cloud', fn: name, action: String((opts.data as { action?: unknown })?.action ?? ''), input: (opts.data as { data?: unknown })?.data }
      record.calls.push(call)
      if (!cloudInit) {
        rt.problem('error', 'wx.cloud.callFunction before wx.cloud.init')
        throw new ApiFail('Error: please call wx.cloud.init first', { errCode: -1 })
      }
      return o.host.callFunction(name, opts.data ?? {}).then(
        (result) => {
          const env = result as { ok?: boolean; error?: { code?: string } }
          Object.assign(call, { ok: env?.ok, code: env?.error?.code })
          return { result, requestID: `req-${record.calls.length}` }
        },
        (e) => {
          const code = Number((e as { errCode?: unknown })?.errCode ?? -404011)
          throw new ApiFail(`${code} ${(e as Error)?.message ?? 'cloud function execution error'}`, { errCode: code })
        },
      )
    }),
  }

  const systemInfo = {
    brand: 'iPhone', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 753, statusBarHeight: 47,
    language: 'zh_CN', version: '8.0.50', system: 'iOS 16.6', platform: 'ios', fontSizeSetting: 17, SDKVersion: '3.5.8', benchmarkLevel: -1,
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 }, theme: 'light', enableDebug: false, deviceOrientation: 'portrait',
  }
  const storageInfo = () => ({ keys: [...record.storage.keys()], currentSize: Math.ceil(JSON.stringify([...record.storage]).length / 1024), limitSize: 10240 })
  const modalAnswer = (opts: Opts) => {
    record.modals.push({ title: opts.title as string, content: opts.content as string })
    const a = o.answers.modal?.(opts) ?? { confirm: true }
    return { confirm: a.confirm, cancel: !a.confirm, content: a.content }
  }

  const selectorQuery = () => {
    const results: unknown[] = []
    const query: Record<string, unknown> = {}
    // No layout here: every node query answers null, as WeChat does for a selector that matches nothing.
    const nodes = () => {
      const ref: Record<string, unknown> = {}
      for (const m of ['boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) ref[m] = () => (results.push(null), query)
      return ref
    }
    Object.assign(query, {
      in: () => query,
      select: nodes,
      selectAll: nodes,
      selectViewport: nodes,
      exec: (cb?: Fn) => (rt.later('SelectorQuery.exec callback', () => cb?.(rt.toVm(results))), query),
    })
    return query
  }

  // An ArrayBuffer from the vm is of another realm: recognised by its tag, not instanceof.
  const fileData = (data: unknown, encoding: unknown): string | Buffer => {
    if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return Buffer.from(new Uint8Array(data as ArrayBuffer))
    if (encoding === 'base64') return Buffer.from(String(data), 'base64')
    return String(data)
  }
  const userPath = (p: unknown) => {
    const s = String(p)
    if (!s.startsWith(`${USER_DATA_PATH}/`)) throw new Error(`permission denied, open ${s}`)
    return s
  }
  const fs = {
    writeFileSync: (p: unknown, data: unknown, encoding?: unknown) => void record.files.set(userPath(p), fileData(data, encoding)),
    appendFileSync: (p: unknown, data: unknown) => void record.files.set(userPath(p), (record.files.get(String(p)) ?? '') + String(data)),
    readFileSync: (p: unknown) => {
      const f = record.files.get(String(p))
      if (f === undefined) throw new Error(`no such file or directory, open ${p}`)
      return f
    },
    accessSync: (p: unknown) => {
      if (!record.files.has(String(p))) throw new Error(`no such file or directory ${p}`)
    },
    unlinkSync: (p: unknown) => void record.files.delete(String(p)),
    mkdirSync: () => undefined,
  }

  const getStorage = (key: unknown) => {
    if (!record.storage.has(String(key))) throw new ApiFail('data not found')
    return { data: record.storage.get(String(key)) }
  }

  const impl: Record<string, unknown> = {
    env: { USER_DATA_PATH },
    cloud,
    request,
    login: api('login', () => ({ code: o.host.loginCode() })),
    checkSession: ok('checkSession'),
    getLocation: api('getLocation', (opts) => {
      if (!o.requiredPrivateInfos.includes('getLocation')) {
        rt.problem('error', 'wx.getLocation without "getLocation" in app.json requiredPrivateInfos')
        throw new ApiFail('the api need to be declared in the requiredPrivateInfos field in app.json/ext.json')
      }
      if (o.answers.location === 'deny') throw new ApiFail('auth deny')
      if (opts.type !== 'gcj02') record.other.push({ api: 'getLocation', args: opts })
      return { ...BEIJING, speed: -1, accuracy: 65, altitude: 0, verticalAccuracy: 65, horizontalAccuracy: 65 }
    }),
    requestPayment: api('requestPayment', (opts) => {
      record.payments.push(opts)
      if (o.answers.payment === 'cancel') throw new ApiFail('cancel')
      if (o.answers.payment === 'fail') throw new ApiFail('system error')
      return {}
    }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    switchTab: navigate('switchTab'),
    showToast: ok('showToast', (x) => record.toasts.push({ title: String(x.title ?? ''), icon: x.icon as string })),
    hideToast: ok('hideToast'),
    showModal: api('showModal', modalAnswer),
    showLoading: ok('showLoading', (x) => record.loading.push({ title: x.title as string, shown: true })),
    hideLoading: ok('hideLoading', () => record.loading.push({ shown: false })),
    showActionSheet: api('showActionSheet', () => ({ tapIndex: 0 })),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    startPullDownRefresh: ok('startPullDownRefresh'),
    pageScrollTo: ok('pageScrollTo'),
    setNavigationBarTitle: ok('setNavigationBarTitle', (x) => record.other.push({ api: 'setNavigationBarTitle', args: x })),
    setClipboardData: ok('setClipboardData', (x) => (record.clipboard = String(x.data ?? ''))),
    getClipboardData: api('getClipboardData', () => ({ data: record.clipboard })),
    makePhoneCall: ok('makePhoneCall', (x) => record.other.push({ api: 'makePhoneCall', args: x })),
    openLocation: api('openLocation', (x) => {
      if (typeof x.latitude !== 'number' || typeof x.longitude !== 'number') throw new ApiFail('invalid latitude or longitude')
      record.other.push({ api: 'openLocation', args: x })
      return {}
    }),
    scanCode: api('scanCode', () => {
      if (o.answers.scan === undefined) throw new ApiFail('cancel')
      return { result: o.answers.scan, scanType: 'QR_CODE', charSet: 'utf-8' }
    }),
    chooseImage: api('chooseImage', () => {
      throw new ApiFail('cancel')
    }),
    chooseMedia: api('chooseMedia', () => {
      if (!o.answers.media) throw new ApiFail('cancel')
      return { type: 'image', tempFiles: [{ tempFilePath: o.answers.media, size: 1000, fileType: 'image' }] }
    }),
    requestSubscribeMessage: api('requestSubscribeMessage', (x) => {
      const ids = (x.tmplIds as string[] | undefined) ?? []
      record.other.push({ api: 'requestSubscribeMessage', args: ids })
      return Object.fromEntries(ids.map((id) => [id, o.answers.subscribe ?? 'accept']))
    }),
    onNeedPrivacyAuthorization: () => void record.used.push('onNeedPrivacyAuthorization'),
    uploadFile: api('uploadFile', (x) => {
      record.other.push({ api: 'uploadFile', args: { url: x.url, name: x.name, formData: x.formData } })
      throw new ApiFail('the harness uploads nothing')
    }),
    previewImage: ok('previewImage', (x) => record.other.push({ api: 'previewImage', args: x })),
    downloadFile: api('downloadFile', (x) => {
      const tempFilePath = `${USER_DATA_PATH}/download-${String(x.url).length}`
      record.files.set(tempFilePath, Buffer.alloc(0))
      return { tempFilePath, statusCode: 200 }
    }),
    // WeChat opens or sends only a file that exists on the phone.
    openDocument: api('openDocument', (x) => {
      if (!record.files.has(String(x.filePath))) throw new ApiFail(`file doesn't exist ${x.filePath}`)
      record.other.push({ api: 'openDocument', args: x })
      return {}
    }),
    shareFileMessage: api('shareFileMessage', (x) => {
      if (!record.files.has(String(x.filePath))) throw new ApiFail(`file doesn't exist ${x.filePath}`)
      record.other.push({ api: 'shareFileMessage', args: x })
      return {}
    }),
    getStorageSync: (key: unknown) => (record.used.push('getStorageSync'), rt.toVm(record.storage.get(String(key)) ?? '')),
    setStorageSync: (key: unknown, data: unknown) => void (record.used.push('setStorageSync'), record.storage.set(String(key), rt.fromVm(data))),
    removeStorageSync: (key: unknown) => void (record.used.push('removeStorageSync'), record.storage.delete(String(key))),
    clearStorageSync: () => void (record.used.push('clearStorageSync'), record.storage.clear()),
    getStorageInfoSync: () => (record.used.push('getStorageInfoSync'), rt.toVm(storageInfo())),
    getStorage: api('getStorage', (x) => getStorage(x.key)),
    setStorage: ok('setStorage', (x) => record.storage.set(String(x.key), x.data)),
    removeStorage: ok('removeStorage', (x) => record.storage.delete(String(x.key))),
    clearStorage: ok('clearStorage', () => record.storage.clear()),
    getStorageInfo: api('getStorageInfo', storageInfo),
    getSystemInfoSync: () => (record.used.push('getSystemInfoSync'), rt.toVm(systemInfo)),
    getSystemInfo: api('getSystemInfo', () => systemInfo),
    getWindowInfo: () => rt.toVm({ pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 753, statusBarHeight: 47, safeArea: systemInfo.safeArea, screenTop: 0 }),
    getDeviceInfo: () => rt.toVm({ brand: 'iPhone', model: 'iPhone 12', system: 'iOS 16.6', platform: 'ios', benchmarkLevel: -1 }),
    getAppBaseInfo: () => rt.toVm({ SDKVersion: '3.5.8', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false, fontSizeSetting: 17 }),
    getMenuButtonBoundingClientRect: () => rt.toVm({ width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294 }),
    getLaunchOptionsSync: () => rt.toVm({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {}, apiCategory: 'default' }),
    getEnterOptionsSync: () => rt.toVm({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {}, apiCategory: 'default' }),
    getAccountInfoSync: () => rt.toVm({ miniProgram: { appId: 'touristappid', envVersion: 'release', version: '' } }),
    getSetting: api('getSetting', () => ({ authSetting: { 'scope.userLocation': o.answers.location !== 'deny' } })),
    authorize: ok('authorize'),
    openSetting: api('openSetting', () => ({ authSetting: {} })),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
    onNetworkStatusChange: () => undefined,
    offNetworkStatusChange: () => undefined,
    vibrateShort: ok('vibrateShort'),
    nextTick: (fn: Fn) => rt.later('wx.nextTick callback', () => fn()),
    createSelectorQuery: () => (record.used.push('createSelectorQuery'), selectorQuery()),
    getFileSystemManager: () => (record.used.push('getFileSystemManager'), fs),
    canIUse: (schema: unknown) => String(schema).split('.')[0] in impl,
  }

  // Taro enumerates wx's own keys once to build Taro.*; later reads of anything missing are recorded.
  const readable = new Set(['webpackJsonp'])
  const wx = new Proxy(impl, {
    get(t, k) {
      if (typeof k === 'string' && !(k in t) && !readable.has(k)) rt.problem('unknown-api', `wx.${k} read, but the harness has no such API`)
      return t[k as string]
    },
  })
  return { wx, record }
}

// How a request reaches a function, chosen at build time (config/client-env.ts):
// - 'h5' and 'https': POST <base>/api/<function> {action, data} with the session token;
// - 'cloud': wx.cloud.callFunction({name, data: {action, data}}); WeChat supplies the caller's identity.
// Both answer the same envelope; anything else is reported as a network or server failure.
import Taro from '@tarojs/taro'

export interface RawReply {
  /** HTTP status, when the transport has one. */
  status?: number
  body: unknown
}

/** Thrown when no reply arrived at all (no signal, timeout, function unreachable). */
export class TransportError extends Error {
  constructor(readonly kind: 'network' | 'server') {
    super(kind)
  }
}

export type Send = (fn: string, payload: { action: string; data: unknown }, token: string | null) => Promise<RawReply>

export const TIMEOUT_MS = 15_000

function httpSend(base: string): Send {
  return async (fn, payload, token) => {
    try {
      const res = await Taro.request({
        url: `${base}/api/${fn}`,
        method: 'POST',
        header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        data: payload,
        timeout: TIMEOUT_MS,
      })
      return { status: res.statusCode, body: res.data }
    } catch {
      throw new TransportError('network')
    }
  }
}

let cloudReady = false
function cloudSend(env: string): Send {
  return async (fn, payload) => {
    const cloud = Taro.cloud
    if (!cloud) throw new TransportError('server')
    if (!cloudReady) {
      cloud.init({ env, traceUser: false })
      cloudReady = true
    }
    try {
      const res = await cloud.callFunction({ name: fn, data: payload })
      return { body: res.result }
    } catch (e) {
      // Platform error codes (-4xxxxx, -5xxxxx: the function failed or is missing) are the server's fault.
      const code = Number((e as { errCode?: unknown })?.errCode)
      throw new TransportError(code <= -400000 && code > -600000 ? 'server' : 'network')
    }
  }
}

/** Whether the caller's identity comes from the platform (no token, no login page). */
export const platformIdentity = WU_TRANSPORT === 'cloud'

export const send: Send = WU_TRANSPORT === 'cloud' ? cloudSend(WU_CLOUD_ENV) : httpSend(WU_TRANSPORT === 'https' ? WU_API_BASE : '')

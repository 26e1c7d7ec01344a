// Where the harness sends the built app's backend traffic: wx.request to a running gateway (the baked
// https origin rewritten to it), wx.cloud.callFunction to the function entry points in this process.
import { functions } from '../../../cloud/functions'
import { setApp, type App } from '../../../cloud/platform/app'
import type { WeappHost } from './wx'

/** The origin the https test build bakes in (tests/support/weapp/setup.js). */
export const BAKED_API_BASE = 'https://api.example.cn'
export const BAKED_CLOUD_ENV = 'test-env'

const notHere = (what: string) => () => Promise.reject(new Error(`${what} is not this build's transport`))

/** wx.request goes to the gateway at `gatewayUrl`; wx.login answers `dev:<openid>`. */
export function gatewayHost(gatewayUrl: string, openid: string, origin = BAKED_API_BASE): WeappHost {
  return {
    loginCode: () => `dev:${openid}`,
    callFunction: notHere('wx.cloud.callFunction'),
    async request({ url, method, header, data }) {
      const target = url.startsWith(origin) ? gatewayUrl + url.slice(origin.length) : url
      const res = await fetch(target, { method, headers: header, body: method === 'GET' || data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data) })
      const text = await res.text()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        /* WeChat hands over the raw string when it is not JSON */
      }
      return { statusCode: res.status, data: body, header: Object.fromEntries(res.headers) }
    },
  }
}

/**
 * A deployed function called by WeChat for `openid`: the entry point's main(event, context). Kept in one
 * place because the cloud side decides how main finds its app and the caller.
 */
export async function invokeFunction(app: App, name: string, event: unknown, openid: string): Promise<unknown> {
  const fn = (functions as Record<string, { main(e: unknown, c?: unknown): Promise<unknown> }>)[name]
  if (!fn) throw Object.assign(new Error(`FunctionName parameter could not be found: ${name}`), { errCode: -501000 })
  setApp(app)
  return fn.main(event, { OPENID: openid })
}

/** wx.cloud.callFunction runs the function entry point in process, as `openid`. */
export function cloudHost(app: App, openid: string): WeappHost {
  return {
    loginCode: () => `dev:${openid}`,
    request: notHere('wx.request'),
    callFunction: (name, data) => invokeFunction(app, name, data, openid),
  }
}

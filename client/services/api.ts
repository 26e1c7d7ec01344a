// The one typed client, generated from the contract map: api.<function>.<action>(input).
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName, ApiError } from '../../types'
import { platformIdentity, send, TransportError, type RawReply } from './transport'

const TOKEN_KEY = 'wu.session'

export class ApiCallError extends Error {
  constructor(public readonly code: ApiError['code'] | 'NETWORK', message: string, public readonly fields?: Record<string, string>, public readonly status?: number) {
    super(message)
  }
}

export function getToken(): string | null {
  try {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || null
  } catch {
    return null
  }
}
export function setToken(token: string | null): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token)
  else Taro.removeStorageSync(TOKEN_KEY)
}

let onUnauthenticated: (() => void) | null = null
/** Lets the app send the user to login when a session expires. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn
}

// Inside WeChat over HTTPS a session is made silently from wx.login's one-time code: before the first
// call that needs one (a page opened from a share card or QR code), and again once when it has expired.
const silentSignIn = process.env.TARO_ENV === 'weapp' && !platformIdentity
type LoginResult = ActionOutput<'auth', 'login'>
let signingIn: Promise<LoginResult> | null = null

/** Exchanges wx.login's code for a session token; concurrent callers share one attempt. */
export function signInWithWeChat(): Promise<LoginResult> {
  signingIn ??= (async () => {
    const { code } = await Taro.login()
    const r = await call('auth', 'login', { code })
    setToken(r.token)
    return r
  })().finally(() => {
    signingIn = null
  })
  return signingIn
}

export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>, retried = false): Promise<ActionOutput<F, A>> {
  if (silentSignIn && fn !== 'auth' && !getToken()) await signInWithWeChat().catch(() => undefined)
  const token = platformIdentity ? null : getToken()
  let res: RawReply
  try {
    res = await send(fn, { action, data: data ?? {} }, token)
  } catch (e) {
    if (e instanceof TransportError && e.kind === 'server') throw new ApiCallError('INTERNAL', '服务暂时不可用，请稍后重试')
    throw new ApiCallError('NETWORK', '网络不太好，请检查网络后重试')
  }
  const body = res.body as Envelope<ActionOutput<F, A>> | undefined
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok) return body.data
    if (body.error.code === 'UNAUTHENTICATED' && fn !== 'auth') {
      setToken(null)
      if (silentSignIn && token && !retried) return call(fn, action, data, true)
      onUnauthenticated?.()
    }
    throw new ApiCallError(body.error.code, body.error.message, body.error.fields, res.status)
  }
  throw new ApiCallError('INTERNAL', '服务暂时不可用，请稍后重试', undefined, res.status)
}

type Client = {
  [F in FunctionName]: { [A in ActionName<F>]: (input: ActionInput<F, A>) => Promise<ActionOutput<F, A>> }
}

/** api.member.register({...}) and so on; every name is checked against the contract at compile time. */
export const api = new Proxy({} as Client, {
  get: (_t, fn: string) => new Proxy({}, { get: (_u, action: string) => (input: unknown) => call(fn as never, action as never, input as never) }),
})

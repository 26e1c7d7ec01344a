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

export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>): Promise<ActionOutput<F, A>> {
  let res: RawReply
  try {
    res = await send(fn, { action, data: data ?? {} }, platformIdentity ? null : getToken())
  } catch (e) {
    if (e instanceof TransportError && e.kind === 'server') throw new ApiCallError('INTERNAL', '服务暂时不可用，请稍后重试')
    throw new ApiCallError('NETWORK', '网络不太好，请检查网络后重试')
  }
  const body = res.body as Envelope<ActionOutput<F, A>> | undefined
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok) return body.data
    if (body.error.code === 'UNAUTHENTICATED' && fn !== 'auth') {
      setToken(null)
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

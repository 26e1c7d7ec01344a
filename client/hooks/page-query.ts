// One page's data: loaded when the page shows (or once, or on demand), again on pull-down refresh (which
// it ends) and on retry, after signing in where the page needs a session. A newer load wins over an older
// one still running, and nothing is set after the page has gone.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { ensureLogin, hasSession } from '../services/session'
import { errorCode, errorText } from '../services/errors'

export interface PageError {
  /** A sentence for the user (errorText). */
  message: string
  code: string | null
}

export interface PageQueryOptions {
  /**
   * 'required': ensureLogin() first (on H5 it opens the login page). 'token': only make sure requests
   * carry an identity, with no extra round trip; the call itself reports an expired session.
   * Without a session the page waits and `signedOut` is true.
   */
  login?: 'required' | 'token'
  /** When the page loads by itself: on every show (default), once when it loads, or only on reload(). */
  on?: 'show' | 'load' | 'manual'
  /** What the query reads from the page: when one changes, the data is loaded again. */
  deps?: readonly unknown[]
  /** Keep showing the data while a change of deps loads (default: drop it and show loading). */
  keep?: boolean
  /** How FORBIDDEN reads on this page (errorText's second argument). */
  forbidden?: string
}

export interface PageQuery<T> {
  data: T | null
  setData: Dispatch<SetStateAction<T | null>>
  error: PageError | null
  loading: boolean
  /** No session could be made (on H5 the login page is open). */
  signedOut: boolean
  /** Loads again; also the 重试 of an error block. */
  reload: () => Promise<void>
}

/** True when requests carry an identity (a token, or WeChat's own over wx.cloud), or one was just made. */
export async function haveSession(): Promise<boolean> {
  if (hasSession()) return true
  try {
    return (await ensureLogin()) !== null || hasSession()
  } catch {
    return false
  }
}

const signIn = async (login: PageQueryOptions['login']) => !login || (login === 'token' ? haveSession() : (await ensureLogin()) !== null)

type State<T> = Pick<PageQuery<T>, 'data' | 'error' | 'loading' | 'signedOut'>

export function usePageQuery<T>(fetch: () => Promise<T>, opts: PageQueryOptions = {}): PageQuery<T> {
  const on = opts.on ?? 'show'
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: on !== 'manual', signedOut: false })
  const set = (patch: Partial<State<T>>) => setState((s) => ({ ...s, ...patch }))
  const setData: PageQuery<T>['setData'] = useCallback((v) => setState((s) => ({ ...s, data: typeof v === 'function' ? (v as (d: T | null) => T | null)(s.data) : v })), [])
  // The latest render's fetch and options, so a reload after a state change reads the new state.
  const latest = useRef({ fetch, opts })
  latest.current = { fetch, opts }
  const seq = useRef(0)
  // Negative once the page has gone: nothing is set after that.
  useEffect(() => {
    if (seq.current < 0) seq.current = 0
    return () => {
      seq.current = -1
    }
  }, [])

  const reload = useCallback(async () => {
    if (seq.current < 0) return
    const mine = ++seq.current
    const current = () => mine === seq.current
    const { fetch: run, opts: o } = latest.current
    set({ loading: true, error: null })
    try {
      const signed = await signIn(o.login)
      if (!current()) return
      set({ signedOut: !signed })
      if (!signed) return
      const data = await run()
      if (current()) set({ data })
    } catch (e) {
      if (current()) set({ error: { message: errorText(e, o.forbidden), code: errorCode(e) } })
    } finally {
      if (current()) set({ loading: false })
      Taro.stopPullDownRefresh()
    }
  }, [])

  useDidShow(() => {
    if (on === 'show') void reload()
  })
  useLoad(() => {
    if (on === 'load') void reload()
  })
  usePullDownRefresh(() => void reload())

  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (!latest.current.opts.keep) setData(null)
    void reload()
  }, opts.deps ?? [])

  return { ...state, setData, reload }
}

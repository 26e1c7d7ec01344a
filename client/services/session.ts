// Who is using the app: a session token from the gateway (H5, weapp over HTTPS) or the WeChat context
// itself (weapp over wx.cloud), and the roles the server resolved for it. ensureLogin() is the one entry
// pages call: it reuses a stored token, signs in silently with wx.login on weapp, and sends H5 users to
// the login page. Roles are cached in memory for UI decisions only; the server checks every action again.
import Taro from '@tarojs/taro'
import { api, ApiCallError, getToken, setToken, setUnauthenticatedHandler, signInWithWeChat } from './api'
import { platformIdentity } from './transport'
import { url } from './routes'
import { forgetUserData } from './private-storage'
import type { Me } from '../../types/auth'

export const LOGIN_PAGE = url('login')
export const HOME_PAGE = url('index')

let me: Me | null = null
let pending: Promise<Me | null> | null = null
let lastRedirect = 0

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    return pages[pages.length - 1]?.route ?? ''
  } catch {
    return ''
  }
}

/** Opens the login page once, even when several requests fail together. */
export function goLogin(): void {
  if (currentRoute().includes('pages/login')) return
  const now = Date.now()
  if (now - lastRedirect < 1500) return
  lastRedirect = now
  Taro.navigateTo({ url: LOGIN_PAGE }).catch(() => Taro.reLaunch({ url: LOGIN_PAGE }))
}

// A session that expired on the server: forget it and ask the user to sign in again.
setUnauthenticatedHandler(() => {
  me = null
  forgetUserData()
  goLogin()
})

export async function loginWithCode(code: string): Promise<Me> {
  const r = await api.auth.login({ code })
  setToken(r.token)
  me = { openid: r.openid, roles: r.roles, staffUnionId: r.staffUnionId }
  return me
}

/**
 * Silent sign-in inside WeChat: over wx.cloud the caller is already known; over HTTPS wx.login gives a
 * one-time code the server exchanges for the openid.
 */
export async function weappLogin(): Promise<Me> {
  if (platformIdentity) {
    me = await api.auth.me({})
    return me
  }
  const r = await signInWithWeChat()
  me = { openid: r.openid, roles: r.roles, staffUnionId: r.staffUnionId }
  return me
}

/** Whether requests carry an identity: a stored token, or the platform's own (wx.cloud). */
export const hasSession = (): boolean => platformIdentity || !!getToken()

/**
 * A session for this user. Resolves the user when signed in; on H5 without a token it opens the login
 * page and resolves null (the page should simply wait). Concurrent callers share one attempt.
 */
export function ensureLogin(): Promise<Me | null> {
  if (!pending) {
    pending = (async () => {
      if (hasSession()) {
        const u = await currentUser()
        if (u) return u
        if (platformIdentity) return null // the server could not be reached
        if (getToken()) return null // signed in, but the server could not be reached: keep the token
      }
      if (process.env.TARO_ENV === 'weapp') return weappLogin()
      goLogin()
      return null
    })().finally(() => {
      pending = null
    })
  }
  return pending
}

/** The signed-in user (cached); null when not signed in or when the server cannot be reached. */
export async function currentUser(refresh = false): Promise<Me | null> {
  if (!hasSession()) return null
  if (me && !refresh) return me
  try {
    me = await api.auth.me({})
    return me
  } catch (e) {
    // auth.* calls do not trigger the global handler; an expired token is dropped here.
    if (e instanceof ApiCallError && e.code === 'UNAUTHENTICATED') {
      me = null
      setToken(null)
    }
    return null
  }
}

/**
 * Who is using the app, without sending anyone to the login page: inside WeChat the silent sign-in
 * (free, no prompt); on H5 only an existing session.
 */
export function quietUser(): Promise<Me | null> {
  if (process.env.TARO_ENV === 'weapp') return ensureLogin().catch(() => null)
  return currentUser()
}

/** Roles as last seen, without a request (null before the first currentUser/ensureLogin). */
export const cachedUser = (): Me | null => me

export function logout(): void {
  me = null
  forgetUserData()
  setToken(null)
}

export const isStaff = (u: Me | null) => !!u && (u.roles.includes('staff') || u.roles.includes('admin'))
export const isAdmin = (u: Me | null) => !!u && u.roles.includes('admin')

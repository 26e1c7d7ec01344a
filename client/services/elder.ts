// 长辈版 (elder mode): larger text and touch targets, stronger contrast. The member's own choice is kept
// in storage; without one, elder mode follows WeChat's font setting (on when the member has enlarged
// WeChat's text a lot, e.g. 关怀模式). Pages read it through useElder(); the tokens switch on .wu-elder.
import Taro from '@tarojs/taro'

export const ELDER_KEY = 'wu.elder'
/** WeChat's font scale at which elder mode is on by default (关怀模式 is about 23.8 / 17 = 1.4). */
export const ELDER_AUTO_SCALE = 1.3
const MAX_SCALE = 1.6

type Listener = (on: boolean) => void
const listeners = new Set<Listener>()
/** A choice storage could not keep: it lasts this session. */
let unsaved: boolean | null = null

/** WeChat's text scale (getAppBaseInfo().fontSizeScaleFactor), 1 elsewhere or when not reported. */
export function fontScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1
  try {
    // Not in Taro's types; WeChat reports it from base library 2.20.1 (getAppBaseInfo itself).
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: unknown } | undefined
    const f = Number(info?.fontSizeScaleFactor)
    return Number.isFinite(f) && f > 1 ? Math.min(f, MAX_SCALE) : 1
  } catch {
    return 1
  }
}

/** The member's stored choice, or null when they never chose. */
export function elderChoice(): boolean | null {
  try {
    const v = Taro.getStorageSync(ELDER_KEY)
    if (v === 'on' || v === 'off') return v === 'on'
  } catch {
    /* unreadable: the session's choice, if any */
  }
  return unsaved
}

export function isElder(): boolean {
  return elderChoice() ?? fontScale() >= ELDER_AUTO_SCALE
}

function applyToBody(on: boolean): void {
  // H5: the class on <body> also reaches what Taro puts outside the page (toasts, modals).
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined') return
  document.body?.classList.toggle('wu-elder', on)
}

export function setElder(on: boolean): void {
  unsaved = null
  try {
    Taro.setStorageSync(ELDER_KEY, on ? 'on' : 'off')
  } catch {
    unsaved = on
  }
  applyToBody(on)
  listeners.forEach((l) => l(on))
}

export function onElderChange(l: Listener): () => void {
  listeners.add(l)
  return () => void listeners.delete(l)
}

/** Called once at start-up. */
export function initElder(): void {
  applyToBody(isElder())
}

// WeChat's privacy check (onNeedPrivacyAuthorization): when the app first reaches for location or the
// photo album, WeChat waits while the page shows the app's own consent sheet (components/privacy-sheet);
// the member's answer is passed back to WeChat. Installed once, on import (app.ts).
import Taro from '@tarojs/taro'
import { url } from './routes'

type Answer = { event: 'agree' | 'disagree'; buttonId?: string }
let pending: ((a: Answer) => void) | null = null
const listeners = new Set<(open: boolean) => void>()

/** The id of the sheet's agree button (open-type agreePrivacyAuthorization). */
export const AGREE_BUTTON_ID = 'privacy-agree'

const onNeed = (Taro as unknown as { onNeedPrivacyAuthorization?: (cb: (resolve: (a: Answer) => void) => void) => void }).onNeedPrivacyAuthorization
if (process.env.TARO_ENV === 'weapp' && typeof onNeed === 'function') {
  onNeed((resolve) => {
    pending = resolve
    // A page without the sheet: the policy page asks instead, with the same buttons.
    if (!listeners.size) void Taro.navigateTo({ url: url('member/privacy', { consent: 1 }) }).catch(() => answerPrivacy(false))
    listeners.forEach((l) => l(true))
  })
}

export function answerPrivacy(agree: boolean): void {
  pending?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
  pending = null
  listeners.forEach((l) => l(false))
}

export function onPrivacyRequest(listener: (open: boolean) => void): () => void {
  listeners.add(listener)
  if (pending) listener(true)
  return () => void listeners.delete(listener)
}

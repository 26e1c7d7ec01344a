// What the H5 app keeps per signed-in member beyond the session (the card shown offline, what the card
// page already shows), forgotten when the session ends or another member signs in.
import Taro from '@tarojs/taro'

export const OFFLINE_CARD_KEY = 'wu.card.offline'

export function forgetUserData(): void {
  try {
    Taro.removeStorageSync(OFFLINE_CARD_KEY)
  } catch {
    /* storage unavailable: nothing kept */
  }
}

/** A short fingerprint of the session token (FNV-1a), so kept data opens only for the session that kept it. */
export function sessionFingerprint(token: string | null): string {
  if (!token) return ''
  let h = 0x811c9dc5
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16)
}

// One camera frame to a QR code's text (jsqr), H5 only: the weapp scans with Taro.scanCode instead.
import jsQR from 'jsqr'

/** Frames are scaled down to this width before decoding: enough for a card QR held up to the camera, and fast. */
export const DECODE_WIDTH = 640

/** The QR code's text in an RGBA frame, or null when there is none (or it cannot be read yet). */
export function decodeFrame(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })
  return found && found.data ? found.data : null
}

/** What getUserMedia's failure means for the staff member, and what to do instead. */
export function cameraProblem(e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return '没有获得摄像头权限：请在浏览器设置里允许本网站使用摄像头，或在下方粘贴二维码内容'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头，请在下方粘贴二维码内容'
  if (name === 'NotReadableError' || name === 'AbortError') return '摄像头正被其他应用使用，请关闭后重试，或在下方粘贴二维码内容'
  return '摄像头打开失败，请重试，或在下方粘贴二维码内容'
}

/** Why this browser cannot use a camera at all (no HTTPS, an old browser), or null when it can try. */
export function cameraUnavailable(): string | null {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined
  if (md && typeof md.getUserMedia === 'function') return null
  if (typeof window !== 'undefined' && window.isSecureContext === false) return '摄像头扫码需要通过 HTTPS 打开本页面，请在下方粘贴二维码内容'
  return '当前浏览器不能使用摄像头扫码，请换用新版浏览器，或在下方粘贴二维码内容'
}

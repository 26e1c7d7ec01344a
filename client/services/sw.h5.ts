// Registers the service worker the H5 build emits (sw.js, config/h5-webpack.ts) once the page has loaded,
// so its precaching never competes with the first screen. A new version takes over at once; the running
// page keeps its files, the next load gets the new ones.
import { Workbox } from 'workbox-window'

export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  const start = () => {
    const wb = new Workbox('/sw.js')
    wb.addEventListener('waiting', () => wb.messageSkipWaiting())
    wb.register().catch(() => undefined)
  }
  if (document.readyState === 'complete') start()
  else window.addEventListener('load', start, { once: true })
}

// Where the member is, for the station finder only. Coordinates are GCJ-02 (what the API, Map and
// openLocation use). The position is kept in memory for this run of the app and never written to storage.
import Taro from '@tarojs/taro'
import gcoord from 'gcoord'

export interface Origin {
  lat: number
  lng: number
  /** 'gps': the device's position; 'district': the centre of a district the member picked. */
  source: 'gps' | 'district'
  /** Shown to the member: '当前位置' or the district's name. */
  label: string
}

export type LocationResult =
  | { ok: true; lat: number; lng: number }
  | { ok: false; reason: 'denied' | 'unavailable' | 'timeout'; message: string }

export const LOCATION_TIMEOUT_MS = 3000

const MESSAGES = {
  denied: '没有获得定位权限，请选择您所在的区域',
  unavailable: '暂时无法定位，请选择您所在的区域',
  timeout: '定位超时，请选择您所在的区域',
} as const

const fail = (reason: keyof typeof MESSAGES): LocationResult => ({ ok: false, reason, message: MESSAGES[reason] })

async function weappLocation(): Promise<LocationResult> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' })
    return { ok: true, lat: r.latitude, lng: r.longitude }
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? e)
    // "getLocation:fail auth deny", "auth denied", "system permission denied", "privacy agreement"...
    return fail(/deny|denied|permission|privacy|authorize/i.test(msg) ? 'denied' : 'unavailable')
  }
}

/** Browser geolocation is WGS-84: convert to GCJ-02 before it reaches the API. */
function browserLocation(timeoutMs: number): Promise<LocationResult> {
  return new Promise((resolve) => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
    if (!geo) return resolve(fail('unavailable'))
    geo.getCurrentPosition(
      (pos) => {
        const [lng, lat] = gcoord.transform([pos.coords.longitude, pos.coords.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number]
        resolve({ ok: true, lat, lng })
      },
      (err) => resolve(fail(err && err.code === 1 ? 'denied' : err && err.code === 3 ? 'timeout' : 'unavailable')),
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 60_000 },
    )
  })
}

export interface LocationOptions {
  /** Give up waiting after this long (a permission prompt left open, no fix). */
  timeoutMs?: number
  /** Called if a position still arrives after the timeout, so the page can use it if the member has not picked a district. */
  onLate?: (r: Extract<LocationResult, { ok: true }>) => void
}

/**
 * Asks for the position once. Always resolves: on refusal, failure or after the timeout it returns
 * { ok: false } so the page can offer the district picker instead.
 */
export function getLocation(opts: LocationOptions = {}): Promise<LocationResult> {
  // On weapp the permission dialog is modal: allow more time to answer it.
  const timeoutMs = opts.timeoutMs ?? (process.env.TARO_ENV === 'weapp' ? 10_000 : LOCATION_TIMEOUT_MS)
  const ask = process.env.TARO_ENV === 'weapp' ? weappLocation() : browserLocation(timeoutMs)
  return new Promise((resolve) => {
    let done = false
    const timer = setTimeout(() => {
      done = true
      resolve(fail('timeout'))
    }, timeoutMs)
    ask.then(
      (r) => {
        if (!done) {
          done = true
          clearTimeout(timer)
          resolve(r)
        } else if (r.ok) opts.onLate?.(r)
      },
      () => {
        if (done) return
        done = true
        clearTimeout(timer)
        resolve(fail('unavailable'))
      },
    )
  })
}

// The finder's search origin, in memory only, so the detail page can show the distance.
let current: Origin | null = null
export function setCurrentOrigin(o: Origin | null): void {
  current = o
}
export function currentOrigin(): Origin | null {
  return current
}

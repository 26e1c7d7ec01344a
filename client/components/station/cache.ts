// The last good nearby result, for offline use. Stored WITHOUT the member's position: only the stations
// (their own public coordinates, no distances, which could locate the member) and the time.
import Taro from '@tarojs/taro'
import type { StationSummary } from '../../../types/station'

export const CACHE_KEY = 'wu.stations.last'

export type CachedStation = Omit<StationSummary, 'distanceM'> & { distanceM?: undefined }
export interface StationCache {
  savedAt: number
  items: CachedStation[]
}

export function saveStations(items: StationSummary[], now: number = Date.now()): void {
  const clean: CachedStation[] = items.map(({ distanceM: _d, ...rest }) => rest)
  try {
    Taro.setStorageSync(CACHE_KEY, { savedAt: now, items: clean } satisfies StationCache)
  } catch {
    /* storage full or unavailable: the cache is a convenience */
  }
}

export function loadStations(): StationCache | null {
  try {
    const v = Taro.getStorageSync(CACHE_KEY) as StationCache | '' | undefined
    if (v && typeof v === 'object' && Array.isArray(v.items) && typeof v.savedAt === 'number') return v
  } catch {
    /* ignore */
  }
  return null
}

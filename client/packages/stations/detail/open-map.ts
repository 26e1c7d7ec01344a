// Getting to a station: the system map at the station (GCJ-02); plain browsers have no openLocation, so
// Amap's web marker page instead, and the address copied when even that fails.
import Taro from '@tarojs/taro'

/** Amap's web marker page (GCJ-02 coordinates, "gaode"): the navigation fallback in plain browsers. */
export function amapMarkerUrl(s: { lat: number; lng: number; name: string }): string {
  return `https://uri.amap.com/marker?position=${s.lng},${s.lat}&name=${encodeURIComponent(s.name)}&coordinate=gaode&callnative=1&src=warm-union`
}

function copyAddress(address: string) {
  return Taro.setClipboardData({ data: address }).then(
    () => Taro.showToast({ title: '已复制地址，可在地图应用中搜索', icon: 'none' }),
    () => Taro.showToast({ title: address, icon: 'none' }),
  )
}

export function openMap(s: { lat: number; lng: number; name: string; address: string }) {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && !(window as { wx?: { openLocation?: unknown } }).wx?.openLocation) {
    if (!window.open(amapMarkerUrl(s), '_blank')) void copyAddress(s.address)
    return
  }
  Taro.openLocation({ latitude: s.lat, longitude: s.lng, name: s.name, address: s.address, scale: 16 }).catch(() => void copyAddress(s.address))
}

// weapp: a native map with one marker per station (GCJ-02, as the API returns). Tap a marker to see its
// name and distance, tap that bubble to open the station.
import { Map as TaroMap } from '@tarojs/components'
import { formatDistance } from './format'
import type { StationMapProps } from './map-types'

export function StationMap({ lat, lng, showLocation, items, onOpen }: StationMapProps) {
  const markers = items.map((s, i) => ({
    id: i,
    latitude: s.lat,
    longitude: s.lng,
    title: s.name,
    iconPath: '', // empty: WeChat's default marker
    width: 30,
    height: 40,
    callout: {
      content: `${s.name} ${formatDistance(s.distanceM)}${s.openNow ? ' 营业中' : ''}`,
      color: '#111111',
      fontSize: 16,
      anchorX: 0,
      anchorY: 0,
      borderRadius: 8,
      borderWidth: 1,
      borderColor: '#c8102e',
      bgColor: '#ffffff',
      padding: 8,
      display: 'BYCLICK' as const,
      textAlign: 'center' as const,
    },
  }))
  const open = (markerId: number | string) => {
    const s = items[Number(markerId)]
    if (s) onOpen(s.id)
  }
  return (
    <TaroMap
      className='station-map'
      latitude={lat}
      longitude={lng}
      scale={14}
      showLocation={showLocation}
      markers={markers}
      onCalloutTap={(e) => open(e.detail.markerId)}
      onError={() => undefined}
    />
  )
}

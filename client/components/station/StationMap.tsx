// H5 (and tests): no map here. The weapp build picks StationMap.weapp.tsx instead (Taro multi-platform files).
import { Text } from '@tarojs/components'
import type { StationMapProps } from './map-types'

export function StationMap(_props: StationMapProps) {
  return <Text className='notice notice-info station-map-fallback'>地图在微信小程序中可用。这里按距离从近到远列出站点，点站点可查看详情和导航。</Text>
}

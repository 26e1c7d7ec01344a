// One station in the finder's list: name, distance, open now, services, rating, live status, awards.
import { View, Text } from '@tarojs/components'
import { STATION_KIND_LABELS } from '../../../types/station-labels'
import type { StationSummary } from '../../../types/station'
import { awardText, formatDistance, formatLiveStatus, formatRating, serviceLabel, SERVICE_ICONS } from './format'
import type { CachedStation } from './cache'
import { a11y, keyActivate } from '../ui/a11y'
import './station.css'

export interface StationItemProps {
  station: StationSummary | CachedStation
  /** "距朝阳区中心" when the search started from a district, not the member's position. */
  distancePrefix?: string
  now?: number
  onOpen: (id: string) => void
}

export function StationItem({ station: s, distancePrefix, now, onOpen }: StationItemProps) {
  const live = formatLiveStatus(s.liveStatus, s.liveStatusAt, now)
  const warn = s.liveStatus && s.liveStatus !== 'open'
  return (
    <View className='station-item' data-id={s.id} onClick={() => onOpen(s.id)} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
      <View className='station-item-head'>
        <Text className='station-item-name'>{s.name}</Text>
        {typeof s.distanceM === 'number' ? (
          <Text className='station-item-distance'>
            {distancePrefix ?? ''}
            {formatDistance(s.distanceM)}
          </Text>
        ) : null}
      </View>
      <View className='station-item-row'>
        <Text className={s.openNow ? 'badge badge-open' : 'badge badge-closed'}>{s.openNow ? '营业中' : '休息中'}</Text>
        {s.is24h ? <Text className='badge badge-plain'>24小时</Text> : null}
        <Text className='station-item-kind'>{STATION_KIND_LABELS[s.kind]}</Text>
      </View>
      {live ? <Text className={warn ? 'station-live station-live-warn' : 'station-live'}>{live}</Text> : null}
      <View className='station-services'>
        {s.services.map((sv) => (
          <Text key={sv} className='service-tag'>
            {SERVICE_ICONS[sv]} {serviceLabel(sv)}
          </Text>
        ))}
      </View>
      <View className='station-item-row'>
        <Text className='station-rating'>{s.ratingAvg !== null && s.ratingCount ? `评分 ${formatRating(s.ratingAvg, s.ratingCount)}` : formatRating(null, 0)}</Text>
      </View>
      {s.awards.length ? (
        <View className='station-awards'>
          {s.awards.slice(0, 2).map((a) => (
            <Text key={`${a.level}-${a.year}`} className='award-badge'>
              🏅 {awardText(a)}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className='station-item-address'>{s.address}</Text>
    </View>
  )
}

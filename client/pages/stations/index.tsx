// Warm-station finder: the nearest station with water, a microwave, a toilet, a seat or a charger, in two taps.
import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { api } from '../../services/api'
import { url } from '../../services/routes'
import { getLocation, setCurrentOrigin, type Origin } from '../../services/location'
import { BEIJING_DISTRICTS, NEARBY_MAX_RADIUS_M, SERVICE_LABELS, type Service } from '../../../types/station-labels'
import { usePagedList } from '../../hooks/paged-list'
import { ErrorBlock, LoadMore } from '../../components/states'
import { StationItem } from '../../components/station/StationItem'
import { StationMap } from '../../components/station/StationMap'
import { loadStations, saveStations } from '../../components/station/cache'
import { formatClock, formatRadius, SERVICE_ICONS } from '../../components/station/format'
import '../../components/station/station.css'
import { DEFAULT_RADIUS_M, PAGE_SIZE } from './policy'
import './index.css'

const FILTER_SERVICES: Service[] = ['water', 'meal_heating', 'rest', 'toilet', 'phone_charging', 'ebike_charging']
const CACHE_MAX = 50
const NOTHING = { items: [], nextCursor: null }

interface Query {
  services: Service[]
  openNow: boolean
  radiusM: number
}

type Phase = 'locating' | 'pick' | 'ready'

const openDetail = (id: string) => Taro.navigateTo({ url: url('stations/detail', { id }) })

export default function StationFinder() {
  const [phase, setPhase] = useState<Phase>('locating')
  const [locMessage, setLocMessage] = useState<string | null>(null)
  const [origin, setOrigin] = useState<Origin | null>(null)
  const [query, setQuery] = useState<Query>({ services: [], openNow: false, radiusM: DEFAULT_RADIUS_M })
  const [view, setView] = useState<'list' | 'map'>('list')
  const phaseRef = useRef<Phase>('locating')
  phaseRef.current = phase

  const list = usePagedList(
    async (cursor?: string) => {
      if (!origin) return NOTHING
      const r = await api.station.nearby({
        lat: origin.lat,
        lng: origin.lng,
        radiusM: query.radiusM,
        services: query.services.length ? query.services : undefined,
        openNow: query.openNow || undefined,
        limit: PAGE_SIZE,
        cursor,
      })
      return r
    },
    (s) => s.id,
    { login: 'token', on: 'manual', deps: [origin, query] },
  )
  const { items, loading, signedOut } = list
  // No session, or no answer (but not an expired session): what the finder last saw, if anything.
  const offline = useMemo(() => (signedOut || (list.error && list.error.code !== 'UNAUTHENTICATED') ? loadStations() : null), [signedOut, list.error])
  const needLogin = signedOut && !offline
  const error = offline ? null : list.error
  // The last good result, for offline use (saveStations drops the distances).
  useEffect(() => {
    if (items?.length) saveStations(items.slice(0, CACHE_MAX))
  }, [items])

  function start(o: Origin) {
    setOrigin(o)
    setCurrentOrigin(o)
    setPhase('ready')
  }

  async function locate() {
    setPhase('locating')
    setLocMessage(null)
    const r = await getLocation({
      // A position that arrives after we gave up is still welcome while the member has not picked a district.
      onLate: (p) => {
        if (phaseRef.current === 'pick') start({ lat: p.lat, lng: p.lng, source: 'gps', label: '当前位置' })
      },
    })
    if (r.ok) start({ lat: r.lat, lng: r.lng, source: 'gps', label: '当前位置' })
    else {
      setLocMessage(r.message)
      setPhase('pick')
    }
  }

  useLoad(() => void locate())

  const update = setQuery
  const toggleService = (s: Service) =>
    update({ ...query, services: query.services.includes(s) ? query.services.filter((x) => x !== s) : [...query.services, s] })
  const toggleOpenNow = () => update({ ...query, openNow: !query.openNow })
  const widen = () => update({ ...query, radiusM: Math.min(query.radiusM * 2, NEARBY_MAX_RADIUS_M) })

  const atMax = query.radiusM >= NEARBY_MAX_RADIUS_M
  const nextRadius = Math.min(query.radiusM * 2, NEARBY_MAX_RADIUS_M)

  return (
    <View className='wu-page station-page station-finder'>
      {phase === 'locating' ? (
        <View className='finder-locating'>
          <Text className='finder-big-text'>正在获取您的位置…</Text>
          <Button className='big-button secondary finder-skip' onClick={() => setPhase('pick')}>
            不定位，选择区域
          </Button>
        </View>
      ) : null}

      {phase === 'pick' ? (
        <View className='district-picker'>
          {locMessage ? <Text className='notice notice-info'>{locMessage}</Text> : <Text className='section-title'>请选择您所在的区域</Text>}
          <View className='district-grid'>
            {BEIJING_DISTRICTS.map((d) => (
              <Button key={d.name} className='district-item' data-name={d.name} onClick={() => start({ lat: d.lat, lng: d.lng, source: 'district', label: d.name })}>
                {d.name}
              </Button>
            ))}
          </View>
          <Button className='big-button secondary' onClick={() => void locate()}>
            重新定位
          </Button>
        </View>
      ) : null}

      {phase === 'ready' && origin ? (
        <View>
          <View className='finder-origin'>
            <Text className='finder-origin-label'>📍 {origin.source === 'gps' ? '当前位置附近' : `${origin.label}（区中心）附近`}</Text>
            <Button className='finder-small-button' onClick={() => setPhase('pick')}>
              换区域
            </Button>
            {origin.source === 'district' ? (
              <Button className='finder-small-button' onClick={() => void locate()}>
                定位
              </Button>
            ) : null}
          </View>

          <View className='finder-chips'>
            {FILTER_SERVICES.map((s) => (
              <View key={s} className={`chip chip-${s}${query.services.includes(s) ? ' chip-on' : ''}`} onClick={() => toggleService(s)}>
                {SERVICE_ICONS[s]} {SERVICE_LABELS[s]}
              </View>
            ))}
            <View className={`chip chip-open-now${query.openNow ? ' chip-on' : ''}`} onClick={toggleOpenNow}>
              🕒 营业中
            </View>
          </View>

          <View className='finder-views'>
            <View className={`finder-view-tab view-list${view === 'list' ? ' finder-view-on' : ''}`} onClick={() => setView('list')}>
              列表
            </View>
            <View className={`finder-view-tab view-map${view === 'map' ? ' finder-view-on' : ''}`} onClick={() => setView('map')}>
              地图
            </View>
          </View>

          {loading ? <Text className='finder-big-text finder-loading'>正在查找附近的站点…</Text> : null}

          {!loading && needLogin ? (
            <View className='section'>
              <Text className='finder-big-text'>请先登录，再查找附近的驿站</Text>
              <Button className='big-button' onClick={() => Taro.navigateTo({ url: url('login') })}>
                去登录
              </Button>
            </View>
          ) : null}

          {!loading && error ? <ErrorBlock message={error.message} onRetry={list.reload} /> : null}

          {!loading && offline ? (
            <View className='finder-offline'>
              <Text className='notice notice-offline offline-banner'>离线数据，更新于 {formatClock(offline.savedAt)}（网络恢复后请刷新，距离以实际为准）</Text>
              <Button className='big-button secondary' onClick={list.reload}>
                重新加载
              </Button>
              {offline.items.map((s) => (
                <StationItem key={s.id} station={s} onOpen={openDetail} />
              ))}
            </View>
          ) : null}

          {!loading && !offline && items ? (
            <View className='finder-results'>
              {view === 'map' ? <StationMap lat={origin.lat} lng={origin.lng} showLocation={origin.source === 'gps'} items={items} onOpen={openDetail} /> : null}
              {items.length === 0 ? (
                <View className='section finder-empty'>
                  <Text className='finder-big-text'>
                    附近 {formatRadius(query.radiusM)}内没有符合条件的站点，{atMax ? '试试减少筛选条件' : '试试扩大范围'}
                  </Text>
                  {!atMax ? (
                    <Button className='big-button widen-button' onClick={widen}>
                      扩大范围到 {formatRadius(nextRadius)}
                    </Button>
                  ) : null}
                </View>
              ) : null}
              {items.map((s) => (
                <StationItem key={s.id} station={s} onOpen={openDetail} />
              ))}
              <LoadMore list={list} />
              {!list.hasMore && items.length > 0 && !atMax ? (
                <Button className='big-button secondary widen-button' onClick={widen}>
                  没有更多了，扩大范围到 {formatRadius(nextRadius)}
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

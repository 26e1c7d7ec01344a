// Warm-station finder: the nearest station with water, a microwave, a toilet, a seat or a charger, in two taps.
import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
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
import { shellDone, shellNearby, shellOrigin } from '../../services/shell'
import { Screen } from '../../components/ui/screen'
import { Btn } from '../../components/ui/button'
import { Chip, Tabs } from '../../components/ui/choice'
import { a11y } from '../../components/ui/a11y'
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
      // The first page as the prerendered shell (H5) already asked for it.
      const handed = !cursor && !query.services.length && !query.openNow && query.radiusM === DEFAULT_RADIUS_M ? await shellNearby(origin) : null
      if (handed) return handed
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
    { on: 'manual', deps: [origin, query] },
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
    const located = shellOrigin()
    if (located) return start({ ...located, source: 'gps', label: '当前位置' })
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
  // The app's own page replaces the prerendered shell once it has something to show.
  useEffect(() => {
    if (phase === 'pick' || (phase === 'ready' && !loading && (items || list.error))) shellDone()
  }, [phase, loading, items, list.error])

  const update = setQuery
  const toggleService = (s: Service) =>
    update({ ...query, services: query.services.includes(s) ? query.services.filter((x) => x !== s) : [...query.services, s] })
  const toggleOpenNow = () => update({ ...query, openNow: !query.openNow })
  const widen = () => update({ ...query, radiusM: Math.min(query.radiusM * 2, NEARBY_MAX_RADIUS_M) })

  const atMax = query.radiusM >= NEARBY_MAX_RADIUS_M
  const nextRadius = Math.min(query.radiusM * 2, NEARBY_MAX_RADIUS_M)

  return (
    <Screen className='wu-page station-page station-finder'>
      {phase === 'locating' ? (
        <View className='finder-locating'>
          <Text className='finder-big-text' {...a11y({ role: 'status' })}>
            正在获取您的位置…
          </Text>
          <Btn kind='secondary' className='big-button secondary finder-skip' onClick={() => setPhase('pick')}>
            不定位，选择区域
          </Btn>
        </View>
      ) : null}

      {phase === 'pick' ? (
        <View className='district-picker'>
          {locMessage ? <Text className='notice notice-info'>{locMessage}</Text> : <Text className='section-title'>请选择您所在的区域</Text>}
          <View className='district-grid'>
            {BEIJING_DISTRICTS.map((d) => (
              <Btn key={d.name} kind='secondary' className='district-item' onClick={() => start({ lat: d.lat, lng: d.lng, source: 'district', label: d.name })}>
                {d.name}
              </Btn>
            ))}
          </View>
          <Btn kind='secondary' className='big-button secondary' onClick={() => void locate()}>
            重新定位
          </Btn>
        </View>
      ) : null}

      {phase === 'ready' && origin ? (
        <View>
          <View className='finder-origin'>
            <Text className='finder-origin-label'>📍 {origin.source === 'gps' ? '当前位置附近' : `${origin.label}（区中心）附近`}</Text>
            <Btn kind='secondary' size='sm' className='finder-small-button' onClick={() => setPhase('pick')}>
              换区域
            </Btn>
            {origin.source === 'district' ? (
              <Btn kind='secondary' size='sm' className='finder-small-button' label='重新定位' onClick={() => void locate()}>
                定位
              </Btn>
            ) : null}
          </View>

          <View className='finder-chips' {...a11y({ role: 'group', label: '筛选服务' })}>
            {FILTER_SERVICES.map((s) => (
              <Chip key={s} className={`chip chip-${s}`} onClass='chip-on' on={query.services.includes(s)} label={SERVICE_LABELS[s]} onClick={() => toggleService(s)}>
                {SERVICE_ICONS[s]} {SERVICE_LABELS[s]}
              </Chip>
            ))}
            <Chip className='chip chip-open-now' onClass='chip-on' on={query.openNow} label='只看营业中' onClick={toggleOpenNow}>
              🕒 营业中
            </Chip>
          </View>

          <Tabs
            className='finder-views'
            tabClass='finder-view-tab'
            onClass='finder-view-on'
            label='显示方式'
            value={view}
            onChange={setView}
            tabs={[
              { key: 'list', label: '列表', className: 'view-list' },
              { key: 'map', label: '地图', className: 'view-map' },
            ]}
          />

          {loading ? (
            <Text className='finder-big-text finder-loading' {...a11y({ role: 'status' })}>
              正在查找附近的站点…
            </Text>
          ) : null}

          {!loading && needLogin ? (
            <View className='section'>
              <Text className='finder-big-text'>请先登录，再查找附近的驿站</Text>
              <Btn className='big-button' onClick={() => Taro.navigateTo({ url: url('login') })}>
                去登录
              </Btn>
            </View>
          ) : null}

          {!loading && error ? <ErrorBlock message={error.message} onRetry={list.reload} /> : null}

          {!loading && offline ? (
            <View className='finder-offline'>
              <Text className='notice notice-offline offline-banner'>离线数据，更新于 {formatClock(offline.savedAt)}（网络恢复后请刷新，距离以实际为准）</Text>
              <Btn kind='secondary' className='big-button secondary' onClick={list.reload}>
                重新加载
              </Btn>
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
                    <Btn className='big-button widen-button' onClick={widen}>
                      扩大范围到 {formatRadius(nextRadius)}
                    </Btn>
                  ) : null}
                </View>
              ) : null}
              {items.map((s) => (
                <StationItem key={s.id} station={s} onOpen={openDetail} />
              ))}
              <LoadMore list={list} />
              {!list.hasMore && items.length > 0 && !atMax ? (
                <Btn kind='secondary' className='big-button secondary widen-button' onClick={widen}>
                  没有更多了，扩大范围到 {formatRadius(nextRadius)}
                </Btn>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : null}
    </Screen>
  )
}

// Pickup at a warm station: the nearest stations to the member (or to a district they pick).
import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Chip } from '../../components/ui/choice'
import { a11y, keyActivate } from '../../components/ui/a11y'
import { api } from '../../services/api'
import { getLocation } from '../../services/location'
import type { StationSummary } from '../../../types/station'
import { DISTRICTS } from './labels'
import { errorText } from '../../services/errors'

export type PickedStation = { id: string; name: string; address: string }

const distance = (m: number) => (m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`)

export function StationPicker({ picked, onPick, error }: { picked: PickedStation | null; onPick: (s: PickedStation) => void; error?: string | null }) {
  const [phase, setPhase] = useState<'locating' | 'pick' | 'loading' | 'ready' | 'error'>('locating')
  const [message, setMessage] = useState<string | null>(null)
  const [items, setItems] = useState<StationSummary[]>([])
  const [place, setPlace] = useState<string | null>(null)
  const live = useRef(true)

  const search = async (lat: number, lng: number, label: string) => {
    setPlace(label)
    setPhase('loading')
    try {
      const r = await api.station.nearby({ lat, lng, radiusM: 50_000, limit: 10 })
      if (!live.current) return
      setItems(r.items)
      setPhase('ready')
    } catch (e) {
      if (!live.current) return
      setMessage(errorText(e))
      setPhase('error')
    }
  }

  useEffect(() => {
    live.current = true
    void getLocation().then((r) => {
      if (!live.current) return
      if (r.ok) void search(r.lat, r.lng, '您附近')
      else {
        setMessage(r.message)
        setPhase('pick')
      }
    })
    return () => {
      live.current = false
    }
  }, [])

  return (
    <View className='station-picker'>
      {picked ? (
        <View className='shop-notice station-picked'>
          已选择：{picked.name}（{picked.address}）
        </View>
      ) : null}
      {phase === 'locating' ? <Text className='shop-hint'>正在获取您的位置，查找附近的驿站…</Text> : null}
      {message && phase !== 'ready' && phase !== 'loading' ? <Text className='shop-hint station-message'>{message}</Text> : null}
      {phase !== 'locating' ? (
        <View className='shop-chips district-chips' {...a11y({ role: 'group', label: '按区域查找驿站' })}>
          {DISTRICTS.map((d) => (
            <Chip key={d.name} className='shop-chip district-chip' onClass='shop-chip-on' on={place === d.name} onClick={() => void search(d.lat, d.lng, d.name)}>
              {d.name}
            </Chip>
          ))}
        </View>
      ) : null}
      {phase === 'loading' ? <Text className='shop-hint'>正在查找驿站…</Text> : null}
      {phase === 'ready' && place ? <Text className='shop-hint'>{place}的暖心驿站，由近到远：</Text> : null}
      {phase === 'ready' && items.length === 0 ? <Text className='shop-hint'>附近没有可自提的驿站，请换个区域或选择快递到家</Text> : null}
      {phase === 'ready'
        ? items.map((s) => (
            <View key={s.id} className={`pick-option station-option ${picked?.id === s.id ? 'pick-option-on' : ''}`} onClick={() => onPick({ id: s.id, name: s.name, address: s.address })} {...a11y({ role: 'radio', checked: picked?.id === s.id, focusable: true })} {...keyActivate()}>
              <Text className='line-name'>
                {picked?.id === s.id ? '✓ ' : ''}
                {s.name}
              </Text>
              <Text className='shop-hint'>
                {s.address} · {distance(s.distanceM)}
              </Text>
            </View>
          ))
        : null}
      {error ? <Text className='shop-error error-station'>{error}</Text> : null}
    </View>
  )
}

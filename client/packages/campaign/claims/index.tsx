import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { errorText, kindLabel, shortTime } from '../shared'
import '../campaign.css'

type Claim = Awaited<ReturnType<typeof api.campaign.myClaims>>['items'][number]

export default function MyClaims() {
  const [items, setItems] = useState<Claim[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    setError(null)
    try {
      setItems((await api.campaign.myClaims({})).items)
    } catch (e) {
      setError(errorText(e))
    }
  }
  useDidShow(() => void load())
  if (error) return <ErrorBlock message={error} onRetry={load} />
  if (!items) return <Loading />
  if (!items.length) return <Empty text='您还没有报名或领取活动' action='去看看活动' onAction={() => Taro.navigateTo({ url: '/packages/campaign/feed/index' })} />
  return (
    <View className='page'>
      {items.map((c) => (
        <View key={c.campaignId} className='card' onClick={() => Taro.navigateTo({ url: `/packages/campaign/detail/index?id=${c.campaignId}` })}>
          <Text className='tag'>{kindLabel(c.kind)}</Text>
          <Text className='title'>{c.title}</Text>
          {c.code ? <Text className='code'>{c.code}</Text> : <Text className='meta'>已报名 · {shortTime(c.joinedAt)}</Text>}
          {c.code ? <Text className='meta'>{c.usedAt ? `已于 ${shortTime(c.usedAt)} 领取` : `未领取 · 请在 ${shortTime(c.endsAt)} 前到站点领取`}</Text> : null}
          {c.stationName ? <Text className='meta'>领取地点：{c.stationName}（{c.stationAddress}）</Text> : null}
        </View>
      ))}
    </View>
  )
}

import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { api } from '../../../services/api'
import type { CampaignSummary } from '../../../../types/campaign'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { errorText, kindLabel, shortTime } from '../shared'
import '../campaign.css'

export default function CampaignFeed() {
  const [items, setItems] = useState<CampaignSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async () => {
    setError(null)
    try {
      setItems((await api.campaign.feed({ limit: 50 })).items)
    } catch (e) {
      setError(errorText(e))
    } finally {
      Taro.stopPullDownRefresh()
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())

  if (error) return <ErrorBlock message={error} onRetry={load} />
  if (!items) return <Loading />
  return (
    <View className='page campaign-feed'>
      <Button className='secondary' onClick={() => Taro.navigateTo({ url: '/packages/campaign/claims/index' })}>
        我的报名与领取
      </Button>
      {items.length === 0 ? <Empty text='暂时没有面向您的活动，工会发布后会在这里显示' /> : null}
      {items.map((c) => (
        <View key={c.id} className='card campaign-item' onClick={() => Taro.navigateTo({ url: `/packages/campaign/detail/index?id=${c.id}` })}>
          <Text className='tag'>{kindLabel(c.kind)}</Text>
          {c.mine ? <Text className='tag'>{c.action === 'claim' ? '已领取' : '已报名'}</Text> : null}
          <Text className='title'>{c.title}</Text>
          <Text className='meta'>{c.unionName}</Text>
          <Text className='meta'>
            {shortTime(c.startsAt)} 至 {shortTime(c.endsAt)}
          </Text>
          {c.remaining !== null ? <Text className='meta'>剩余名额 {c.remaining}</Text> : null}
        </View>
      ))}
    </View>
  )
}

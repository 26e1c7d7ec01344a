import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { usePageQuery } from '../../../hooks/page-query'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { kindLabel, shortTime } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../campaign.css'

export default function CampaignFeed() {
  const page = usePageQuery(() => api.campaign.feed({ limit: 50 }), { login: 'token' })
  const items = page.data?.items
  if (page.error || !items)
    return (
      <Screen className='wu-page page campaign-feed'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={page.reload} /> : <Loading />}
      </Screen>
    )
  return (
    <Screen className='wu-page page campaign-feed'>
      <Btn kind='secondary' size='md' className='secondary' onClick={() => Taro.navigateTo({ url: url('campaign/claims') })}>
        我的报名与领取
      </Btn>
      {items.length === 0 ? <Empty text='暂时没有面向您的活动，工会发布后会在这里显示' /> : null}
      {items.map((c) => (
        <View key={c.id} className='wu-card campaign-item' onClick={() => Taro.navigateTo({ url: url('campaign/detail', { id: c.id }) })} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
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
    </Screen>
  )
}

import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { usePageQuery } from '../../../hooks/page-query'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { kindLabel, shortTime } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../campaign.css'

export default function MyClaims() {
  const page = usePageQuery(() => api.campaign.myClaims({}), { login: 'token' })
  const items = page.data?.items
  if (page.error || !items || !items.length)
    return (
      <Screen className='wu-page page campaign-claims'>
        {page.error ? (
          <ErrorBlock message={page.error.message} onRetry={page.reload} />
        ) : !items ? (
          <Loading />
        ) : (
          <Empty text='您还没有报名或领取活动' action='去看看活动' onAction={() => Taro.navigateTo({ url: url('campaign/feed') })} />
        )}
      </Screen>
    )
  return (
    <Screen className='wu-page page campaign-claims'>
      {items.map((c) => (
        <View key={c.campaignId} className='wu-card' onClick={() => Taro.navigateTo({ url: url('campaign/detail', { id: c.campaignId }) })} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
          <Text className='tag'>{kindLabel(c.kind)}</Text>
          <Text className='title'>{c.title}</Text>
          {c.code ? <Text className='code'>{c.code}</Text> : <Text className='meta'>已报名 · {shortTime(c.joinedAt)}</Text>}
          {c.code ? <Text className='meta'>{c.usedAt ? `已于 ${shortTime(c.usedAt)} 领取` : `未领取 · 请在 ${shortTime(c.endsAt)} 前到站点领取`}</Text> : null}
          {c.stationName ? <Text className='meta'>领取地点：{c.stationName}（{c.stationAddress}）</Text> : null}
        </View>
      ))}
    </Screen>
  )
}

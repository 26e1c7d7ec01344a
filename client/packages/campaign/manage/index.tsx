import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { CAMPAIGN_STATUS_LABELS } from '../../../../types/campaign-labels'
import { usePageQuery } from '../../../hooks/page-query'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { kindLabel, shortTime } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import '../campaign.css'

export default function ManageCampaigns() {
  const page = usePageQuery(
    async () => {
      const [l, s] = await Promise.all([api.campaign.list({}), api.campaign.stats({})])
      return { items: l.items, stats: Object.fromEntries(s.items.map((x) => [x.id, x])) }
    },
    { login: 'token' },
  )
  const { items, stats } = page.data ?? { items: null, stats: {} }
  const load = page.reload

  const act = async (id: string, what: 'publish' | 'close') => {
    const ok = await Taro.showModal({ title: what === 'publish' ? '发布活动' : '结束活动', content: what === 'publish' ? '发布后辖区内符合条件的会员即可看到并参加。' : '结束后会员将不能再报名或领取。' })
    if (!ok.confirm) return
    try {
      await (what === 'publish' ? api.campaign.publish({ id }) : api.campaign.close({ id }))
      Taro.showToast({ title: what === 'publish' ? '已发布' : '已结束', icon: 'success' })
      await load()
    } catch (e) {
      Taro.showModal({ title: '操作失败', content: errorText(e), showCancel: false })
    }
  }

  if (page.error || !items)
    return (
      <Screen className='wu-page page campaign-manage'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={load} /> : <Loading />}
      </Screen>
    )
  return (
    <Screen className='wu-page page campaign-manage'>
      <Btn className='primary new-campaign' onClick={() => Taro.navigateTo({ url: url('campaign/edit') })}>
        发布新活动
      </Btn>
      <Btn kind='secondary' size='md' className='secondary' onClick={() => Taro.navigateTo({ url: url('campaign/verify') })}>
        核销领取码
      </Btn>
      {items.length === 0 ? <Empty text='还没有活动，点击上方按钮发布第一个活动' /> : null}
      {items.map((c) => {
        const s = stats[c.id]
        return (
          <View key={c.id} className='wu-card manage-item'>
            <Text className='tag'>{kindLabel(c.kind)}</Text>
            <Text className='tag'>{CAMPAIGN_STATUS_LABELS[c.status]}</Text>
            <Text className='title'>{c.title}</Text>
            <Text className='meta'>
              {c.unionName} · {shortTime(c.startsAt)} 至 {shortTime(c.endsAt)}
            </Text>
            {s ? (
              <View className='row'>
                <Text className='stat'>覆盖会员 {s.reach}</Text>
                <Text className='stat'>参加 {s.joined}{s.quota ? `/${s.quota}` : ''}</Text>
                <Text className='stat'>已核销 {s.used}</Text>
              </View>
            ) : null}
            {c.status === 'draft' ? (
              <Btn size='md' className='primary publish-button' label={`发布：${c.title}`} onClick={() => act(c.id, 'publish')}>
                发布
              </Btn>
            ) : null}
            {c.status !== 'closed' ? (
              <Btn kind='secondary' size='md' className='secondary' label={`修改：${c.title}`} onClick={() => Taro.navigateTo({ url: url('campaign/edit', { id: c.id }) })}>
                修改
              </Btn>
            ) : null}
            {c.status === 'published' ? (
              <Btn kind='secondary' size='md' className='secondary' label={`结束活动：${c.title}`} onClick={() => act(c.id, 'close')}>
                结束活动
              </Btn>
            ) : null}
          </View>
        )
      })}
    </Screen>
  )
}

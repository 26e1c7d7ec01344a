import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { formatYuan } from '../../../../types/money'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { actionLabel, kindLabel, shortTime } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { Btn } from '../../../components/ui/button'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../campaign.css'

export default function CampaignDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [busy, setBusy] = useState(false)
  const [code, setCode] = useState<string | null>(null)
  const page = usePageQuery(
    async () => {
      const d = await api.campaign.detail({ id })
      setCode(d.mine?.code ?? null)
      return d
    },
    { login: 'token' },
  )
  const c = page.data
  const load = page.reload

  const join = async () => {
    if (busy) return
    setBusy(true)
    try {
      const r = await api.campaign.join({ id })
      setCode(r.code)
      Taro.showToast({ title: r.action === 'claim' ? '领取成功' : '报名成功', icon: 'success' })
      await load()
    } catch (e) {
      Taro.showModal({ title: '未能参加', content: errorText(e), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  if (page.error || !c)
    return (
      <Screen className='wu-page page campaign-detail'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={load} /> : <Loading />}
      </Screen>
    )
  return (
    <Screen className='wu-page page campaign-detail'>
      <View className='wu-card'>
        <Text className='tag'>{kindLabel(c.kind)}</Text>
        <Text className='title campaign-title'>{c.title}</Text>
        <Text className='meta'>发布：{c.unionName}</Text>
        <Text className='meta'>
          时间：{shortTime(c.startsAt)} 至 {shortTime(c.endsAt)}
        </Text>
        {c.quota !== null ? (
          <Text className='meta'>
            名额：{c.quota}（剩余 {c.remaining}）
          </Text>
        ) : null}
        {/* The budget is internal: the server sends it to the staff who manage the campaign only. */}
        {c.budgetFen !== null ? <Text className='meta campaign-budget'>活动预算（仅工作人员可见）：¥{formatYuan(c.budgetFen)}</Text> : null}
      </View>
      <View className='wu-card'>
        <Text className='body'>{c.body}</Text>
      </View>
      {c.station ? (
        <View className='wu-card'>
          <Text className='label'>领取地点</Text>
          <Text className='meta'>{c.station.name}</Text>
          <Text className='meta'>{c.station.address}</Text>
          <Btn kind='secondary' size='md' className='secondary' onClick={() => Taro.openLocation({ latitude: c.station!.lat, longitude: c.station!.lng, name: c.station!.name, address: c.station!.address, scale: 16 })}>
            导航到站点
          </Btn>
        </View>
      ) : null}
      {c.products.length ? (
        <View className='wu-card'>
          <Text className='label'>活动商品</Text>
          {c.products.map((p) => (
            <View key={p.id} className='row' onClick={() => Taro.navigateTo({ url: url('shop/product', { id: p.id }) })} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
              <Text className='meta'>{p.name}</Text>
              <Text className='meta'>会员价 ¥{formatYuan(p.memberPriceFen)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {code ? (
        <View className='wu-card'>
          <Text className='label'>您的领取码</Text>
          <Text className='code claim-code'>{code}</Text>
          <Text className='hint'>请到领取地点向工作人员出示此码，每个码只能使用一次。</Text>
        </View>
      ) : null}
      {c.mine && !code ? <Text className='notice'>您已报名，工会将与您联系。</Text> : null}
      {c.action !== 'buy' && !c.mine ? (
        <Btn className='primary join-button' disabled={!c.canJoin || busy} loading={busy} onClick={join}>
          {c.canJoin ? `立即${actionLabel(c.action)}` : c.reason ?? '暂不能参加'}
        </Btn>
      ) : null}
      {!c.canJoin && c.reason && !c.mine ? <Text className='notice'>{c.reason}</Text> : null}
    </Screen>
  )
}

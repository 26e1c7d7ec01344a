import { useEffect, useRef } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../services/api'
import { url } from '../../services/routes'
import { CARD_STATUS_TEXT, OCCUPATION_TEXT, dayText, minuteText } from '../../services/labels'
import { usePageQuery } from '../../hooks/page-query'
import { CardQr } from '../../components/card-qr'
import { ErrorBlock, Loading } from '../../components/states'
import { KeptNotice, KeptQrHint, useKeptCard } from './offline'
import { Screen } from '../../components/ui/screen'
import { Btn } from '../../components/ui/button'
import './index.css'

/** Refresh this long before the QR expires, so the code a member shows always verifies. */
const REFRESH_MARGIN_MS = 30_000
const MIN_REFRESH_MS = 10_000

export default function CardPage() {
  const card = usePageQuery(() => api.member.myCard({}), { login: 'required' })
  // Loading, offline or unreachable: the card kept from last time, with an offline code (H5 only).
  const kept = useKeptCard(card)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const visible = useRef(true)

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }
  const load = () => {
    clearTimer()
    void card.reload()
  }

  // A fresh QR is fetched before the shown one expires, while the page is visible.
  useEffect(() => {
    const c = card.data
    clearTimer()
    if (!c?.qrExpiresAt || !visible.current) return
    const wait = Math.max(MIN_REFRESH_MS, new Date(c.qrExpiresAt).getTime() - Date.now() - REFRESH_MARGIN_MS)
    timer.current = setTimeout(load, wait)
  }, [card.data])
  useDidShow(() => {
    visible.current = true
  })
  useDidHide(() => {
    visible.current = false
    clearTimer()
  })
  useEffect(() => clearTimer, [])

  const code = card.error?.code
  const state = kept ? 'card' : card.signedOut || code === 'UNAUTHENTICATED' ? 'login' : code === 'NOT_FOUND' ? 'none' : card.data ? 'card' : card.error ? 'error' : 'loading'
  if (state === 'loading')
    return (
      <Screen className='wu-page card-page'>
        <Loading text='正在读取会员卡…' />
      </Screen>
    )
  if (state === 'error')
    return (
      <Screen className='wu-page card-page'>
        <ErrorBlock message={card.error!.message} onRetry={load} />
      </Screen>
    )
  if (state === 'login')
    return (
      <Screen className='wu-page card-page'>
        <View className='card-empty'>
          <Text className='card-empty-title'>请先登录</Text>
          <Text className='card-empty-text'>登录后即可查看您的工会会员卡。</Text>
          <Btn className='card-primary' onClick={() => Taro.navigateTo({ url: url('login') })}>
            去登录
          </Btn>
        </View>
      </Screen>
    )
  if (state === 'none')
    return (
      <Screen className='wu-page card-page'>
        <View className='card-empty'>
          <Text className='card-empty-title'>您还没有工会会员卡</Text>
          <Text className='card-empty-text'>
            加入工会，享受会员专属服务和优惠：驿站歇脚、送温暖送清凉、困难帮扶。快递员、外卖骑手、网约车司机等新就业形态劳动者都可以加入。填写信息后即可领取电子会员卡。
          </Text>
          <Btn className='card-primary join-now' onClick={() => Taro.navigateTo({ url: url('member/register') })}>
            立即入会
          </Btn>
        </View>
      </Screen>
    )

  const c = card.data ?? kept!.card
  // A card we already have stays shown (the member may be offline at a station), marked as maybe stale.
  return (
    <Screen className='wu-page card-page'>
      {kept ? <KeptNotice kept={kept} /> : null}
      {card.error && !kept ? <Text className='card-notice card-stale'>{`${card.error.message}，二维码可能已过期`}</Text> : null}

      {c.status === 'pending' ? (
        <View className='card-status-box card-pending'>
          <Text className='card-status-title'>审核中</Text>
          <Text className='card-status-text'>您的入会申请已提交，{c.unionName}正在审核。审核通过后即可使用电子会员卡。</Text>
        </View>
      ) : null}
      {c.status === 'rejected' ? (
        <View className='card-status-box card-rejected'>
          <Text className='card-status-title'>入会申请未通过</Text>
          <Text className='card-status-text'>原因：{c.rejectReason || '请联系所在工会了解详情'}</Text>
          <Btn className='card-primary reapply' onClick={() => Taro.navigateTo({ url: url('member/register') })}>
            重新申请
          </Btn>
        </View>
      ) : null}
      {c.status === 'suspended' ? (
        <View className='card-status-box card-rejected'>
          <Text className='card-status-title'>会员卡已暂停使用</Text>
          <Text className='card-status-text'>请联系{c.unionName}了解详情。</Text>
        </View>
      ) : null}

      <View className={`e-card e-card-${c.status}`}>
        <Text className='e-card-union'>{c.unionName}</Text>
        <Text className='e-card-kind'>工会会员卡</Text>
        <Text className='e-card-name'>{c.name}</Text>
        <Text className='e-card-label'>卡号</Text>
        {c.cardNo ? <Text className='e-card-no card-no'>{c.cardNo}</Text> : <Text className='e-card-no e-card-no-none'>{c.status === 'pending' ? '审核通过后生成' : '—'}</Text>}
        <View className='e-card-row'>
          <Text className='e-card-small e-card-status'>状态：{CARD_STATUS_TEXT[c.status]}</Text>
          <Text className='e-card-small'>发卡：{dayText(c.issuedAt)}</Text>
        </View>
      </View>

      {c.status === 'active' && c.qr ? (
        <View className='qr-box'>
          <CardQr payload={c.qr} />
          <Text className='qr-hint qr-main-hint'>长按或出示二维码供工作人员核验</Text>
          {c.qrExpiresAt ? <Text className='qr-hint'>二维码自动更新，有效至 {minuteText(c.qrExpiresAt).slice(11)}</Text> : null}
          <Btn kind='secondary' size='md' className='card-secondary qr-refresh' loading={card.loading} disabled={card.loading} onClick={load}>
            刷新二维码
          </Btn>
        </View>
      ) : null}

      {kept ? <KeptQrHint kept={kept} onRefresh={load} /> : null}

      {c.notices?.map((n) => (
        <View key={n.at} className='card-notice card-security'>
          <Text className='card-notice-text'>账户提醒</Text>
          <Text className='card-notice-small'>{n.text}</Text>
        </View>
      ))}

      {c.pendingTransfer ? (
        <View className='card-notice card-transfer'>
          <Text className='card-notice-text'>转会申请审核中：转入 {c.pendingTransfer.toUnionName}</Text>
          <Text className='card-notice-small'>提交时间：{minuteText(c.pendingTransfer.requestedAt)}，审核通过后会员卡转入新工会</Text>
        </View>
      ) : null}

      <View className='wu-card card-info'>
        <Text className='info-title'>会员信息</Text>
        <Text className='info-row'>身份证号：{c.idNumberMasked}</Text>
        <Text className='info-row'>手机号：{c.phoneMasked}</Text>
        <Text className='info-row'>职业：{OCCUPATION_TEXT[c.occupation]}</Text>
        {c.employer ? <Text className='info-row'>工作单位：{c.employer}</Text> : null}
        <Text className='info-privacy'>为保护您的隐私，证件号和手机号仅显示部分号码</Text>
      </View>

      {c.status === 'active' && !c.pendingTransfer ? (
        <Btn kind='secondary' size='md' className='card-secondary card-transfer-button' onClick={() => Taro.navigateTo({ url: url('member/transfer') })}>
          换工作了？申请转会
        </Btn>
      ) : null}
    </Screen>
  )
}

// Pay an order: amount, time left, pay (WeChat cashier or the simulator on H5), wait for the result, or cancel.
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { ORDER_STATUS_TEXT, yuan } from '../labels'
import { countdown, payOrder, waitPaid, type PayOutcome } from '../shared'
import '../shop.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { askToNotify } from '../../../services/subscribe'

type Phase = 'idle' | 'paying' | 'confirming' | 'paid' | 'timeout' | 'wechat-only'

export default function PayPage() {
  const { params } = useRouter()
  const orderId = params.orderId ?? ''
  const [phase, setPhase] = useState<Phase>('idle')
  const [message, setMessage] = useState<string | null>(null)
  const [now, setNow] = useState(Date.now())
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const page = usePageQuery(
    async () => {
      const d = await api.shop.order({ orderId })
      if (alive.current && d.status !== 'PENDING_PAYMENT' && d.status !== 'CANCELLED') setPhase('paid')
      return d
    },
    // Shown again after WeChat's cashier closes: reload only when no payment is under way.
    { login: 'required', on: 'manual' },
  )
  const { data: o, reload: load } = page
  useDidShow(() => {
    if (phase === 'idle') void load()
  })

  // The countdown; when it runs out the server cancels the order on the next read.
  const pending = o?.status === 'PENDING_PAYMENT' && phase !== 'paid'
  useEffect(() => {
    if (!pending) return
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [pending])
  const left = o ? countdown(o.payDeadline, now) : null
  useEffect(() => {
    if (pending && o?.payDeadline && left === null && phase === 'idle') void load()
  }, [left === null])

  const settle = async (r: PayOutcome) => {
    if (!alive.current) return
    if (r.kind === 'paid') {
      setPhase('paid')
      setMessage(null)
      await load()
      await askToNotify(['order_shipped', 'refund_completed'], '支付成功。商品发货、退款到账时，通过微信通知您？')
    } else if (r.kind === 'timeout') {
      setPhase('timeout')
      setMessage('暂未收到支付结果。如您已付款，请稍后点击“重新查询”；如未付款，可再次支付。')
    } else if (r.kind === 'wechat-only') {
      setPhase('wechat-only')
      setMessage('请在微信小程序中完成支付')
    } else if (r.kind === 'user-cancelled') {
      setPhase('idle')
      Taro.showToast({ title: '已取消支付', icon: 'none' })
    } else {
      setPhase('idle')
      setMessage(r.status === 'CANCELLED' ? '订单已取消（超时未支付或已手动取消），请重新下单' : `订单状态：${ORDER_STATUS_TEXT[r.status]}`)
      await load()
    }
  }

  const pay = async () => {
    if (phase === 'paying' || phase === 'confirming') return
    setPhase('paying')
    setMessage(null)
    try {
      await settle(await payOrder(orderId, () => alive.current && setPhase('confirming')))
    } catch (e) {
      setPhase('idle')
      setMessage(errorText(e))
      void load()
    }
  }

  const recheck = async () => {
    setPhase('confirming')
    setMessage(null)
    try {
      await settle(await waitPaid(orderId))
    } catch (e) {
      setPhase('timeout')
      setMessage(errorText(e))
    }
  }

  const cancel = async () => {
    const c = await Taro.showModal({ title: '取消订单', content: '确定取消这个订单吗？库存将释放给其他职工。', confirmText: '取消订单', cancelText: '再想想' })
    if (!c.confirm) return
    try {
      await api.shop.cancelOrder({ orderId, reason: '买家取消' })
      Taro.showToast({ title: '订单已取消', icon: 'none' })
      await load()
    } catch (e) {
      Taro.showModal({ title: '未能取消', content: errorText(e), showCancel: false })
      void load()
    }
  }

  if (page.error || !o)
    return (
      <Screen className='wu-page shop-page pay-page'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={load} /> : <Loading />}
      </Screen>
    )

  const openOrder = () => Taro.redirectTo({ url: url('shop/order', { orderId: o.orderId }) })
  if (phase === 'paid') {
    return (
      <Screen className='wu-page shop-page pay-page'>
        <View className='wu-card'>
          <Text className='pay-success pay-done'>支付成功</Text>
          <Text className='pay-amount'>¥{yuan(o.payableFen)}</Text>
          <Text className='shop-meta'>订单号：{o.orderNo}</Text>
          <Text className='shop-meta'>订单状态：{ORDER_STATUS_TEXT[o.status]}</Text>
          <Text className='shop-hint'>感谢您支持消费帮扶！商品发出后可在“我的订单”中查看进度。</Text>
        </View>
        <Btn className='shop-primary view-order' onClick={openOrder}>
          查看订单
        </Btn>
        <Btn kind='secondary' className='shop-secondary' onClick={() => Taro.redirectTo({ url: url('shop/index') })}>
          继续逛逛
        </Btn>
      </Screen>
    )
  }

  const cancelled = o.status === 'CANCELLED'
  const working = phase === 'paying' || phase === 'confirming'
  return (
    <Screen className='wu-page shop-page pay-page'>
      <View className='wu-card'>
        <Text className='shop-meta'>订单号：{o.orderNo}</Text>
        <Text className='shop-meta'>
          {o.firstItemName}
          {o.itemCount > 1 ? ` 等 ${o.itemCount} 种商品` : ''}
        </Text>
        <Text className='pay-amount pay-amount-value'>¥{yuan(o.payableFen)}</Text>
        {o.subsidyFen > 0 ? <Text className='shop-meta pay-subsidy'>已用消费帮扶补贴抵扣 ¥{yuan(o.subsidyFen)}</Text> : null}
        {cancelled ? (
          <Text className='shop-error-box pay-cancelled'>订单已取消（超时未支付或已手动取消），请重新下单</Text>
        ) : left ? (
          <Text className='pay-countdown'>请在 {left} 内完成支付，超时订单将自动取消</Text>
        ) : null}
      </View>
      {phase === 'confirming' ? <Text className='shop-notice pay-confirming'>支付确认中…</Text> : null}
      {message ? <Text className={`${phase === 'timeout' || phase === 'wechat-only' ? 'shop-notice' : 'shop-error-box'} pay-message`}>{message}</Text> : null}
      {!cancelled ? (
        <>
          {phase === 'timeout' ? (
            <Btn className='shop-primary pay-recheck' onClick={recheck}>
              重新查询
            </Btn>
          ) : null}
          <Btn kind={phase === 'timeout' ? 'secondary' : 'primary'} className={`${phase === 'timeout' ? 'shop-secondary' : 'shop-primary'} pay-now`} loading={working} disabled={working || phase === 'wechat-only'} onClick={pay}>
            {phase === 'paying' ? '正在支付…' : phase === 'confirming' ? '支付确认中…' : phase === 'timeout' ? '再次支付' : '立即支付'}
          </Btn>
          <Btn kind='secondary' className='shop-secondary pay-cancel' disabled={working} onClick={cancel}>
            取消订单
          </Btn>
        </>
      ) : (
        <Btn className='shop-primary' onClick={() => Taro.redirectTo({ url: url('shop/index') })}>
          返回商城
        </Btn>
      )}
      <Btn kind='secondary' className='shop-secondary' onClick={openOrder}>
        查看订单详情
      </Btn>
    </Screen>
  )
}

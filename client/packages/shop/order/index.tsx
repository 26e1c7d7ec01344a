// One order: status, timeline, lines, delivery, amounts, and what the member can do next.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { api } from '../../../services/api'
import { errorText } from '../../../services/errors'
import { url } from '../../../services/routes'
import { minuteText } from '../../../services/labels'
import { textProblem } from '../../../../types/text-rules'
import { REFUND_REASON } from '../../../../types/shop-fields'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { ORDER_STATUS_TEXT, REFUNDABLE, REFUND_STATUS_TEXT, yuan } from '../labels'
import { go } from '../shared'
import '../shop.css'
import { Btn } from '../../../components/ui/button'
import { Screen } from '../../../components/ui/screen'
import { inputA11y } from '../../../components/ui/field'
import { a11y, keyActivate } from '../../../components/ui/a11y'

export default function OrderPage() {
  const { params } = useRouter()
  const orderId = params.orderId ?? ''
  const page = usePageQuery(() => api.shop.order({ orderId }), { login: 'required' })
  const { data: o, reload: load } = page
  const [busy, setBusy] = useState(false)
  const [refunding, setRefunding] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const act = async (fn: () => Promise<unknown>, done: string) => {
    if (busy) return
    setBusy(true)
    try {
      await fn()
      Taro.showToast({ title: done, icon: 'success' })
      await load()
      return true
    } catch (e) {
      Taro.showModal({ title: '操作未完成', content: errorText(e), showCancel: false })
      void load()
      return false
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    const c = await Taro.showModal({ title: '取消订单', content: '确定取消这个订单吗？', confirmText: '取消订单', cancelText: '再想想' })
    if (c.confirm) await act(() => api.shop.cancelOrder({ orderId, reason: '买家取消' }), '订单已取消')
  }
  const confirmReceipt = async () => {
    const c = await Taro.showModal({ title: '确认收货', content: '请确认您已收到全部商品。', confirmText: '确认收货', cancelText: '还没有' })
    if (c.confirm) await act(() => api.shop.confirmReceipt({ orderId }), '已确认收货')
  }
  const refund = async () => {
    const r = reason.trim()
    const problem = textProblem(REFUND_REASON, r)
    setReasonError(problem)
    if (problem) return
    if (await act(() => api.shop.refund({ orderId, reason: r }), '已提交退款')) {
      setRefunding(false)
      setReason('')
    }
  }

  if (page.error || !o)
    return (
      <Screen className='wu-page shop-page order-page'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={load} /> : <Loading />}
      </Screen>
    )

  // Part paid from a relief-purchase subsidy (when the order used one).
  const subsidyFen = o.subsidyFen
  const canRefund = REFUNDABLE.includes(o.status) && !o.refund
  const d = o.delivery
  return (
    <Screen className='wu-page shop-page order-page'>
      <View className='wu-card'>
        <Text className='order-status-big order-detail-status'>{ORDER_STATUS_TEXT[o.status]}</Text>
        {o.status === 'PENDING_PAYMENT' && o.payDeadline ? <Text className='shop-meta'>请在 {minuteText(o.payDeadline)} 前完成支付</Text> : null}
        {o.status === 'PAID' ? <Text className='shop-meta'>{d.type === 'pickup' ? '商家备货中，到站后通知您自提' : '商家正在备货，发货后可查看快递单号'}</Text> : null}
        {o.status === 'READY_FOR_PICKUP' ? <Text className='shop-meta'>商品已送达驿站，请凭订单号到站自提</Text> : null}
        {o.trackingNo ? <Text className='shop-meta'>快递单号：{o.trackingNo}</Text> : null}
        <Text className='shop-hint'>订单号：{o.orderNo}</Text>
        <Text className='shop-hint'>下单时间：{minuteText(o.createdAt)}</Text>
        {o.paidAt ? <Text className='shop-hint'>支付时间：{minuteText(o.paidAt)}</Text> : null}
      </View>

      <View className='wu-card'>
        <Text className='shop-label'>商品</Text>
        {o.items.map((i) => (
          <View key={i.productId} className='line order-line' onClick={() => go(url('shop/product', { id: i.productId }))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
            <View className='shop-grow'>
              <Text className='line-name'>{i.name}</Text>
              <Text className='shop-hint'>
                {i.province}·{i.county} · ¥{yuan(i.unitPriceFen)} × {i.qty} {i.unit}
              </Text>
            </View>
            <Text className='shop-price'>¥{yuan(i.amountFen)}</Text>
          </View>
        ))}
        {o.totalFen > o.payableFen ? (
          <View className='shop-row'>
            <Text className='shop-meta'>原价合计</Text>
            <Text className='shop-meta'>¥{yuan(o.totalFen)}</Text>
          </View>
        ) : null}
        {o.totalFen > o.payableFen + subsidyFen ? (
          <View className='shop-row'>
            <Text className='shop-meta'>会员优惠</Text>
            <Text className='shop-meta'>-¥{yuan(o.totalFen - o.payableFen - subsidyFen)}</Text>
          </View>
        ) : null}
        {subsidyFen > 0 ? (
          <View className='shop-row'>
            <Text className='shop-meta'>帮扶补贴抵扣</Text>
            <Text className='shop-meta order-subsidy'>-¥{yuan(subsidyFen)}</Text>
          </View>
        ) : null}
        <View className='shop-row'>
          <Text className='total-text'>{o.paidAt ? '实付' : '应付'}</Text>
          <Text className='shop-price order-payable'>¥{yuan(o.payableFen)}</Text>
        </View>
      </View>

      <View className='wu-card order-delivery'>
        <Text className='shop-label'>{d.type === 'pickup' ? '驿站自提' : '收货地址'}</Text>
        {d.type === 'pickup' ? (
          <>
            <Text className='shop-meta'>{d.stationName}</Text>
            <Text className='shop-hint'>{d.stationAddress}</Text>
          </>
        ) : (
          <>
            <Text className='shop-meta'>
              {d.name} {d.phone}
            </Text>
            <Text className='shop-hint'>
              {d.region} {d.detail}
            </Text>
          </>
        )}
      </View>

      {o.invoice ? (
        <View className='wu-card'>
          <Text className='shop-label'>发票</Text>
          <Text className='shop-meta'>抬头：{o.invoice.title}</Text>
          <Text className='shop-meta'>纳税人识别号：{o.invoice.taxNo}</Text>
        </View>
      ) : null}

      {o.refund ? (
        <View className='wu-card order-refund'>
          <Text className='shop-label'>退款</Text>
          <Text className='shop-meta'>状态：{REFUND_STATUS_TEXT[o.refund.status] ?? o.refund.status}</Text>
          <Text className='shop-meta'>金额：¥{yuan(o.refund.amountFen)}</Text>
          <Text className='shop-meta'>原因：{o.refund.reason}</Text>
          <Text className='shop-hint'>退款单号：{o.refund.outRefundNo}</Text>
        </View>
      ) : null}

      {o.timeline.length ? (
        <View className='wu-card order-timeline'>
          <Text className='shop-label'>订单进度</Text>
          {[...o.timeline].reverse().map((t, i) => (
            <View key={`${t.at}-${i}`} className='timeline-item'>
              <Text className='shop-meta'>{ORDER_STATUS_TEXT[t.status]}</Text>
              <Text className='shop-hint'>
                {minuteText(t.at)}
                {t.note ? ` · ${t.note}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {refunding ? (
        <View className='wu-card refund-form'>
          <Text className='shop-label'>退款原因</Text>
          <Textarea className='wu-textarea shop-textarea refund-reason' value={reason} maxlength={200} placeholder='请说明退款原因，如：商品破损、不想要了' onInput={(e) => setReason(e.detail.value)} {...inputA11y('退款原因', reasonError)} />
          {reasonError ? <Text className='shop-error'>{reasonError}</Text> : null}
          <Text className='shop-hint'>{o.status === 'PAID' ? '商品尚未发货，退款后库存将退回。' : '退款申请提交后，工会专柜将与您联系处理退货。'}</Text>
          <Btn className='shop-primary refund-submit' loading={busy} disabled={busy} onClick={refund}>
            提交退款申请
          </Btn>
          <Btn kind='secondary' className='shop-secondary' onClick={() => setRefunding(false)}>
            暂不退款
          </Btn>
        </View>
      ) : null}

      {o.status === 'PENDING_PAYMENT' ? (
        <>
          <Btn className='shop-primary order-pay' onClick={() => go(url('shop/pay', { orderId: o.orderId }))}>
            去支付
          </Btn>
          <Btn kind='secondary' className='shop-secondary order-cancel' disabled={busy} onClick={cancel}>
            取消订单
          </Btn>
        </>
      ) : null}
      {o.status === 'SHIPPED' || o.status === 'READY_FOR_PICKUP' ? (
        <Btn className='shop-primary order-receive' disabled={busy} onClick={confirmReceipt}>
          确认收货
        </Btn>
      ) : null}
      {canRefund && !refunding ? (
        <Btn kind='secondary' className='shop-secondary order-refund-open' onClick={() => setRefunding(true)}>
          申请退款
        </Btn>
      ) : null}
      <Btn kind='secondary' className='shop-secondary' onClick={() => go(url('shop/orders'))}>
        我的订单
      </Btn>
    </Screen>
  )
}

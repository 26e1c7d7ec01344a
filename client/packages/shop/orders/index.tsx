// My orders by status tab, newest first, with "load more"; a row opens the order.
import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import { api } from '../../../services/api'
import { ensureLogin } from '../../../services/session'
import { minuteText } from '../../../services/labels'
import type { OrderStatus } from '../../../../types/shop'
import { Empty, ErrorBlock, Loading } from '../../../components/states'
import { ORDER_STATUS_TEXT, ORDER_TABS, yuan } from '../labels'
import { errorText, go } from '../shared'
import '../shop.css'

type Summary = Awaited<ReturnType<typeof api.shop.myOrders>>['items'][number]
const PAGE_SIZE = 20
/** One cursor per status of the tab (a tab may cover two statuses); undefined = first page, null = no more. */
type Cursors = Record<string, string | null | undefined>

const byNewest = (a: Summary, b: Summary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)

export default function OrdersPage() {
  const [tab, setTab] = useState(ORDER_TABS[0].key)
  const [items, setItems] = useState<Summary[] | null>(null)
  const [cursors, setCursors] = useState<Cursors>({})
  const [error, setError] = useState<string | null>(null)
  const [more, setMore] = useState<'idle' | 'loading' | 'error'>('idle')
  const seq = useRef(0)

  const statusesOf = (key: string): (OrderStatus | undefined)[] => ORDER_TABS.find((t) => t.key === key)?.statuses ?? [undefined]

  /** Fetches the next page of every status of the tab that has one, and merges them newest first. */
  const fetchPage = async (key: string, from: Cursors) => {
    const next: Cursors = { ...from }
    const out: Summary[] = []
    await Promise.all(
      statusesOf(key).map(async (s) => {
        const k = s ?? 'all'
        if (from[k] === null) return
        const r = await api.shop.myOrders({ status: s, limit: PAGE_SIZE, cursor: from[k] ?? undefined })
        out.push(...r.items)
        next[k] = r.nextCursor
      }),
    )
    return { items: out, cursors: next }
  }

  const load = async (key = tab) => {
    const mine = ++seq.current
    setError(null)
    setItems(null)
    try {
      if (!(await ensureLogin())) return
      const r = await fetchPage(key, {})
      if (mine !== seq.current) return
      setItems(r.items.sort(byNewest))
      setCursors(r.cursors)
      setMore('idle')
    } catch (e) {
      if (mine === seq.current) setError(errorText(e))
    } finally {
      Taro.stopPullDownRefresh()
    }
  }

  const hasMore = Object.values(cursors).some((c) => typeof c === 'string')
  const loadMore = async () => {
    if (!items || !hasMore || more === 'loading') return
    const mine = seq.current
    setMore('loading')
    try {
      const r = await fetchPage(tab, cursors)
      if (mine !== seq.current) return
      setItems([...items, ...r.items.filter((x) => !items.some((y) => y.orderId === x.orderId))].sort(byNewest))
      setCursors(r.cursors)
      setMore('idle')
    } catch {
      if (mine === seq.current) setMore('error')
    }
  }

  useDidShow(() => void load())
  usePullDownRefresh(() => void load())
  useReachBottom(() => void loadMore())

  const pick = (key: string) => {
    if (key === tab) return
    setTab(key)
    void load(key)
  }

  return (
    <View className='shop-page orders-page'>
      <View className='order-tabs'>
        {ORDER_TABS.map((t) => (
          <Text key={t.key} className={`order-tab tab-${t.key} ${tab === t.key ? 'order-tab-on' : ''}`} onClick={() => pick(t.key)}>
            {t.label}
          </Text>
        ))}
      </View>
      {error ? <ErrorBlock message={error} onRetry={() => load()} /> : null}
      {!error && !items ? <Loading /> : null}
      {items && items.length === 0 ? <Empty text='这里还没有订单' action='去商城看看' onAction={() => go('/packages/shop/index/index')} /> : null}
      {items?.map((o) => (
        <View key={o.orderId} className='shop-card order-row' onClick={() => go(`/packages/shop/order/index?orderId=${o.orderId}`)} role='button' aria-label={`订单 ${o.orderNo}`}>
          <View className='shop-row'>
            <Text className='shop-hint'>
              {o.kind === 'bulk' ? '工会采购 · ' : ''}
              {minuteText(o.createdAt)}
            </Text>
            <Text className='order-status order-row-status'>{ORDER_STATUS_TEXT[o.status]}</Text>
          </View>
          <Text className='line-name order-row-name'>
            {o.firstItemName}
            {o.itemCount > 1 ? ` 等 ${o.itemCount} 种商品` : ''}
          </Text>
          <View className='shop-row'>
            <Text className='shop-hint'>订单号 {o.orderNo}</Text>
            <Text className='shop-price'>¥{yuan(o.payableFen)}</Text>
          </View>
          {o.status === 'PENDING_PAYMENT' ? <Text className='shop-link'>去支付 ›</Text> : null}
        </View>
      ))}
      {items && hasMore ? (
        <View className='shop-more'>
          <Button className='shop-secondary load-more' loading={more === 'loading' || undefined} disabled={more === 'loading' || undefined} onClick={loadMore}>
            {more === 'error' ? '加载失败，点击重试' : '加载更多'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

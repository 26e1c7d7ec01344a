// My orders by status tab, newest first, with "load more"; a row opens the order.
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { minuteText } from '../../../services/labels'
import type { OrderStatus } from '../../../../types/shop'
import { usePagedList } from '../../../hooks/paged-list'
import { Empty, ErrorBlock, Loading, LoadMore } from '../../../components/states'
import { ORDER_STATUS_TEXT, ORDER_TABS, yuan } from '../labels'
import { go } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { Tabs } from '../../../components/ui/choice'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../shop.css'

type Summary = Awaited<ReturnType<typeof api.shop.myOrders>>['items'][number]
const PAGE_SIZE = 20
/** One cursor per status of the tab (a tab may cover two statuses); undefined = first page, null = no more. */
type Cursors = Record<string, string | null | undefined>

const byNewest = (a: Summary, b: Summary) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)
const statusesOf = (key: string): (OrderStatus | undefined)[] => ORDER_TABS.find((t) => t.key === key)?.statuses ?? [undefined]

/** The next page of every status of the tab that has one; the whole tab has more while any status has. */
async function fetchPage(key: string, from: Cursors = {}): Promise<{ items: Summary[]; nextCursor: Cursors | null }> {
  const next: Cursors = { ...from }
  const items: Summary[] = []
  await Promise.all(
    statusesOf(key).map(async (s) => {
      const k = s ?? 'all'
      if (from[k] === null) return
      const r = await api.shop.myOrders({ status: s, limit: PAGE_SIZE, cursor: from[k] ?? undefined })
      items.push(...r.items)
      next[k] = r.nextCursor
    }),
  )
  return { items, nextCursor: Object.values(next).some((c) => typeof c === 'string') ? next : null }
}

export default function OrdersPage() {
  const [tab, setTab] = useState(ORDER_TABS[0].key)
  const list = usePagedList((cursors?: Cursors) => fetchPage(tab, cursors), (o) => o.orderId, { login: 'required', deps: [tab] })
  // Newest first across the statuses of the tab.
  const items = list.items && [...list.items].sort(byNewest)
  const pick = (key: string) => setTab(key)

  return (
    <Screen className='wu-page shop-page orders-page'>
      <Tabs className='order-tabs' tabClass='order-tab' onClass='order-tab-on' label='订单状态' value={tab} onChange={pick} tabs={ORDER_TABS.map((t) => ({ key: t.key, label: t.label, className: `tab-${t.key}` }))} />
      {list.error ? <ErrorBlock message={list.error.message} onRetry={list.reload} /> : null}
      {!list.error && !items ? <Loading /> : null}
      {items && items.length === 0 ? <Empty text='这里还没有订单' action='去商城看看' onAction={() => go(url('shop/index'))} /> : null}
      {items?.map((o) => (
        <View key={o.orderId} className='wu-card order-row' onClick={() => go(url('shop/order', { orderId: o.orderId }))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
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
      {items ? <LoadMore list={list} /> : null}
    </Screen>
  )
}

// The cart: change quantities, remove lines, see the total, check out (one order per selling union).
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Empty } from '../../../components/states'
import { cachedUser, currentUser } from '../../../services/session'
import type { Me } from '../../../../types/auth'
import { yuan } from '../labels'
import { bySeller, cartTotal, lineMax, loadCart, removeLines, setQty, type CartLine } from '../cart'
import { go } from '../shared'
import { url } from '../../../services/routes'
import { Screen } from '../../../components/ui/screen'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Stepper } from '../../../components/ui/stepper'
import { imageA11y } from '../../../components/ui/field'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../shop.css'

function Line({ l, onChange }: { l: CartLine; onChange: (lines: CartLine[]) => void }) {
  const max = lineMax(l.stock)
  return (
    <View className='line cart-line'>
      {l.image ? <Image className='line-img' src={l.image} mode='aspectFill' {...imageA11y('')} /> : <View className='line-img' />}
      <View className='shop-grow'>
        <Text className='line-name' onClick={() => go(url('shop/product', { id: l.productId }))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
          {l.name}
        </Text>
        <Text className='shop-hint'>
          {l.unit} · 会员价 ¥{yuan(l.memberPriceFen)}
        </Text>
        <View className='shop-row'>
          <Stepper atMin={l.qty <= 1} atMax={l.qty >= max} onMinus={() => onChange(setQty(l.productId, l.qty - 1))} onPlus={() => onChange(setQty(l.productId, l.qty + 1))} what={`${l.name}的数量`}>
            <Text className='stepper-input line-qty' {...a11y({ live: 'polite' })}>
              {l.qty}
            </Text>
          </Stepper>
          <LinkButton
            className='line-remove'
            label={`删除${l.name}`}
            onClick={async () => {
              const r = await Taro.showModal({ title: '移出购物车', content: `确定不要“${l.name}”了吗？`, confirmText: '移出', cancelText: '再想想' })
              if (r.confirm) onChange(removeLines([l.productId]))
            }}>
            删除
          </LinkButton>
        </View>
      </View>
    </View>
  )
}

export default function CartPage() {
  const [lines, setLines] = useState<CartLine[]>([])
  const [me, setMe] = useState<Me | null>(cachedUser())
  useDidShow(() => {
    setLines(loadCart())
    currentUser()
      .then((u) => u && setMe(u))
      .catch(() => undefined)
  })

  if (!lines.length)
    return (
      <Screen className='wu-page shop-page cart-page'>
        <Empty text='购物车是空的，去商城看看帮扶好物吧' action='去逛逛' onAction={() => go(url('shop/index'))} />
      </Screen>
    )

  const member = !me || me.roles.includes('member')
  const groups = bySeller(lines)
  return (
    <Screen className='wu-page shop-page cart-page'>
      {groups.length > 1 ? <Text className='shop-notice'>以下商品来自不同的工会专柜，需要分开结算（每组一个订单）。</Text> : null}
      {groups.map((g, i) => (
        <View key={g[0].sellerId || i} className='wu-card cart-group'>
          {groups.length > 1 ? <Text className='shop-label'>第 {i + 1} 组</Text> : null}
          {g.map((l) => (
            <Line key={l.productId} l={l} onChange={setLines} />
          ))}
          {groups.length > 1 ? (
            <View className='shop-row'>
              <Text className='total-text'>小计 ¥{yuan(cartTotal(g, member))}</Text>
              <Btn kind='secondary' size='sm' className='shop-secondary checkout-group' label={`结算第 ${i + 1} 组`} onClick={() => go(url('shop/confirm', { seller: g[0].sellerId }))}>
                结算这一组
              </Btn>
            </View>
          ) : null}
        </View>
      ))}
      <View className='shop-bar'>
        <View className='shop-grow'>
          <Text className='total-text'>
            合计 <Text className='shop-price cart-total'>¥{yuan(cartTotal(lines, member))}</Text>
          </Text>
          <Text className='shop-hint'>{member ? '会员价' : '非会员按原价'}，以下单结果为准</Text>
        </View>
        {groups.length === 1 ? (
          <Btn size='md' className='shop-primary checkout' onClick={() => go(url('shop/confirm'))}>
            去结算
          </Btn>
        ) : null}
      </View>
    </Screen>
  )
}

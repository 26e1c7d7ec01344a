// Product detail: pictures, origin, supplier and licence, prices and stock; quantity, add to cart or buy now.
import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text, Image, Input, Swiper, SwiperItem } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import { usePageQuery } from '../../../hooks/page-query'
import { ErrorBlock, Loading } from '../../../components/states'
import { CATEGORY_TEXT, MEMBER_MAX_QTY, yuan } from '../labels'
import { addToCart, cartCount, lineMax, loadCart, setBuyNow } from '../cart'
import { go } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { Btn, LinkButton } from '../../../components/ui/button'
import { Stepper } from '../../../components/ui/stepper'
import { imageA11y, inputA11y } from '../../../components/ui/field'
import '../shop.css'

export default function ProductPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const page = usePageQuery(() => api.shop.product({ id }))
  const p = page.data
  const [qty, setQty] = useState(1)
  const [typed, setTyped] = useState('1')
  const [count, setCount] = useState(0)

  useDidShow(() => setCount(cartCount(loadCart())))

  if (page.error || !p)
    return (
      <Screen className='wu-page shop-page product-page'>
        {page.error ? <ErrorBlock message={page.error.message} onRetry={page.reload} /> : <Loading />}
      </Screen>
    )

  const max = lineMax(p.stock)
  const soldOut = p.stock <= 0 || p.status !== 'on_sale'
  const set = (n: number) => {
    const v = Math.max(1, Math.min(Math.floor(n) || 1, Math.max(1, max)))
    setQty(v)
    setTyped(String(v))
  }

  const line = () => ({
    productId: p.id,
    name: p.name,
    unit: p.unit,
    memberPriceFen: p.memberPriceFen,
    priceFen: p.priceFen,
    image: p.images[0] ?? p.image ?? null,
    sellerId: p.unionId,
    stock: p.stock,
  })

  const add = (thenBuy: boolean) => {
    if (thenBuy) {
      // Buy now: exactly this quantity of this product, whatever is in the cart.
      setBuyNow({ ...line(), qty: Math.min(qty, max) })
      go(url('shop/confirm', { buyNow: 1 }))
      return
    }
    const r = addToCart(line(), qty)
    if (!r.ok) {
      Taro.showModal({ title: '未能加入购物车', content: r.message, showCancel: false })
      return
    }
    setCount(cartCount(loadCart()))
    Taro.showToast({ title: r.capped ? `已达上限，共 ${r.qty} 件` : '已加入购物车', icon: r.capped ? 'none' : 'success' })
  }

  const images = p.images.length ? p.images : p.image ? [p.image] : []
  return (
    <Screen className='wu-page shop-page product-page'>
      {images.length > 1 ? (
        <Swiper className='detail-img' indicatorDots circular>
          {images.map((src) => (
            <SwiperItem key={src}>
              <Image className='detail-img' src={src} mode='aspectFill' {...imageA11y(`${p.name}图片`)} />
            </SwiperItem>
          ))}
        </Swiper>
      ) : images.length === 1 ? (
        <Image className='detail-img' src={images[0]} mode='aspectFill' {...imageA11y(`${p.name}图片`)} />
      ) : (
        <View className='product-img-placeholder detail-placeholder'>{CATEGORY_TEXT[p.category]}</View>
      )}
      <View className='wu-card'>
        {p.relief ? <Text className='shop-tag shop-tag-relief'>帮扶产品</Text> : null}
        <Text className='shop-tag'>{CATEGORY_TEXT[p.category]}</Text>
        <Text className='shop-title product-title'>{p.name}</Text>
        <View>
          <Text className='shop-hint'>会员价</Text>
          <Text className='shop-price-big product-member-price'>¥{yuan(p.memberPriceFen)}</Text>
          {p.priceFen > p.memberPriceFen ? <Text className='shop-price-old product-list-price'>原价 ¥{yuan(p.priceFen)}</Text> : null}
          <Text className='shop-meta'>规格：{p.unit}</Text>
        </View>
        <Text className='shop-hint'>持有效会员卡的会员享会员价，非会员按原价结算。</Text>
        <Text className={`shop-meta product-stock ${soldOut ? 'shop-error' : ''}`}>{soldOut ? '已售罄' : `库存 ${p.stock} ${p.unit}`}</Text>
      </View>
      <View className='wu-card'>
        <Text className='shop-label'>产地</Text>
        <Text className='shop-meta product-origin-full'>
          {p.province}·{p.county}
        </Text>
        <Text className='shop-label'>供应商</Text>
        <Text className='shop-meta product-supplier'>{p.supplier.name}</Text>
        <Text className='shop-meta product-license'>资质编号：{p.supplier.licenseNo}</Text>
      </View>
      {p.description ? (
        <View className='wu-card'>
          <Text className='shop-label'>商品介绍</Text>
          <Text className='shop-meta product-description'>{p.description}</Text>
        </View>
      ) : null}
      {!soldOut ? (
        <View className='wu-card'>
          <View className='shop-row'>
            <Text className='shop-label'>购买数量</Text>
            <Stepper atMin={qty <= 1} atMax={qty >= max} onMinus={() => set(qty - 1)} onPlus={() => set(qty + 1)} what='购买数量'>
              <Input className='wu-input shop-input stepper-input qty-input' type='number' value={typed} onInput={(e) => setTyped(e.detail.value)} onBlur={() => set(Number(typed))} {...inputA11y('购买数量')} />
            </Stepper>
          </View>
          {qty >= max ? (
            <Text className='shop-hint qty-limit'>
              {max < MEMBER_MAX_QTY ? `库存仅剩 ${p.stock} ${p.unit}` : `个人每种商品最多购买 ${MEMBER_MAX_QTY} 件，单位采购请联系工会`}
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className='shop-bar'>
        <LinkButton className='shop-top-link shop-cart-link' label={count > 0 ? `购物车，${count} 件` : '购物车'} onClick={() => go(url('shop/cart'))}>
          购物车{count > 0 ? <Text className='cart-badge'>{count}</Text> : null}
        </LinkButton>
        <Btn kind='secondary' size='md' className='shop-secondary add-to-cart' disabled={soldOut} onClick={() => add(false)}>
          加入购物车
        </Btn>
        <Btn size='md' className='shop-primary buy-now' disabled={soldOut} onClick={() => add(true)}>
          {soldOut ? '已售罄' : '立即购买'}
        </Btn>
      </View>
    </Screen>
  )
}

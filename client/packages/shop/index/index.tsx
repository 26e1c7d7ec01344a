// Shop home: relief products by category, origin and search, with member prices; links to cart and orders.
import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text, Input, Image, Picker } from '@tarojs/components'
import { api } from '../../../services/api'
import { url } from '../../../services/routes'
import type { Category, ProductSummary } from '../../../../types/shop'
import { usePagedList } from '../../../hooks/paged-list'
import { Empty, ErrorBlock, Loading, LoadMore } from '../../../components/states'
import { CATEGORY_ORDER, CATEGORY_TEXT, yuan } from '../labels'
import { cartCount, loadCart } from '../cart'
import { go } from '../shared'
import { Screen } from '../../../components/ui/screen'
import { LinkButton } from '../../../components/ui/button'
import { Chip } from '../../../components/ui/choice'
import { imageA11y, inputA11y, PickerValue } from '../../../components/ui/field'
import { a11y, keyActivate } from '../../../components/ui/a11y'
import '../shop.css'

const PAGE_SIZE = 20

type Filters = { q: string; category: Category | null; origin: { province: string; county: string } | null; reliefOnly: boolean }
type Origin = { province: string; county: string; count: number }

const originText = (o: { province: string; county: string }) => `${o.province}·${o.county}`

function ProductCard({ p }: { p: ProductSummary }) {
  const out = p.stock <= 0
  return (
    <View className={`product-card ${out ? 'product-card-out' : ''}`} onClick={() => go(url('shop/product', { id: p.id }))} {...a11y({ role: 'button', focusable: true })} {...keyActivate()}>
      {p.image ? <Image className='product-img' src={p.image} mode='aspectFill' lazyLoad {...imageA11y('')} /> : <View className='product-img-placeholder'>{CATEGORY_TEXT[p.category]}</View>}
      <View className='product-body'>
        <Text className='product-name'>
          {p.relief ? <Text className='shop-tag shop-tag-relief'>帮扶</Text> : null}
          {p.name}
        </Text>
        <Text className='product-origin'>{originText(p)}</Text>
        <View>
          <Text className='shop-price product-price'>¥{yuan(p.memberPriceFen)}</Text>
          {p.priceFen > p.memberPriceFen ? <Text className='shop-price-old'>原价 ¥{yuan(p.priceFen)}</Text> : null}
        </View>
        {out ? <Text className='product-soldout'>已售罄</Text> : null}
      </View>
    </View>
  )
}

export default function ShopHome() {
  const [filters, setFilters] = useState<Filters>({ q: '', category: null, origin: null, reliefOnly: false })
  const [typed, setTyped] = useState('')
  const [count, setCount] = useState(0)
  const list = usePagedList(
    (cursor?: string) =>
      api.shop.products({
        q: filters.q.trim() || undefined,
        category: filters.category ?? undefined,
        province: filters.origin?.province,
        county: filters.origin?.county,
        reliefOnly: filters.reliefOnly || undefined,
        limit: PAGE_SIZE,
        cursor,
      }),
    (p) => p.id,
    { on: 'load', deps: [filters] },
  )
  const { items } = list
  const origins: Origin[] = list.first?.origins ?? []

  const update = setFilters
  useDidShow(() => setCount(cartCount(loadCart())))

  // Search while typing, after a pause.
  useEffect(() => {
    if (typed === filters.q) return
    const t = setTimeout(() => update({ ...filters, q: typed }), 400)
    return () => clearTimeout(t)
  }, [typed])

  const originLabels = ['全部产地', ...origins.map((o) => `${originText(o)}（${o.count}）`)]
  const originIndex = filters.origin ? origins.findIndex((o) => o.province === filters.origin!.province && o.county === filters.origin!.county) + 1 : 0

  return (
    <Screen className='wu-page shop-page shop-home'>
      <View className='shop-top'>
        <Input
          className='wu-input shop-input shop-search'
          value={typed}
          maxlength={30}
          confirmType='search'
          placeholder='搜索商品或产地'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => update({ ...filters, q: typed })}
          {...inputA11y('搜索商品或产地')}
        />
        <LinkButton className='shop-top-link shop-cart-link' label={count > 0 ? `购物车，${count} 件` : '购物车'} onClick={() => go(url('shop/cart'))}>
          购物车{count > 0 ? <Text className='cart-badge'>{count > 99 ? '99+' : count}</Text> : null}
        </LinkButton>
        <LinkButton className='shop-top-link shop-orders-link' onClick={() => go(url('shop/orders'))}>
          我的订单
        </LinkButton>
      </View>
      <View className='shop-filters'>
        <View className='shop-chips' {...a11y({ role: 'group', label: '商品分类' })}>
          <Chip className='shop-chip cat-all' onClass='shop-chip-on' on={filters.category === null} onClick={() => update({ ...filters, category: null })}>
            全部
          </Chip>
          {CATEGORY_ORDER.map((c) => (
            <Chip key={c} className={`shop-chip cat-${c}`} onClass='shop-chip-on' on={filters.category === c} onClick={() => update({ ...filters, category: filters.category === c ? null : c })}>
              {CATEGORY_TEXT[c]}
            </Chip>
          ))}
        </View>
        <View className='shop-chips'>
          <Picker mode='selector' range={originLabels} value={originIndex} onChange={(e) => {
              const i = Number(e.detail.value)
              update({ ...filters, origin: i > 0 ? { province: origins[i - 1].province, county: origins[i - 1].county } : null })
            }}>
            <PickerValue className={`wu-picker-pill shop-chip origin-picker ${filters.origin ? 'wu-picker-set shop-chip-on' : ''}`} label='产地' value={filters.origin ? originText(filters.origin) : '全部'}>
              {filters.origin ? originText(filters.origin) : '产地：全部'}
            </PickerValue>
          </Picker>
          <Chip className='shop-chip relief-toggle' onClass='shop-chip-on' on={filters.reliefOnly} onClick={() => update({ ...filters, reliefOnly: !filters.reliefOnly })}>
            只看帮扶产品
          </Chip>
        </View>
      </View>
      {list.error ? <ErrorBlock message={list.error.message} onRetry={list.reload} /> : null}
      {!list.error && !items ? <Loading /> : null}
      {items && items.length === 0 ? (
        <Empty text='没有找到符合条件的商品，换个分类或关键词试试' action='清除筛选' onAction={() => {
            setTyped('')
            update({ q: '', category: null, origin: null, reliefOnly: false })
          }} />
      ) : null}
      {items && items.length ? (
        <View className='shop-grid'>
          {items.map((p) => (
            <ProductCard key={p.id} p={p} />
          ))}
        </View>
      ) : null}
      {items?.length ? <LoadMore list={list} end='已经到底了' /> : null}
    </Screen>
  )
}

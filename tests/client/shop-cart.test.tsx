// The cart kept in Taro storage: one line per product, quantities capped by stock and the member limit.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { addToCart, bySeller, CART_KEY, cartCount, cartTotal, getBuyNow, loadCart, mergeLines, removeLines, setBuyNow, setQty, type CartLine } from '../../client/packages/shop/cart'
import { MAX_LINES, MEMBER_MAX_QTY } from '../../client/packages/shop/labels'
import CartPage from '../../client/packages/shop/cart/index'
import { freshSession, gateway, ok } from './helpers'

const product = (n: number, over: Partial<CartLine> = {}): Omit<CartLine, 'qty'> => ({
  productId: `p-${n}`,
  name: `商品${n}`,
  unit: '袋',
  memberPriceFen: 3590,
  priceFen: 3990,
  image: null,
  sellerId: 'seller-a',
  stock: 800,
  ...over,
})

beforeEach(() => freshSession())
afterEach(cleanup)

describe('cart storage', () => {
  test('adding the same product twice merges into one line', () => {
    expect(addToCart(product(1), 2)).toEqual({ ok: true, qty: 2, capped: false })
    expect(addToCart(product(2), 1)).toMatchObject({ ok: true })
    expect(addToCart(product(1), 3)).toEqual({ ok: true, qty: 5, capped: false })
    const lines = loadCart()
    expect(lines.map((l) => [l.productId, l.qty])).toEqual([
      ['p-1', 5],
      ['p-2', 1],
    ])
    expect(cartCount(lines)).toBe(6)
    expect(cartTotal(lines)).toBe(6 * 3590)
    expect(cartTotal(lines, false)).toBe(6 * 3990)
  })

  test('quantities are capped by stock and by the member limit; a full line says so', () => {
    expect(addToCart(product(1, { stock: 3 }), 5)).toEqual({ ok: true, qty: 3, capped: true })
    expect(addToCart(product(1, { stock: 3 }), 1)).toEqual({ ok: false, message: '每种商品最多购买 3 件，购物车里已有 3 件' })
    expect(addToCart(product(2), 500)).toEqual({ ok: true, qty: MEMBER_MAX_QTY, capped: true })
    expect(addToCart(product(3, { stock: 0 }), 1)).toEqual({ ok: false, message: '该商品已售罄' })
    expect(addToCart(product(4), 0)).toEqual({ ok: false, message: '数量至少为1' })
    expect(setQty('p-2', 1000).find((l) => l.productId === 'p-2')?.qty).toBe(MEMBER_MAX_QTY)
    expect(setQty('p-2', 0).find((l) => l.productId === 'p-2')?.qty).toBe(1)
  })

  test('at most MAX_LINES products', () => {
    for (let i = 0; i < MAX_LINES; i++) expect(addToCart(product(i), 1).ok).toBe(true)
    expect(addToCart(product(999), 1)).toEqual({ ok: false, message: `购物车最多放 ${MAX_LINES} 种商品，请先结算` })
    expect(addToCart(product(0), 1)).toMatchObject({ ok: true, qty: 2 }) // an existing line still grows
  })

  test('a tampered or duplicated stored cart is cleaned up on read; the stored lines hold no personal data', () => {
    const dup = { ...product(1), qty: 2 }
    Taro.setStorageSync(CART_KEY, JSON.stringify([dup, { ...dup, qty: 4 }, { junk: true }, { ...product(2), qty: -1 }]))
    expect(loadCart().map((l) => [l.productId, l.qty])).toEqual([['p-1', 6]])
    Taro.setStorageSync(CART_KEY, '{not json')
    expect(loadCart()).toEqual([])
    addToCart(product(1), 1)
    expect(Object.keys(JSON.parse(Taro.getStorageSync(CART_KEY))[0]).sort()).toEqual(['image', 'memberPriceFen', 'name', 'priceFen', 'productId', 'qty', 'sellerId', 'stock', 'unit'])
  })

  test('merging keeps the first position; removing; grouping by seller', () => {
    const a = { ...product(1), qty: 1 }
    const b = { ...product(2, { sellerId: 'seller-b' }), qty: 1 }
    expect(mergeLines([a, b, { ...a, qty: 2 }]).map((l) => [l.productId, l.qty])).toEqual([
      ['p-1', 3],
      ['p-2', 1],
    ])
    addToCart(product(1), 1)
    addToCart(product(2, { sellerId: 'seller-b' }), 1)
    addToCart(product(3), 1)
    expect(bySeller(loadCart()).map((g) => g.map((l) => l.productId))).toEqual([['p-1', 'p-3'], ['p-2']])
    expect(removeLines(['p-1', 'p-3']).map((l) => l.productId)).toEqual(['p-2'])
  })

  test('buy-now is kept apart from the cart', () => {
    addToCart(product(1), 2)
    setBuyNow({ ...product(1), qty: 1 })
    expect(getBuyNow().map((l) => l.qty)).toEqual([1])
    expect(loadCart()[0].qty).toBe(2)
    setBuyNow(null)
    expect(getBuyNow()).toEqual([])
  })
})

describe('cart page', () => {
  test('shows lines and total; + and − change the stored quantity', async () => {
    gateway(() => ok({ openid: 'm', roles: ['member'], staffUnionId: null }))
    addToCart(product(1, { stock: 2 }), 1)
    addToCart(product(2, { memberPriceFen: 1000 }), 1)
    const { container } = render(<CartPage />)
    await waitFor(() => expect(container.querySelectorAll('.cart-line')).toHaveLength(2))
    expect(container.querySelector('.cart-total')?.textContent).toBe('¥45.90')
    fireEvent.click(container.querySelectorAll('.stepper-plus')[0])
    fireEvent.click(container.querySelectorAll('.stepper-plus')[0]) // stock is 2: stays 2
    await waitFor(() => expect(container.querySelector('.line-qty')?.textContent).toBe('2'))
    expect(loadCart()[0].qty).toBe(2)
    expect(container.querySelector('.cart-total')?.textContent).toBe('¥81.80')
    expect(container.querySelector('.checkout')).toBeTruthy()
  })

  test('products of two sellers are checked out group by group', async () => {
    gateway(() => ok({ openid: 'm', roles: ['member'], staffUnionId: null }))
    addToCart(product(1), 1)
    addToCart(product(2, { sellerId: 'seller-b' }), 1)
    const nav = jest.spyOn(Taro, 'navigateTo')
    const { container } = render(<CartPage />)
    await waitFor(() => expect(container.querySelectorAll('.checkout-group')).toHaveLength(2))
    expect(container.querySelector('.checkout')).toBeNull()
    fireEvent.click(container.querySelectorAll('.checkout-group')[1])
    expect(nav).toHaveBeenCalledWith({ url: '/packages/shop/confirm/index?seller=seller-b' })
  })
})

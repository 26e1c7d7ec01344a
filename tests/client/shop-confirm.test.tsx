// Confirming an order: inline address checks, one request id per visit (retries and double taps make one
// order), the cart emptied of what was bought, the address remembered only when asked.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouter } from './stubs/taro'
import ConfirmPage from '../../client/packages/shop/confirm/index'
import { addToCart, getBuyNow, loadCart, setBuyNow, type CartLine } from '../../client/packages/shop/cart'
import { ADDRESS_KEY } from '../../client/packages/shop/shared'
import { addressProblem, newRequestId, taxNoProblem } from '../../client/packages/shop/validate'
import { fail, freshSession, gateway, offline, ok, type Call } from './helpers'

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
const ME = { openid: 'm', roles: ['member'], staffUnionId: null }
const ORDER = { orderId: 'o-1', status: 'PENDING_PAYMENT', payableFen: 7180, subsidyFen: 0 }

function input(container: HTMLElement, field: string): HTMLInputElement {
  return container.querySelector(`.addr-${field}`) as HTMLInputElement
}
function fillAddress(container: HTMLElement, v: Partial<Record<'name' | 'phone' | 'region' | 'detail', string>> = {}) {
  const all = { name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号301', ...v }
  for (const [k, val] of Object.entries(all)) fireEvent.change(input(container, k), { target: { value: val } })
}

beforeEach(() => {
  freshSession()
  __setRouter({})
  addToCart(product(1), 2)
  addToCart(product(2), 1)
})
afterEach(cleanup)

describe('address checks (zod-free, as types/shop addressSchema)', () => {
  test('messages for each field', () => {
    expect(addressProblem('name', ' ')).toBe('请填写收货人姓名')
    expect(addressProblem('name', '李')).toBe('姓名至少2个字')
    expect(addressProblem('name', '李1')).toBe('姓名只能包含汉字、字母或间隔号')
    expect(addressProblem('name', '阿依古丽·买买提')).toBeNull()
    expect(addressProblem('phone', '1381111222')).toBe('请填写11位手机号')
    expect(addressProblem('phone', '+86 138-1111-2222')).toBeNull()
    expect(addressProblem('region', '京')).toMatch(/^请填写所在地区/)
    expect(addressProblem('detail', '1号')).toMatch(/^请填写详细地址/)
    expect(addressProblem('detail', 'x'.repeat(121))).toBe('详细地址不能超过120个字')
    expect(taxNoProblem('81110105MC1234567X')).toBeNull()
    expect(taxNoProblem('9111010')).toMatch(/格式不正确/)
    expect(taxNoProblem('91110105ma01abcd2x')).toMatch(/格式不正确/)
    expect(taxNoProblem('')).toBe('请填写纳税人识别号')
  })

  test('request ids fit the contract and differ', () => {
    const a = newRequestId()
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(newRequestId()).not.toBe(a)
  })
})

describe('confirm page', () => {
  test('blur shows a field message; submitting an incomplete form sends nothing', async () => {
    const calls = gateway(({ action }) => (action === 'me' ? ok(ME) : ok(ORDER)))
    const { container } = render(<ConfirmPage />)
    expect(container.querySelectorAll('.confirm-line')).toHaveLength(2)
    expect(container.querySelector('.confirm-total')?.textContent).toBe('¥107.70')
    fireEvent.blur(input(container, 'name'))
    await waitFor(() => expect(container.querySelector('.error-name')?.textContent).toBe('请填写收货人姓名'))
    fireEvent.change(input(container, 'phone'), { target: { value: '1381111' } })
    fireEvent.blur(input(container, 'phone'))
    await waitFor(() => expect(container.querySelector('.error-phone')?.textContent).toBe('请填写11位手机号'))
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(container.querySelector('.confirm-error')?.textContent).toBe('请先把收货信息填写完整'))
    expect(container.querySelector('.error-detail')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'createOrder')).toHaveLength(0)
  })

  test('a retry after a network failure reuses the request id; success empties the cart and opens payment', async () => {
    let attempt = 0
    const calls = gateway(({ action }) => {
      if (action === 'me') return ok(ME)
      if (action === 'createOrder' && ++attempt === 1) return offline()
      return ok(ORDER)
    })
    addToCart(product(9, { sellerId: 'seller-b' }), 1) // another seller's product stays in the cart
    const redirect = jest.spyOn(Taro, 'redirectTo')
    const { container } = render(<ConfirmPage />)
    fillAddress(container)
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(container.querySelector('.confirm-error')?.textContent).toContain('不会重复下单'))
    expect(container.querySelector('.submit-order')?.textContent).toBe('重新提交')
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/shop/pay/index?orderId=o-1' }))
    const orders = calls.filter((c) => c.action === 'createOrder')
    expect(orders).toHaveLength(2)
    expect(orders[1].data.requestId).toBe(orders[0].data.requestId)
    expect(orders[0].data).toEqual({
      requestId: orders[0].data.requestId,
      items: [
        { productId: 'p-1', qty: 2 },
        { productId: 'p-2', qty: 1 },
      ],
      delivery: { type: 'address', name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号301' },
    })
    expect(loadCart().map((l) => l.productId)).toEqual(['p-9'])
    // Not ticked: the address is not kept on the phone.
    expect(Taro.getStorageSync(ADDRESS_KEY)).toBe('')

    // A new visit of the page is a new order attempt.
    cleanup()
    addToCart(product(1), 1)
    const again = render(<ConfirmPage />)
    fillAddress(again.container)
    fireEvent.click(again.container.querySelector('.submit-order')!)
    await waitFor(() => expect(calls.filter((c) => c.action === 'createOrder')).toHaveLength(3))
    expect(calls.filter((c) => c.action === 'createOrder')[2].data.requestId).not.toBe(orders[0].data.requestId)
  })

  test('a double tap sends one request', async () => {
    let release: (v: unknown) => void = () => undefined
    const calls: Call[] = gateway(({ action }) => (action === 'me' ? ok(ME) : new Promise((r) => (release = () => r(ok(ORDER))))))
    const { container } = render(<ConfirmPage />)
    fillAddress(container)
    const button = container.querySelector('.submit-order')!
    fireEvent.click(button)
    fireEvent.click(button)
    await waitFor(() => expect(calls.filter((c) => c.action === 'createOrder')).toHaveLength(1))
    fireEvent.click(button)
    await act(async () => release(null))
    expect(calls.filter((c) => c.action === 'createOrder')).toHaveLength(1)
  })

  test('out of stock is explained and nothing leaves the cart; the address is remembered only when ticked', async () => {
    let stock = true
    gateway(({ action }) => {
      if (action === 'me') return ok(ME)
      if (stock) return fail('OUT_OF_STOCK', '“商品1”库存不足，仅剩 1 件')
      return ok(ORDER)
    })
    const { container } = render(<ConfirmPage />)
    fillAddress(container)
    fireEvent.click(container.querySelector('.remember-row')!)
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(container.querySelector('.confirm-error')?.textContent).toBe('“商品1”库存不足，仅剩 1 件。请返回购物车调整数量后再结算。'))
    expect(loadCart()).toHaveLength(2)
    expect(Taro.getStorageSync(ADDRESS_KEY)).toBe('')
    stock = false
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(Taro.getStorageSync(ADDRESS_KEY)).not.toBe(''))
    expect(JSON.parse(Taro.getStorageSync(ADDRESS_KEY))).toEqual({ name: '李建国', phone: '13811112222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号301' })

    // Next time it is filled in and ticked; unticking and buying forgets it.
    cleanup()
    addToCart(product(1), 1)
    const again = render(<ConfirmPage />)
    expect(input(again.container, 'name').value).toBe('李建国')
    fireEvent.click(again.container.querySelector('.remember-row')!)
    fireEvent.click(again.container.querySelector('.submit-order')!)
    await waitFor(() => expect(Taro.getStorageSync(ADDRESS_KEY)).toBe(''))
  })

  test('buy now orders only that line and leaves the cart alone', async () => {
    const calls = gateway(({ action }) => (action === 'me' ? ok(ME) : ok(ORDER)))
    setBuyNow({ ...product(5), qty: 3 })
    __setRouter({ buyNow: '1' })
    const { container } = render(<ConfirmPage />)
    expect(container.querySelectorAll('.confirm-line')).toHaveLength(1)
    fillAddress(container)
    fireEvent.click(container.querySelector('.submit-order')!)
    await waitFor(() => expect(calls.filter((c) => c.action === 'createOrder')).toHaveLength(1))
    expect(calls.find((c) => c.action === 'createOrder')!.data.items).toEqual([{ productId: 'p-5', qty: 3 }])
    await waitFor(() => expect(getBuyNow()).toEqual([]))
    expect(loadCart()).toHaveLength(2)
  })
})

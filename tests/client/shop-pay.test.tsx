// Paying: prepay, then the simulator's "member paid" step after a 模拟支付 confirmation (H5 and weapp
// alike), or the WeChat cashier on weapp, then waiting for the order to leave PENDING_PAYMENT; a WeChat
// provider on H5 is explained; waiting gives up after the timeout.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouter } from './stubs/taro'
import PayPage from '../../client/packages/shop/pay/index'
import { countdown, waitPaid } from '../../client/packages/shop/shared'
import { freshSession, ok } from './helpers'

const ME = { openid: 'm', roles: ['member'], staffUnionId: null }
const order = (status: string) => ({
  orderId: 'o-1',
  orderNo: 'WU202611240000000001',
  kind: 'member',
  status,
  payableFen: 7180,
  itemCount: 1,
  firstItemName: '赤峰小米 5斤装',
  createdAt: new Date().toISOString(),
  payDeadline: status === 'PENDING_PAYMENT' ? new Date(Date.now() + 29 * 60_000).toISOString() : null,
  items: [],
  totalFen: 7980,
  subsidyFen: 0,
  delivery: { type: 'address', name: '李建国', phone: '13811112222', region: '北京市朝阳区', detail: '建国门外大街1号' },
  invoice: null,
  trackingNo: null,
  paidAt: null,
  refund: null,
  timeline: [],
})
const PAY = { orderId: 'o-1', provider: 'simulated', outTradeNo: 'WU202611240000000001', payableFen: 7180, params: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' } }

/** A scripted gateway; shop.simulatePay marks the order paid. */
function server(opts: { provider?: string; paidAfter?: number; paid?: boolean }) {
  const seen: string[] = []
  let paid = !!opts.paid
  let reads = 0
  jest.spyOn(Taro, 'request').mockImplementation((async (o: any) => {
    const action = o.data.action
    if (action === 'simulatePay') {
      seen.push(`simulate:${o.data.data.orderId}`)
      paid = true
      return { statusCode: 200, data: ok({ orderId: o.data.data.orderId, status: 'PAID' }) }
    }
    seen.push(action)
    if (action === 'me') return { statusCode: 200, data: ok(ME) }
    if (action === 'pay') return { statusCode: 200, data: ok({ ...PAY, provider: opts.provider ?? 'simulated' }) }
    if (action === 'order') {
      reads++
      const done = paid && reads > (opts.paidAfter ?? 0)
      return { statusCode: 200, data: ok(order(done ? 'PAID' : 'PENDING_PAYMENT')) }
    }
    return { statusCode: 404, data: { ok: false, error: { code: 'UNKNOWN_ACTION', message: '?' } } }
  }) as any)
  return seen
}

beforeEach(() => {
  freshSession()
  __setRouter({ orderId: 'o-1' })
  process.env.TARO_ENV = 'h5'
})
afterEach(() => {
  cleanup()
  delete process.env.TARO_ENV
})

describe('pay page (H5)', () => {
  test('pays through the simulator and shows 支付成功', async () => {
    const seen = server({})
    const { container } = render(<PayPage />)
    await waitFor(() => expect(container.querySelector('.pay-amount-value')?.textContent).toBe('¥71.80'))
    expect(container.querySelector('.pay-countdown')?.textContent).toMatch(/请在 (29|28):\d\d 内完成支付/)
    fireEvent.click(container.querySelector('.pay-now')!)
    await waitFor(() => expect(container.querySelector('.pay-done')?.textContent).toBe('支付成功'))
    expect(seen).toEqual(expect.arrayContaining(['pay', 'simulate:o-1']))
    expect(seen.indexOf('simulate:o-1')).toBeGreaterThan(seen.indexOf('pay'))
  })

  test('asks 模拟支付 first, and leaves the order unpaid when the member declines', async () => {
    const seen = server({})
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true } as any)
    const { container } = render(<PayPage />)
    await waitFor(() => expect(container.querySelector('.pay-now')).toBeTruthy())
    fireEvent.click(container.querySelector('.pay-now')!)
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '模拟支付', confirmText: '模拟支付', content: expect.stringContaining('¥71.80') })))
    await waitFor(() => expect(container.querySelector('.pay-now')?.textContent).toBe('立即支付'))
    expect(seen.some((x) => x.startsWith('simulate'))).toBe(false)
    expect(container.querySelector('.pay-done')).toBeNull()
  })

  test('a WeChat provider on H5 asks to pay in the mini-program', async () => {
    const seen = server({ provider: 'wechat' })
    const { container } = render(<PayPage />)
    await waitFor(() => expect(container.querySelector('.pay-now')).toBeTruthy())
    fireEvent.click(container.querySelector('.pay-now')!)
    await waitFor(() => expect(container.querySelector('.pay-message')?.textContent).toBe('请在微信小程序中完成支付'))
    expect(seen.some((x) => x.startsWith('simulate'))).toBe(false)
  })
})

describe('pay page (weapp)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  test('offers the same 模拟支付 step when the server runs the simulated provider', async () => {
    const seen = server({})
    const cashier = jest.spyOn(Taro as any, 'requestPayment')
    const { container } = render(<PayPage />)
    await waitFor(() => expect(container.querySelector('.pay-now')).toBeTruthy())
    fireEvent.click(container.querySelector('.pay-now')!)
    await waitFor(() => expect(container.querySelector('.pay-done')?.textContent).toBe('支付成功'))
    expect(seen).toContain('simulate:o-1')
    expect(cashier).not.toHaveBeenCalled()
  })

  test('opens the WeChat cashier with the server\'s parameters when the provider is WeChat Pay', async () => {
    const seen = server({ provider: 'wechat', paid: true, paidAfter: 1 })
    const cashier = jest.spyOn(Taro as any, 'requestPayment').mockResolvedValue({ errMsg: 'requestPayment:ok' })
    const { container } = render(<PayPage />)
    await waitFor(() => expect(container.querySelector('.pay-now')).toBeTruthy())
    fireEvent.click(container.querySelector('.pay-now')!)
    await waitFor(() => expect(container.querySelector('.pay-done')?.textContent).toBe('支付成功'))
    expect(cashier).toHaveBeenCalledWith(PAY.params)
    expect(seen.some((x) => x.startsWith('simulate'))).toBe(false)
  })
})

describe('waiting for the payment', () => {
  test('stops after the timeout, and succeeds once the order is paid', async () => {
    server({ paidAfter: 1000 })
    expect(await waitPaid('o-1', 60, 10)).toEqual({ kind: 'timeout' })
    jest.restoreAllMocks()
    // Paid on the third read: the waiting keeps asking until then.
    const seen = server({ paid: true, paidAfter: 2 })
    expect(await waitPaid('o-1', 2000, 10)).toEqual({ kind: 'paid', status: 'PAID' })
    expect(seen.filter((x) => x === 'order')).toHaveLength(3)
  })

  test('countdown text', () => {
    const now = Date.parse('2026-11-24T08:00:00Z')
    expect(countdown('2026-11-24T08:29:05Z', now)).toBe('29:05')
    expect(countdown('2026-11-24T07:59:59Z', now)).toBeNull()
    expect(countdown(null, now)).toBeNull()
  })
})

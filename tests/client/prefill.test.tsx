// Forms start from what the app knows, for the member to check and submit: the checkout address from the last
// order (or the card's name), the hardship contact phone from the address this phone remembered; nothing is
// ever sent without the member pressing submit.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { __setRouter } from './stubs/taro'
import ConfirmPage from '../../client/packages/shop/confirm/index'
import SubsidyApply from '../../client/packages/subsidy/apply/index'
import { addToCart } from '../../client/packages/shop/cart'
import { rememberAddress } from '../../client/packages/shop/shared'
import { logout } from '../../client/services/session'
import { fail, freshSession, gateway, ok, type Call } from './helpers'

const ME = { openid: 'm', roles: ['member'], staffUnionId: null }
const CARD = { name: '李建国', phoneMasked: '138****2222', unionName: '北京国贸物业管理有限公司工会', status: 'active' }
const ORDERS = { items: [{ orderId: 'o-bulk', kind: 'bulk' }, { orderId: 'o-9', kind: 'member' }], nextCursor: null }
const ORDER = { orderId: 'o-9', delivery: { type: 'address', name: '李建国', phone: '138****2222', region: '北京市朝阳区建外街道', detail: '建国门外大街1号国贸物业301' } }

function script(over: { orders?: unknown; order?: unknown; card?: unknown } = {}) {
  return gateway(({ fn, action }) => {
    if (fn === 'auth') return ok(ME)
    if (fn === 'member' && action === 'myCard') return over.card === null ? fail('NOT_FOUND', '您还没有会员卡') : ok(over.card ?? CARD)
    if (fn === 'shop' && action === 'myOrders') return ok(over.orders ?? ORDERS)
    if (fn === 'shop' && action === 'order') return ok(over.order ?? ORDER)
    if (fn === 'subsidy' && action === 'myApplications') return ok({ items: [], file: null })
    return fail('UNKNOWN_ACTION', `${fn}.${action}`)
  })
}
const value = (container: HTMLElement, cls: string) => (container.querySelector(cls) as HTMLInputElement).value
const sent = (calls: Call[]) => calls.filter((c) => c.action === 'createOrder' || c.action === 'apply')

beforeEach(() => {
  logout()
  freshSession()
  __setRouter({})
  addToCart({ productId: 'p-1', name: '张北莜面', unit: '袋', memberPriceFen: 3590, priceFen: 3990, image: null, sellerId: 's-1', stock: 10 }, 1)
})
afterEach(cleanup)

describe('checkout address', () => {
  test("should fill name, region and detail from the last order and hint the phone when nothing is remembered", async () => {
    const calls = script()
    const { container } = render(<ConfirmPage />)
    await waitFor(() => expect(value(container, '.addr-detail')).toBe('建国门外大街1号国贸物业301'))
    expect(value(container, '.addr-name')).toBe('李建国')
    expect(value(container, '.addr-region')).toBe('北京市朝阳区建外街道')
    expect(value(container, '.addr-phone')).toBe('') // masked by the server: never guessed
    expect((container.querySelector('.addr-phone') as HTMLInputElement).placeholder).toBe('上次使用 138****2222，请填写完整号码')
    expect(screen.getByText('已按您上次订单的收货地址填写，请核对；手机号请补全')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'order').map((c) => c.data)).toEqual([{ orderId: 'o-9' }]) // bulk orders are not the member's address
    expect(sent(calls)).toEqual([])
  })

  test("should fill the card's name when there is no earlier order", async () => {
    script({ orders: { items: [], nextCursor: null } })
    const { container } = render(<ConfirmPage />)
    await waitFor(() => expect(value(container, '.addr-name')).toBe('李建国'))
    expect(value(container, '.addr-detail')).toBe('')
    expect(screen.getByText('已填入会员卡上的姓名，请补全收货信息')).toBeTruthy()
  })

  test('should keep what the member typed when the prefill arrives later', async () => {
    let release: () => void = () => undefined
    const waiting = new Promise<void>((r) => (release = r))
    gateway(async ({ fn, action }) => {
      if (fn === 'auth') return ok(ME)
      if (action === 'myOrders') {
        await waiting
        return ok(ORDERS)
      }
      if (action === 'order') return ok(ORDER)
      if (action === 'myCard') return ok(CARD)
      return ok({ items: [], file: null })
    })
    const { container } = render(<ConfirmPage />)
    fireEvent.change(container.querySelector('.addr-detail')!, { target: { value: '光华路5号院' } })
    release()
    await waitFor(() => expect(value(container, '.addr-region')).toBe('北京市朝阳区建外街道'))
    expect(value(container, '.addr-detail')).toBe('光华路5号院')
  })

  test('should use the remembered address and ask nothing more when this phone remembered one', async () => {
    rememberAddress({ name: '王海涛', phone: '13912345678', region: '北京市朝阳区', detail: '光华路9号' })
    const calls = script()
    const { container } = render(<ConfirmPage />)
    expect(value(container, '.addr-phone')).toBe('13912345678')
    expect(screen.getByText('已填入本机记住的收货地址，请核对后提交')).toBeTruthy()
    await waitFor(() => expect(calls.map((c) => c.action)).toContain('me'))
    expect(calls.map((c) => c.action)).not.toContain('myOrders')
  })
})

describe('hardship application phone', () => {
  test('should fill the phone this phone remembered and say so when the application opens', async () => {
    rememberAddress({ name: '李建国', phone: '13811112222', region: '北京市朝阳区', detail: '建国门外大街1号' })
    const calls = script()
    const { container } = render(<SubsidyApply />)
    await waitFor(() => expect(value(container, '.apply-phone')).toBe('13811112222'))
    expect(screen.getByText('已填入本机记住的手机号，请核对')).toBeTruthy()
    expect(sent(calls)).toEqual([])
  })

  test("should hint the card's masked phone and leave the field empty when nothing is remembered", async () => {
    script()
    const { container } = render(<SubsidyApply />)
    await waitFor(() => expect((container.querySelector('.apply-phone') as HTMLInputElement).placeholder).toBe('会员卡登记的是 138****2222，请填写完整号码'))
    expect(value(container, '.apply-phone')).toBe('')
  })
})

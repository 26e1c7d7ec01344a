// The shop's pure rules: the order state machine, order numbers, refund windows, what a member order may hold.
import { loadPolicies } from '../../config/policies'
import shopJson from '../../config/policies/shop.json'
import { canMove, memberOrderRefusal, newOrderNo, placementRefusal, refundAllowed, refundNoFor } from '../../cloud/domain/shop/rules'

const policy = { ...loadPolicies().shop, memberMaxQtyPerLine: 99, maxUnpaidOrdersPerMember: 10, maxHeldUnitsPerMember: 100 }

describe('order state machine', () => {
  it('should allow payment or cancellation of an unpaid order, and refunds only of money received', () => {
    expect(canMove('PENDING_PAYMENT', 'PAID')).toBe(true)
    expect(canMove('PENDING_PAYMENT', 'CANCELLED')).toBe(true)
    expect(canMove('PENDING_PAYMENT', 'REFUNDING')).toBe(false)
    expect(canMove('CANCELLED', 'REFUNDING')).toBe(true)
    expect(canMove('CANCELLED', 'PAID')).toBe(false)
    expect(canMove('REFUNDED', 'REFUNDING')).toBe(false)
  })

  it('should allow a refund within the window after completion, and never for an unpaid or cancelled order', () => {
    const done = new Date('2026-05-01T00:00:00Z')
    expect(refundAllowed('PAID', null, done, 7)).toBe(true)
    expect(refundAllowed('COMPLETED', done, new Date('2026-05-08T00:00:00Z'), 7)).toBe(true)
    expect(refundAllowed('COMPLETED', done, new Date('2026-05-08T00:00:01Z'), 7)).toBe(false)
    expect(refundAllowed('PENDING_PAYMENT', null, done, 7)).toBe(false)
    expect(refundAllowed('CANCELLED', null, done, 7)).toBe(false)
  })
})

describe('order numbers', () => {
  it('should carry the Shanghai date, which turns at 16:00 UTC', () => {
    expect(newOrderNo(new Date('2026-12-31T15:59:59Z'))).toMatch(/^WU20261231\d{10}$/)
    expect(newOrderNo(new Date('2026-12-31T16:00:00Z'))).toMatch(/^WU20270101\d{10}$/)
    expect(refundNoFor('WU202612310123456789')).toBe('RFWU202612310123456789')
  })
})

describe('stock holds', () => {
  it('should refuse a line above the per-line cap, and an order holding more units than any member may', () => {
    expect(memberOrderRefusal(policy, [{ qty: 99 }])).toBeNull()
    expect(memberOrderRefusal(policy, [{ qty: 100 }])).toMatchObject({ code: 'VALIDATION_FAILED', fields: { items: '每种商品最多 99 件' } })
    expect(memberOrderRefusal(policy, [{ qty: 60 }, { qty: 41 }])).toEqual({ code: 'VALIDATION_FAILED', message: '一笔订单最多 100 件商品，请减少数量后再下单', fields: { items: '合计最多 100 件' } })
  })

  it('should name the cap reached: unpaid orders, else units held', () => {
    expect(placementRefusal('held', { hold: { orders: 10, units: 12 } }, policy)).toEqual({ code: 'QUOTA_FULL', message: '您已有 10 笔待支付订单，请先支付或取消后再下单' })
    expect(placementRefusal('held', { hold: { orders: 2, units: 99 } }, policy)).toEqual({
      code: 'QUOTA_FULL',
      message: '待支付订单最多为您保留 100 件商品（已保留 99 件），请先支付或取消部分订单后再下单',
    })
  })

  it('should answer every other outcome with its code, and nothing for an order placed now or before', () => {
    expect(placementRefusal('placed', {}, policy)).toBeNull()
    expect(placementRefusal('seen', {}, policy)).toBeNull()
    expect(placementRefusal('out_of_stock', { short: { name: '赤峰小米 5斤装', stock: 2 } }, policy)).toEqual({ code: 'OUT_OF_STOCK', message: '“赤峰小米 5斤装”库存不足，仅剩 2 件' })
    expect(placementRefusal('not_found', {}, policy)?.code).toBe('NOT_FOUND')
    expect(placementRefusal('mixed_seller', {}, policy)?.code).toBe('VALIDATION_FAILED')
    expect(placementRefusal('station', {}, policy)?.fields).toEqual({ 'delivery.stationId': '请重新选择自提站点' })
  })

  it('should refuse at start-up a held-units cap below one full line', () => {
    expect(() => loadPolicies({ shop: { ...shopJson, maxHeldUnitsPerMember: 50 } })).toThrow(/maxHeldUnitsPerMember/)
    expect(() => loadPolicies({ shop: { ...shopJson, maxUnpaidOrdersPerMember: 0 } })).toThrow(/maxUnpaidOrdersPerMember/)
  })
})

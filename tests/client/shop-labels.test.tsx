// The shop pages' tabs and limits must say what the contract, the state machine and the policy say.
import { LEDGER_DIMENSIONS, ORDER_STATUSES } from '../../types/shop'
import shopPolicy from '../../config/policies/shop.json'
import { TRANSITIONS } from '../../cloud/domain/shop/rules'
import { LEDGER_TABS, MEMBER_MAX_QTY, ORDER_TABS, REFUNDABLE } from '../../client/packages/shop/labels'
import { lineInRow, shanghaiMonth } from '../../client/packages/shop/staff'
import { unionsInScope } from '../../client/services/unions'

describe('shop labels', () => {
  test('the member limit matches the shop policy', () => {
    expect(MEMBER_MAX_QTY).toBe(shopPolicy.memberMaxQtyPerLine)
  })

  test('refund is offered exactly where the state machine allows it (cancelled orders excepted)', () => {
    const allowed = ORDER_STATUSES.filter((s) => s !== 'CANCELLED' && TRANSITIONS[s].includes('REFUNDING'))
    expect([...REFUNDABLE].sort()).toEqual([...allowed].sort())
  })

  test('order tabs cover every status but cancelled; ledger tabs cover every dimension', () => {
    const covered = ORDER_TABS.flatMap((t) => t.statuses ?? [])
    expect([...covered, 'CANCELLED'].sort()).toEqual([...ORDER_STATUSES].sort())
    expect(LEDGER_TABS.map((t) => t.by)).toEqual([...LEDGER_DIMENSIONS])
  })
})

describe('staff helpers', () => {
  const u = (id: string, parentId: string | null) => ({ id, name: id, code: id, level: 'grassroots' as const, parentId, parentName: null, acceptsMembers: true })
  test('unions in scope: the staff union and everything below it', () => {
    const all = [u('city', null), u('district', 'city'), u('street', 'district'), u('company', 'street'), u('other', 'district')]
    const me = { openid: 's', roles: ['staff' as const], staffUnionId: 'street' }
    expect(unionsInScope(all, me).map((x) => x.id)).toEqual(['street', 'company'])
    expect(unionsInScope(all, { ...me, roles: ['admin'], staffUnionId: null })).toHaveLength(5)
  })

  test('ledger trace lines match their row in every dimension', () => {
    const line = { province: '河北省', county: '保定市阜平县', category: 'gift_pack', supplier: '阜平县红枣专业合作社', supplierLicense: 'JY1', paidAt: '2026-01-31T17:30:00Z', buyerUnion: '国贸物业工会' }
    expect(lineInRow('county', { key: '河北省/保定市阜平县', label: '河北省 保定市阜平县' }, line)).toBe(true)
    expect(lineInRow('category', { key: 'gift_pack', label: '慰问礼包' }, line)).toBe(true)
    expect(lineInRow('supplier', { key: '阜平县红枣专业合作社/JY1', label: 'x' }, line)).toBe(true)
    expect(shanghaiMonth(line.paidAt)).toBe('2026-02') // 01:30 on 1 February in Beijing
    expect(lineInRow('month', { key: '2026-02', label: '2026-02' }, line)).toBe(true)
    expect(lineInRow('month', { key: '2026-01', label: '2026-01' }, line)).toBe(false)
    expect(lineInRow('union', { key: 'uuid', label: '国贸物业工会' }, line)).toBe(true)
  })
})

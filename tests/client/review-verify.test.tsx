// Staff pages in jsdom: the review queue and card verification.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Review from '../../client/packages/admin/review/index'
import VerifyCard from '../../client/packages/admin/verify/index'
import type { PendingItem } from '../../types/member'
import { fail, freshSession, gateway, ok } from './helpers'

const STAFF = { openid: 'demo-staff', roles: ['staff'], staffUnionId: 'u-0' }
const item = (over: Partial<PendingItem> = {}): PendingItem => ({
  memberId: 'm-1',
  kind: 'registration',
  name: '赵强',
  idNumberMasked: '370102********1113',
  phoneMasked: '136****7777',
  occupation: 'security_guard',
  employer: '北京安泰保安服务有限公司',
  unionId: 'u-1',
  unionName: '北京安泰保安服务有限公司工会',
  fromUnionName: null,
  submittedAt: '2026-11-24T06:15:00.000Z',
  ...over,
})

beforeEach(() => freshSession())
afterEach(cleanup)

describe('review page', () => {
  test('lists applications; rejecting needs a reason; the list refreshes after a decision', async () => {
    let queue = [item(), item({ memberId: 'm-2', kind: 'transfer', name: '刘洋', fromUnionName: '顺丰速运朝阳营业区工会' })]
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'pending') return ok({ items: queue, total: queue.length })
      if (action === 'review') {
        queue = queue.filter((i) => i.memberId !== data.memberId)
        return ok({ memberId: data.memberId, status: data.approve ? 'active' : 'rejected', cardNo: data.approve ? '110105001001-000009' : null })
      }
      return fail('UNKNOWN_ACTION', '?')
    })
    const { container } = render(<Review />)
    await screen.findByText('赵强')
    expect(container.querySelectorAll('.review-item')).toHaveLength(2)
    expect(screen.getByText('新入会')).toBeTruthy()
    expect(screen.getByText('转入')).toBeTruthy()
    expect(screen.getByText('原工会：顺丰速运朝阳营业区工会')).toBeTruthy()

    const first = container.querySelectorAll('.review-item')[0]
    fireEvent.click(first.querySelector('.reject-button')!)
    await act(async () => void fireEvent.click(first.querySelector('.reject-confirm')!))
    expect(screen.getByText('请填写不通过的原因，申请人会看到这条说明')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'review')).toHaveLength(0)

    fireEvent.change(first.querySelector('.reason')!, { target: { value: '不是本单位职工' } })
    await act(async () => void fireEvent.click(first.querySelector('.reject-confirm')!))
    await waitFor(() => expect(container.querySelectorAll('.review-item')).toHaveLength(1))
    expect(calls.find((c) => c.action === 'review')!.data).toEqual({ memberId: 'm-1', approve: false, reason: '不是本单位职工' })

    await act(async () => void fireEvent.click(container.querySelector('.approve-button')!))
    await screen.findByText('暂无待审核申请')
  })

  test('an application claiming a number someone holds is flagged and can only be refused', async () => {
    gateway(({ fn, action }) => (fn === 'auth' ? ok(STAFF) : action === 'pending' ? ok({ items: [item({ claimsHeldId: true }), item({ memberId: 'm-2', name: '王芳' })], total: 2 }) : fail('UNKNOWN_ACTION', '?')))
    const { container } = render(<Review />)
    await screen.findByText('赵强')
    const [claim, plain] = Array.from(container.querySelectorAll('.review-item'))
    expect(claim.querySelector('.claim-warning')?.textContent).toContain('该身份证号已有会员卡')
    expect(claim.querySelector('.approve-button')).toBeNull()
    expect(claim.querySelector('.reject-button')).not.toBeNull()
    expect(plain.querySelector('.claim-warning')).toBeNull()
    expect(plain.querySelector('.approve-button')).not.toBeNull()
  })

  test('a member who opens it is told it is for union staff only', async () => {
    gateway(({ fn }) => (fn === 'auth' ? ok({ ...STAFF, roles: ['member'] }) : fail('FORBIDDEN', '没有权限')))
    render(<Review />)
    await screen.findByText('仅限工会工作人员使用')
  })
})

describe('verify page', () => {
  test('a valid card shows 有效 in green; an expired code shows why in red', async () => {
    gateway(({ data }) =>
      data.qr === 'good'
        ? ok({ valid: true, cardNo: '110105001001-000001', name: '李建国', unionName: '北京国贸物业管理有限公司工会', status: 'active', occupation: 'property_service', issuedAt: '2026-03-08T02:00:00Z' })
        : fail('QR_EXPIRED', '二维码已过期，请会员刷新后重新出示'),
    )
    const { container } = render(<VerifyCard />)
    fireEvent.change(container.querySelector('.verify-input')!, { target: { value: 'good' } })
    await act(async () => void fireEvent.click(container.querySelector('.verify-submit')!))
    await screen.findByText('✓ 有效')
    expect(container.querySelector('.result-ok')?.textContent).toContain('李建国')

    fireEvent.change(container.querySelector('.verify-input')!, { target: { value: 'old' } })
    await act(async () => void fireEvent.click(container.querySelector('.verify-submit')!))
    await screen.findByText('✗ 二维码已过期')
    expect(container.querySelector('.result-bad')?.textContent).toContain('请会员刷新后重新出示')
  })
})

// The public-notice page: masked names only, one objection per application, at least ten characters.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import SubsidyNotices from '../../client/packages/subsidy/notices/index'
import { fail, freshSession, gateway, ok } from './helpers'

const MEMBER = { openid: 'demo-m-care', roles: ['member'], staffUnionId: null }
const notice = (over: Record<string, unknown> = {}) => ({ applicationId: 'sa-1', name: '李*国', unionName: '北京国贸物业管理有限公司工会', category: 'deep', noticeEndsAt: '2026-12-01T02:00:00Z', mine: false, objected: false, ...over })

beforeEach(() => freshSession())
afterEach(() => cleanup())

test('lists notices and sends an objection once it is specific enough', async () => {
  let objected = false
  const calls = gateway(({ fn, action }) => {
    if (fn === 'auth') return ok(MEMBER)
    if (action === 'notices') return ok({ items: [notice({ objected }), notice({ applicationId: 'sa-2', name: '何*英', mine: true })] })
    if (action === 'object') {
      objected = true
      return ok({ applicationId: 'sa-1', received: true })
    }
    return fail('UNKNOWN_ACTION', '?')
  })
  const { container } = render(<SubsidyNotices />)
  await screen.findByText('李*国')
  expect(container.querySelector('.notice-mine')!.textContent).toBe('这是您本人的申请')
  fireEvent.click(container.querySelector('.notice-object')!)
  const box = container.querySelector('.notice-text') as HTMLTextAreaElement
  fireEvent.input(box, { target: { value: '配偶有收入' } })
  fireEvent.click(container.querySelector('.notice-send')!)
  await screen.findByText('请具体说明情况，至少10个字')
  expect(calls.filter((c) => c.action === 'object')).toHaveLength(0)

  fireEvent.input(container.querySelector('.notice-text')!, { target: { value: '据我所知申请人配偶另有稳定收入，请核实。' } })
  fireEvent.click(container.querySelector('.notice-send')!)
  await waitFor(() => expect(container.querySelector('.notice-objected')).not.toBeNull())
  expect(calls.find((c) => c.action === 'object')!.data).toEqual({ applicationId: 'sa-1', text: '据我所知申请人配偶另有稳定收入，请核实。' })
})

test('says when nothing is in notice', async () => {
  gateway(({ fn }) => (fn === 'auth' ? ok(MEMBER) : ok({ items: [] })))
  render(<SubsidyNotices />)
  await screen.findByText('目前没有正在公示的申请')
})

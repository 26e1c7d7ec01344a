// 帮扶资金预算 in jsdom against a scripted gateway: rows grouped by union with what is left and a warning
// when little is left, adjusting a total in yuan (sent in fen, with a confirm and the server's field error),
// arranging a new budget for a union in scope, and the loading, empty, error and forbidden states.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import subsidyPolicy from '../../config/policies/subsidy.json'
import SubsidyBudget from '../../client/packages/subsidy/budget/index'
import { BUDGET_PROGRAMMES, todayBeijing } from '../../client/packages/subsidy/shared'
import type { ActionOutput } from '../../types/contract'
import { fail, freshSession, gateway, offline, ok } from './helpers'

type Row = ActionOutput<'subsidy', 'budgets'>['items'][number]

const STAFF = { openid: 'demo-staff', roles: ['staff'], staffUnionId: 'u-street' }
const MEMBER = { openid: 'demo-member', roles: ['member'], staffUnionId: null }
const YEAR = Number(todayBeijing().slice(0, 4))
const NAMES: Record<string, string> = Object.fromEntries(subsidyPolicy.programmes.map((p) => [p.id, p.name]))

const row = (over: Partial<Row> = {}): Row => {
  const r = { unionId: 'u-street', unionName: '建外街道总工会', programme: 'winter_warmth', name: NAMES.winter_warmth, year: YEAR, totalFen: 5_000_000, spentFen: 100_000, remainingFen: 4_900_000, ...over }
  return { ...r, remainingFen: over.remainingFen ?? r.totalFen - r.spentFen }
}
const unions = [
  { id: 'u-district', name: '朝阳区总工会', code: '110105', level: 'district', parentId: null, parentName: null, acceptsMembers: false },
  { id: 'u-street', name: '建外街道总工会', code: '110105001', level: 'street', parentId: 'u-district', parentName: '朝阳区总工会', acceptsMembers: false },
  { id: 'u-grass', name: '美团外卖朝阳站点联合工会', code: '110105001001', level: 'federation', parentId: 'u-street', parentName: '建外街道总工会', acceptsMembers: true },
]
const invalid = (message: string, fields: Record<string, string>) => ({ ok: false, error: { code: 'VALIDATION_FAILED', message, fields } })

const type = (el: Element, value: string) => fireEvent.change(el, { target: { value } })
const press = async (el: Element) => act(async () => void fireEvent.click(el))

beforeEach(() => freshSession())
afterEach(() => cleanup())

describe('budget programmes', () => {
  test('the zod-free list in shared.ts is the policy’s programmes, ids and names in order', () => {
    expect(BUDGET_PROGRAMMES.map((p) => ({ id: p.id, name: p.name }))).toEqual(subsidyPolicy.programmes.map((p) => ({ id: p.id, name: p.name })))
  })
})

describe('budget page', () => {
  test('groups rows by union with total, paid and remaining; warns when less than a tenth is left; sums the year', async () => {
    const calls = gateway(({ fn, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (data.year !== YEAR) return ok({ items: [] })
      return ok({
        items: [
          row(),
          row({ programme: 'school_aid', name: NAMES.school_aid, totalFen: 2_000_000, spentFen: 1_850_000 }),
          row({ unionId: 'u-grass', unionName: '美团外卖朝阳站点联合工会', programme: 'relief_purchase', name: NAMES.relief_purchase, totalFen: 100_000, spentFen: 100_000 }),
        ],
      })
    })
    const { container } = render(<SubsidyBudget />)
    expect(screen.getByText('正在加载预算…')).toBeTruthy()
    await screen.findByText('建外街道总工会')
    expect(calls.find((c) => c.action === 'budgets')!.data).toEqual({ year: YEAR })

    const groups = [...container.querySelectorAll('.budget-union')]
    expect(groups.map((g) => g.querySelector('.budget-union-name')?.textContent)).toEqual(['建外街道总工会', '美团外卖朝阳站点联合工会'])
    expect(groups[0].querySelectorAll('.budget-row')).toHaveLength(2)

    const winter = container.querySelector('.budget-winter_warmth')!
    expect(winter.querySelector('.budget-name')?.textContent).toBe('冬季送温暖慰问金')
    expect(winter.querySelector('.budget-total')?.textContent).toBe('¥50,000.00')
    expect(winter.querySelector('.budget-spent')?.textContent).toBe('已发放 ¥1,000.00（2%）')
    expect(winter.querySelector('.budget-remaining')?.textContent).toBe('剩余 ¥49,000.00')
    expect(winter.querySelector('.budget-warning')).toBeNull()
    expect((winter.querySelector('.sb-bar-fill') as HTMLElement).style.width).toBe('2%')

    const school = container.querySelector('.budget-school_aid')!
    expect(school.querySelector('.budget-remaining')?.textContent).toBe('剩余 ¥1,500.00')
    expect(school.querySelector('.budget-warning')?.textContent).toContain('不足10%')
    expect(school.querySelector('.budget-remaining')?.className).toContain('sb-budget-warn')
    expect(container.querySelector('.budget-relief_purchase .budget-warning')?.textContent).toContain('已用完')

    const summary = container.querySelector('.budget-summary')!
    expect(summary.querySelector('.summary-total')?.textContent).toBe('¥71,000.00')
    expect(summary.querySelector('.summary-spent')?.textContent).toBe('已发放 ¥20,500.00 · 剩余 ¥50,500.00')

    // Last year: asked for by year, and an empty year says so.
    await press(container.querySelector('.year-last')!)
    await screen.findByText(`${YEAR - 1}年度没有安排预算`)
    expect(calls.filter((c) => c.action === 'budgets').pop()!.data).toEqual({ year: YEAR - 1 })
    expect(container.querySelector('.year-last')?.className).toContain('sb-tab-on')
  })

  test('adjusting sends the new total in fen after a confirm, shows the server’s field error, then refreshes', async () => {
    let current = row()
    let refuse = true
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'budgets') return ok({ items: [current] })
      if (action === 'setBudget') {
        if (refuse) return invalid('预算不能少于已发放的 ¥3,000,000.00', { totalFen: '不能少于已发放金额' })
        current = row({ totalFen: data.totalFen })
        return ok({ ...current, status: 'applied', changeId: null })
      }
      return fail('UNKNOWN_ACTION', '?')
    })
    const modal = jest.spyOn(Taro, 'showModal')
    const toast = jest.spyOn(Taro, 'showToast')
    const { container } = render(<SubsidyBudget />)
    await screen.findByText('建外街道总工会')

    await press(container.querySelector('.budget-winter_warmth .budget-adjust')!)
    const input = container.querySelector('.budget-input') as HTMLInputElement
    expect(input.value).toBe('50000')

    // Checked before asking: not below what was paid, and a number.
    type(input, '500')
    await press(container.querySelector('.budget-save')!)
    expect(container.querySelector('.error-totalFen')?.textContent).toBe('预算不能少于已发放的 ¥1,000.00')
    type(input, '六万')
    await press(container.querySelector('.budget-save')!)
    expect(container.querySelector('.error-totalFen')?.textContent).toContain('请填写数字')
    expect(modal).not.toHaveBeenCalled()
    expect(calls.filter((c) => c.action === 'setBudget')).toHaveLength(0)

    // The server knows of payments made meanwhile and refuses: its message lands on the field.
    type(input, '20,000.50')
    await press(container.querySelector('.budget-save')!)
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '确认调整预算', content: expect.stringContaining('¥50,000.00 调整为 ¥20,000.50') })
    await waitFor(() => expect(container.querySelector('.error-totalFen')?.textContent).toBe('预算不能少于已发放的 ¥3,000,000.00'))
    expect(calls.find((c) => c.action === 'setBudget')!.data).toEqual({ unionId: 'u-street', programme: 'winter_warmth', year: YEAR, totalFen: 2_000_050 })
    expect(toast).not.toHaveBeenCalled()

    // A cancelled confirm sends nothing.
    modal.mockResolvedValueOnce({ confirm: false, cancel: true } as any)
    type(input, '60000')
    await press(container.querySelector('.budget-save')!)
    expect(calls.filter((c) => c.action === 'setBudget')).toHaveLength(1)

    refuse = false
    await press(container.querySelector('.budget-save')!)
    await waitFor(() => expect(container.querySelector('.budget-winter_warmth .budget-total')?.textContent).toBe('¥60,000.00'))
    expect(calls.filter((c) => c.action === 'setBudget').pop()!.data).toEqual({ unionId: 'u-street', programme: 'winter_warmth', year: YEAR, totalFen: 6_000_000 })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '预算已调整' }))
    expect(container.querySelector('.budget-edit')).toBeNull()
    await waitFor(() => expect(calls.filter((c) => c.action === 'budgets')).toHaveLength(2))
    expect(container.querySelector('.budget-winter_warmth .budget-remaining')?.textContent).toBe('剩余 ¥59,000.00')
  })

  test('a new budget: a union in scope, a programme without one yet, the total in fen', async () => {
    let items: Row[] = [row()]
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'list') return ok({ items: unions })
      if (action === 'budgets') return ok({ items })
      if (action === 'setBudget') {
        const u = unions.find((x) => x.id === data.unionId)!
        const r = row({ unionId: u.id, unionName: u.name, programme: data.programme, name: NAMES[data.programme], totalFen: data.totalFen, spentFen: 0 })
        items = [...items, r]
        return ok({ ...r, status: 'applied', changeId: null })
      }
      return fail('UNKNOWN_ACTION', '?')
    })
    const modal = jest.spyOn(Taro, 'showModal')
    const { container } = render(<SubsidyBudget />)
    await screen.findByText('建外街道总工会')
    await press(container.querySelector('.budget-add')!)
    await waitFor(() => expect(container.querySelector('.add-union')?.textContent).toBe('建外街道总工会'))
    expect(calls.find((c) => c.fn === 'union')).toMatchObject({ action: 'list', data: { limit: 100 } })

    // The street's winter budget exists already: adjust it in the list instead.
    expect(container.querySelector('.add-programme-winter_warmth')?.textContent).toBe('冬季送温暖慰问金（已安排）')
    await press(container.querySelector('.add-save')!)
    expect(screen.getByText('请选择帮扶项目')).toBeTruthy()
    expect(screen.getByText('请填写预算总额')).toBeTruthy()

    // Only the street and what is under it; the district above is out of scope.
    await press(container.querySelector('.add-union-change')!)
    const options = [...container.querySelectorAll('.add-union-option')].map((o) => o.querySelector('.sb-option-name')?.textContent)
    expect(options).toEqual(['建外街道总工会', '美团外卖朝阳站点联合工会'])
    await press(container.querySelectorAll('.add-union-option')[1])
    expect(container.querySelector('.add-union')?.textContent).toBe('美团外卖朝阳站点联合工会')
    expect(container.querySelector('.add-programme-winter_warmth')?.textContent).toBe('冬季送温暖慰问金')
    await press(container.querySelector('.add-programme-winter_warmth')!)
    type(container.querySelector('.add-total')!, '８０００')
    await press(container.querySelector('.add-save')!)
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '确认安排预算', content: `为美团外卖朝阳站点联合工会安排${YEAR}年“冬季送温暖慰问金”预算 ¥8,000.00。` })
    await waitFor(() => expect(container.querySelectorAll('.budget-union')).toHaveLength(2))
    expect(calls.find((c) => c.action === 'setBudget')!.data).toEqual({ unionId: 'u-grass', programme: 'winter_warmth', year: YEAR, totalFen: 800_000 })
    expect(container.querySelector('.budget-add-form')).toBeNull()
  })

  test('an increase waits for a second person: the proposer may withdraw it, a higher union confirms it', async () => {
    const pending = (canDecide: 'confirm' | 'withdraw' | null) => ({ changeId: 'c-1', fromFen: 5_000_000, toFen: 6_000_000, requestedBy: '建外街道总工会', requestedAt: new Date().toISOString(), canDecide })
    let current: Row = row({ pending: pending('withdraw') })
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'budgets') return ok({ items: [current] })
      if (action === 'confirmBudget') {
        current = row({ totalFen: data.approve ? 6_000_000 : 5_000_000, pending: null })
        return ok({ ...current, status: data.approve ? 'applied' : 'withdrawn', changeId: 'c-1' })
      }
      return fail('UNKNOWN_ACTION', '?')
    })
    const toast = jest.spyOn(Taro, 'showToast')
    const view = render(<SubsidyBudget />)
    await screen.findByText('建外街道总工会')
    const winter = () => view.container.querySelector('.budget-winter_warmth')!
    expect(winter().querySelector('.budget-pending-text')?.textContent).toBe('待确认：调整为 ¥60,000.00（建外街道总工会提交）')
    expect(winter().querySelector('.budget-total')?.textContent).toBe('¥50,000.00')
    expect(winter().querySelector('.budget-adjust')).toBeNull()
    expect(winter().querySelector('.budget-confirm')).toBeNull()
    view.unmount()

    current = row({ pending: pending('confirm') })
    const { container } = render(<SubsidyBudget />)
    await screen.findByText('建外街道总工会')
    await press(container.querySelector('.budget-winter_warmth .budget-confirm')!)
    await waitFor(() => expect(container.querySelector('.budget-winter_warmth .budget-total')?.textContent).toBe('¥60,000.00'))
    expect(calls.find((c) => c.action === 'confirmBudget')!.data).toEqual({ changeId: 'c-1', approve: true })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '预算已调整' }))
    expect(container.querySelector('.budget-pending')).toBeNull()
  })

  test('empty year, a failed load with retry, and members', async () => {
    let n = 0
    gateway(({ fn }) => {
      if (fn === 'auth') return ok(STAFF)
      n++
      if (n === 1) return offline()
      return ok({ items: [] })
    })
    const { container } = render(<SubsidyBudget />)
    await screen.findByText('网络不太好，请检查网络后重试')
    await press(screen.getByText('重试'))
    await screen.findByText('本年度还没有安排预算')
    expect(container.querySelector('.budget-summary')).toBeNull()
    expect(container.querySelector('.budget-add')).toBeTruthy()
    cleanup()

    freshSession()
    gateway(({ fn }) => (fn === 'auth' ? ok(MEMBER) : fail('FORBIDDEN', '仅限工会工作人员使用')))
    render(<SubsidyBudget />)
    await screen.findByText('您的账号没有查看帮扶资金预算的权限。')
  })
})

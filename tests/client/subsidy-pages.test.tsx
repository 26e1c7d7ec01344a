// Hardship-relief pages in jsdom against a scripted gateway: the self-check explains its result, the
// application reuses its request id on retry, members see where an application stands, staff review.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __resetStorage, __setRouter } from './stubs/taro'
import SubsidyCheck from '../../client/packages/subsidy/check/index'
import SubsidyApply from '../../client/packages/subsidy/apply/index'
import MyApplications from '../../client/packages/subsidy/mine/index'
import SubsidyQueue from '../../client/packages/subsidy/queue/index'
import SubsidyFile from '../../client/packages/subsidy/file/index'
import SubsidyFiles from '../../client/packages/subsidy/files/index'
import { emptyForm, newRow, peekDraft, setDraft, takeDraft, type Evaluation } from '../../client/packages/subsidy/shared'
import type { ActionOutput } from '../../types/contract'
import { fail, freshSession, gateway, offline, ok } from './helpers'

const MEMBER = { openid: 'demo-member', roles: ['member'], staffUnionId: null }
const STAFF = { openid: 'demo-staff', roles: ['staff'], staffUnionId: 'u-0' }

const evaluation = (over: Partial<Evaluation> = {}): Evaluation => ({
  category: 'deep',
  label: '深度困难',
  region: { code: '110000', name: '北京市' },
  householdSize: 3,
  totalIncomeFen: 300000,
  perCapitaFen: 100000,
  standardFen: 132000,
  relativeBoundFen: 198000,
  reasons: [
    { rule: 'income_below_standard', passed: true, text: '家庭人均月收入 1,000.00 元，低于北京市困难职工认定标准 1,320.00 元', decisive: true },
    { rule: 'relative_band', passed: false, text: '不属于相对困难：人均收入未处于 1,320.00 至 1,980.00 元之间', decisive: false },
    { rule: 'school_costs', passed: true, text: '子女教育费用负担重', decisive: false },
  ],
  decision: '家庭人均月收入低于当地困难职工认定标准，属于深度困难。',
  programmes: [
    { id: 'autumn_school', name: '金秋助学', kind: 'cash', amountFen: 300000, capFenPerYear: 300000, maxTimesPerYear: 1, months: [7, 8, 9], why: '家有在读子女、教育费用负担重' },
    { id: 'send_warmth', name: '送温暖', kind: 'cash', amountFen: 100000, capFenPerYear: 100000, maxTimesPerYear: 1, months: [1, 2], why: '困难职工春节慰问' },
  ],
  ...over,
})

const input = (c: Element, sel: string) => c.querySelector(sel) as HTMLInputElement
const type = (el: Element, value: string) => fireEvent.change(el, { target: { value } })
const press = async (el: Element) => act(async () => void fireEvent.click(el))

beforeEach(() => freshSession())
afterEach(() => {
  cleanup()
  takeDraft()
})

describe('self-check page', () => {
  test('needs no login, converts yuan to fen, shows every reason with ✓/✗ and highlights the decisive one', async () => {
    __resetStorage() // not signed in
    const calls = gateway(({ action }) => (action === 'evaluate' ? ok(evaluation()) : fail('UNKNOWN_ACTION', '?')))
    const { container } = render(<SubsidyCheck />)
    expect(screen.getByText(/测算不保存任何信息/)).toBeTruthy()
    expect(container.querySelector('.link-mine')).toBeNull()

    fireEvent.click(container.querySelector('.add-spouse')!)
    fireEvent.click(container.querySelector('.add-child')!)
    expect(container.querySelector('.add-spouse')).toBeNull() // one spouse at most
    const incomes = container.querySelectorAll('.income-input')
    expect(incomes).toHaveLength(3)
    type(incomes[0], '2000')
    type(incomes[1], '1000')
    // An empty income is not silently 0: the row says what to do, and nothing is sent.
    await press(container.querySelector('.check-submit')!)
    expect(container.querySelector('.member-2 .income-error')?.textContent).toBe('请填写月收入，没有收入请填0')
    expect(calls).toHaveLength(0)

    type(container.querySelectorAll('.income-input')[2], '0')
    fireEvent.click(container.querySelector('.cond-school_costs')!)
    await press(container.querySelector('.check-submit')!)
    await screen.findByText('深度困难')
    expect(calls).toEqual([
      {
        fn: 'subsidy',
        action: 'evaluate',
        data: {
          household: [
            { relation: 'self', monthlyIncomeFen: 200000 },
            { relation: 'spouse', monthlyIncomeFen: 100000 },
            { relation: 'child', monthlyIncomeFen: 0 },
          ],
          conditions: ['school_costs'],
        },
      },
    ])

    const result = container.querySelector('.check-result')!
    expect(result.querySelector('.result-category')?.textContent).toBe('深度困难')
    expect(result.querySelector('.result-decision')?.textContent).toBe('家庭人均月收入低于当地困难职工认定标准，属于深度困难。')
    expect(result.textContent).toContain('¥1,000.00')
    expect(result.textContent).toContain('¥1,320.00')
    const rows = [...result.querySelectorAll('.reason-row')]
    expect(rows.map((r) => r.querySelector('.sb-reason-mark')?.textContent)).toEqual(['✓', '✗', '✓'])
    expect(rows.map((r) => r.classList.contains('reason-decisive'))).toEqual([true, false, false])
    expect(rows[0].textContent).toContain('关键依据')
    expect(rows[0].textContent).toContain('1,000.00')
    expect(container.querySelectorAll('.reason-decisive')).toHaveLength(1)

    const school = container.querySelector('.programme-autumn_school')!
    expect(school.textContent).toContain('金秋助学')
    expect(school.textContent).toContain('¥3,000.00')
    expect(school.textContent).toContain('每年 7、8、9 月')
    expect(school.textContent).toContain('家有在读子女')

    // Going on to apply: the household travels in memory, never in the URL.
    const nav = jest.spyOn(Taro, 'navigateTo')
    fireEvent.click(container.querySelector('.check-apply')!)
    expect(nav).toHaveBeenCalledWith({ url: '/packages/subsidy/apply/index?from=check' })
    const draft = takeDraft()!
    expect(draft.rows.map((r) => r.income)).toEqual(['2000', '1000', '0'])
    expect(draft.conditions).toEqual(['school_costs'])

    // Changing a number asks for a new check instead of showing a stale result.
    type(container.querySelectorAll('.income-input')[0], '2500')
    expect(container.querySelector('.check-result')).toBeNull()
  })

  test('no category: no apply button; server field errors land on the row; signed-in users get a link to their applications', async () => {
    gateway(({ fn, action }) => {
      if (fn === 'auth') return ok(MEMBER)
      if (action === 'evaluate') return ok(evaluation({ category: 'none', label: '暂不符合困难职工认定条件', programmes: [], reasons: [{ rule: 'income_below_standard', passed: false, text: '人均月收入 5,000.00 元，高于标准', decisive: true }] }))
      return fail('UNKNOWN_ACTION', '?')
    })
    const { container } = render(<SubsidyCheck />)
    await waitFor(() => expect(container.querySelector('.link-mine')).toBeTruthy())
    type(container.querySelector('.income-input')!, '5000')
    await press(container.querySelector('.check-submit')!)
    await screen.findByText('暂不符合困难职工认定条件')
    expect(container.querySelector('.check-apply')).toBeNull()
    expect(container.querySelector('.reason-fail.reason-decisive')).toBeTruthy()
  })

  test('a member sent to sign in on the way to applying finds the numbers again (memory only)', async () => {
    __resetStorage()
    const f = emptyForm()
    f.rows = [newRow('self', '1800'), newRow('child', '0')]
    setDraft(f)
    gateway(() => fail('UNKNOWN_ACTION', '?'))
    const { container } = render(<SubsidyCheck />)
    expect(screen.getByText(/已带回您刚才填写的内容/)).toBeTruthy()
    expect([...container.querySelectorAll('.income-input')].map((i) => (i as HTMLInputElement).value)).toEqual(['1800', '0'])
    expect(Taro.getStorageSync('wu.subsidy.draft')).toBe('')
  })

  test('a validation error from the server is shown on its field', async () => {
    __resetStorage()
    gateway(() => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: '月收入不能超过10万元', fields: { 'household.0.monthlyIncomeFen': '月收入不能超过10万元' } } }))
    const { container } = render(<SubsidyCheck />)
    type(container.querySelector('.income-input')!, '99999')
    await press(container.querySelector('.check-submit')!)
    await waitFor(() => expect(container.querySelector('.member-0 .income-error')?.textContent).toBe('月收入不能超过10万元'))
  })
})

describe('apply page', () => {
  const prefill = () => {
    const f = emptyForm()
    f.rows = [newRow('self', '2000'), newRow('spouse', '1000'), newRow('child', '0')]
    f.conditions = ['school_costs']
    setDraft(f)
  }

  test('prefilled from the check; consent required; the same request id is sent on every retry', async () => {
    prefill()
    let attempt = 0
    const calls = gateway(({ fn, action }) => {
      if (fn === 'auth') return ok(MEMBER)
      if (action !== 'apply') return fail('UNKNOWN_ACTION', '?')
      attempt++
      if (attempt === 1) return offline()
      if (attempt === 2) return { ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写11位手机号', fields: { phone: '请填写11位手机号' } } }
      return ok({ applicationId: 'sa-1', status: 'submitted', category: 'deep', evaluation: evaluation() })
    })
    const redirect = jest.spyOn(Taro, 'redirectTo')
    const { container } = render(<SubsidyApply />)
    expect(screen.getByText(/已带入您刚才测算时填写的家庭情况/)).toBeTruthy()
    expect([...container.querySelectorAll('.income-input')].map((i) => (i as HTMLInputElement).value)).toEqual(['2000', '1000', '0'])

    type(input(container, '.apply-phone'), '13912345678')
    fireEvent.click(container.querySelector('.add-evidence')!)
    type(input(container, '.evidence-ref'), '学费缴费单 2026-0915')
    expect((container.querySelector('.apply-submit') as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(container.querySelector('.consent-row')!)
    expect((container.querySelector('.apply-submit') as HTMLButtonElement).disabled).toBe(false)

    await press(container.querySelector('.apply-submit')!)
    await screen.findByText(/重新提交不会重复申请/)
    await press(container.querySelector('.apply-submit')!)
    await waitFor(() => expect(container.querySelector('.apply-phone + .sb-error')?.textContent).toBe('请填写11位手机号'))
    await press(container.querySelector('.apply-submit')!)
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/subsidy/mine/index?applicationId=sa-1' }), { timeout: 2000 })

    // Filed: the in-memory draft is gone.
    expect(peekDraft()).toBeNull()
    const applies = calls.filter((c) => c.action === 'apply')
    expect(applies).toHaveLength(3)
    const ids = applies.map((c) => c.data.requestId)
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(applies[2].data).toEqual({
      household: [
        { relation: 'self', monthlyIncomeFen: 200000 },
        { relation: 'spouse', monthlyIncomeFen: 100000 },
        { relation: 'child', monthlyIncomeFen: 0 },
      ],
      conditions: ['school_costs'],
      requestId: ids[0],
      phone: '13912345678',
      evidence: [{ kind: 'income', ref: '学费缴费单 2026-0915' }],
    })
  })

  test('a new visit gets a new request id; conflicts and missing cards say what to do next', async () => {
    const seen: string[] = []
    gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(MEMBER)
      if (action !== 'apply') return fail('UNKNOWN_ACTION', '?') // the card looked up for the phone hint
      seen.push(data.requestId)
      return seen.length === 1 ? fail('CONFLICT', '您已有一份申请正在审核中') : fail('FORBIDDEN', '需要有效的工会会员卡')
    })
    const fill = (c: HTMLElement) => {
      type(c.querySelector('.income-input')!, '800')
      type(input(c, '.apply-phone'), '13912345678')
      fireEvent.click(c.querySelector('.consent-row')!)
    }
    const first = render(<SubsidyApply />)
    fill(first.container)
    await press(first.container.querySelector('.apply-submit')!)
    await screen.findByText('您已有一份申请正在审核中')
    expect(screen.getByText('查看我的申请 ›')).toBeTruthy()
    first.unmount()

    const second = render(<SubsidyApply />)
    fill(second.container)
    await press(second.container.querySelector('.apply-submit')!)
    await screen.findByText(/申请困难帮扶需要有效的工会会员卡/)
    expect(seen).toHaveLength(2)
    expect(seen[0]).not.toBe(seen[1])
  })
})

type Mine = ActionOutput<'subsidy', 'myApplications'>
describe('my applications', () => {
  test('shows the step timeline, the notice end, a reject reason and the file with its relief balance', async () => {
    const mine: Mine = {
      items: [
        {
          applicationId: 'sa-2',
          status: 'notice',
          category: 'deep',
          unionName: '北京国贸物业管理有限公司工会',
          submittedAt: '2026-03-01T02:00:00Z',
          noticeEndsAt: '2026-03-12T02:00:00Z',
          rejectReason: null,
          fileId: null,
          steps: [
            { step: 'check', decision: 'pass', reason: null, unionName: '北京国贸物业管理有限公司工会', at: '2026-03-02T02:00:00Z' },
            { step: 'approve', decision: 'pass', reason: null, unionName: '建外街道总工会', at: '2026-03-05T02:00:00Z' },
          ],
          evaluation: evaluation(),
        },
        {
          applicationId: 'sa-1',
          status: 'rejected',
          category: 'relative',
          unionName: '北京国贸物业管理有限公司工会',
          submittedAt: '2025-10-01T02:00:00Z',
          noticeEndsAt: null,
          rejectReason: '家庭收入与单位核实的工资不符',
          fileId: null,
          steps: [{ step: 'check', decision: 'reject', reason: '家庭收入与单位核实的工资不符', unionName: '北京国贸物业管理有限公司工会', at: '2025-10-03T02:00:00Z' }],
          evaluation: evaluation({ category: 'relative', label: '相对困难' }),
        },
      ],
      file: { fileId: 'f-1', fileNo: 'KN-110105-2026-0001', kind: 'temporary', category: 'deep', status: 'active', payments: [{ programme: 'send_warmth', name: '送温暖', amountFen: 100000, at: '2026-01-20T02:00:00Z', status: 'paid' }], reliefRemainingFen: 50000 },
    }
    gateway(({ fn }) => (fn === 'auth' ? ok(MEMBER) : ok(mine)))
    const { container } = render(<MyApplications />)
    await screen.findByText('KN-110105-2026-0001')
    const balance = container.querySelector('.relief-balance')!.textContent!
    expect(balance).toContain('消费帮扶补贴余额')
    expect(balance).toContain('¥500.00')
    expect(balance).toContain('可在工会商城结算时使用')
    expect(container.querySelector('.my-file')!.textContent).toContain('送温暖')

    const [notice, rejected] = [...container.querySelectorAll('.application')]
    expect(notice.querySelector('.sb-status')?.textContent).toBe('公示中')
    expect(notice.querySelector('.step-check')?.className).toContain('step-done')
    expect(notice.querySelector('.step-approve')?.className).toContain('step-done')
    expect(notice.querySelector('.step-notice')?.className).toContain('step-current')
    expect(notice.querySelector('.notice-ends')?.textContent).toContain('公示至')
    expect(rejected.querySelector('.reject-reason')?.textContent).toContain('家庭收入与单位核实的工资不符')
    expect(rejected.querySelector('.step-check')?.className).toContain('step-rejected')
    expect(rejected.querySelector('.step-approve')?.className).toContain('step-todo')
  })

  test('nothing yet: offers the self-check', async () => {
    gateway(({ fn }) => (fn === 'auth' ? ok(MEMBER) : ok({ items: [], file: null })))
    render(<MyApplications />)
    await screen.findByText('您还没有提交过困难帮扶申请')
  })
})

type QueueItem = ActionOutput<'subsidy', 'queue'>['items'][number]
const qItem = (over: Partial<QueueItem> = {}): QueueItem => ({
  applicationId: 'sa-1',
  memberName: '周晓东',
  phoneMasked: '150****3344',
  unionName: '美团外卖朝阳站点联合工会',
  status: 'submitted',
  category: 'deep',
  perCapitaFen: 100000,
  householdSize: 3,
  conditions: ['school_costs'],
  submittedAt: '2026-03-01T02:00:00Z',
  noticeEndsAt: null,
  household: [
    { relation: 'self', monthlyIncomeFen: 200000 },
    { relation: 'spouse', monthlyIncomeFen: 100000 },
    { relation: 'child', monthlyIncomeFen: 0 },
  ],
  evidence: [
    { kind: 'income', ref: '美团站点收入证明' },
    { kind: 'school', ref: '北京联合大学学费通知', note: '2026学年' },
  ],
  note: '孩子今年上大学',
  decision: '人均月收入 ¥1,000.00 低于北京市最低生活保障标准 ¥1,320.00，且有符合条件的困难情形，可认定为深度困难职工',
  canAct: 'check',
  evidenceCount: 2,
  objections: [],
  ...over,
})

describe('staff queue', () => {
  test('actions follow canAct; not passing needs a reason; the list refreshes after a decision', async () => {
    let queue = [qItem(), qItem({ applicationId: 'sa-2', memberName: '王海涛', canAct: null })]
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'queue') return ok({ items: queue.filter((i) => i.status === (data.status ?? 'submitted')), nextCursor: null })
      if (action === 'review') {
        queue = queue.filter((i) => i.applicationId !== data.applicationId)
        return ok({ applicationId: data.applicationId, status: data.decision === 'pass' ? 'checked' : 'rejected', noticeEndsAt: null, fileId: null })
      }
      return fail('UNKNOWN_ACTION', '?')
    })
    const { container } = render(<SubsidyQueue />)
    await screen.findByText('周晓东')
    const [first, second] = [...container.querySelectorAll('.queue-item')]
    expect(first.textContent).toContain('深度困难')
    expect(first.textContent).toContain('¥1,000.00')
    expect(first.textContent).toContain('家庭 3 人')
    // What the reviewer checks: each member's income, the evidence, the applicant's note and the rule that decided.
    expect(first.querySelector('.queue-household')!.textContent).toBe('本人 ¥2,000.00；配偶 ¥1,000.00；子女 ¥0.00')
    expect([...first.querySelectorAll('.queue-evidence')].map((e) => e.textContent)).toEqual(['· 美团站点收入证明', '· 北京联合大学学费通知（2026学年）'])
    expect(first.querySelector('.queue-note')!.textContent).toContain('孩子今年上大学')
    expect(first.querySelector('.queue-decision')!.textContent).toContain('低于北京市最低生活保障标准')
    expect(first.textContent).toContain('子女教育费用负担重')
    expect(first.textContent).toContain('证明材料 2 份')
    expect(first.querySelector('.act-check')?.textContent).toBe('核实通过')
    expect(second.querySelector('.pass-button')).toBeNull()
    expect(second.querySelector('.waiting')?.textContent).toBe('等待申请人所在基层工会核实')

    fireEvent.click(first.querySelector('.reject-button')!)
    await press(first.querySelector('.reject-confirm')!)
    expect(first.querySelector('.reason-error')?.textContent).toContain('请填写不通过的原因')
    expect(calls.filter((c) => c.action === 'review')).toHaveLength(0)
    type(first.querySelector('.reason')!, '收入证明与单位工资表不符')
    await press(first.querySelector('.reject-confirm')!)
    await waitFor(() => expect(container.querySelectorAll('.queue-item')).toHaveLength(1))
    expect(calls.find((c) => c.action === 'review')!.data).toEqual({ applicationId: 'sa-1', decision: 'reject', reason: '收入证明与单位工资表不符' })

    queue = [qItem({ applicationId: 'sa-3', status: 'notice', canAct: 'finalize', noticeEndsAt: '2026-03-12T02:00:00Z' })]
    await press(container.querySelector('.tab-notice')!)
    await waitFor(() => expect(container.querySelector('.act-finalize')?.textContent).toBe('公示期满建档'))
    await press(container.querySelector('.act-finalize')!)
    await screen.findByText('暂无公示中的申请')
    expect(calls.filter((c) => c.action === 'review').pop()!.data).toEqual({ applicationId: 'sa-3', decision: 'pass' })
  })

  test('members are told it is for staff', async () => {
    gateway(({ fn }) => (fn === 'auth' ? ok(MEMBER) : fail('FORBIDDEN', '没有权限')))
    render(<SubsidyQueue />)
    await screen.findByText('仅限工会工作人员使用')
  })
})

type Detail = ActionOutput<'subsidy', 'file'>
const detail = (over: Partial<Detail> = {}): Detail => ({
  fileId: 'f-1',
  fileNo: 'KN-110105-2026-0001',
  memberName: '周晓东',
  unionName: '美团外卖朝阳站点联合工会',
  kind: 'temporary',
  category: 'deep',
  status: 'active',
  perCapitaFen: 100000,
  dataAsOf: '2026-03-01T02:00:00Z',
  paidTotalFen: 0,
  lastPaidAt: null,
  atRisk: false,
  riskReason: null,
  stale: false,
  hasPlan: false,
  household: [
    { relation: 'self', monthlyIncomeFen: 200000 },
    { relation: 'spouse', monthlyIncomeFen: 100000 },
    { relation: 'child', monthlyIncomeFen: 0 },
  ],
  conditions: ['school_costs'],
  phoneMasked: '150****3344',
  evaluation: evaluation(),
  plan: null,
  payments: [],
  applications: [{ applicationId: 'sa-1', status: 'approved', submittedAt: '2026-03-01T02:00:00Z', category: 'deep' }],
  available: [
    { id: 'autumn_school', name: '金秋助学', amountFen: 300000, remainingFen: 300000, timesLeft: 1, inSeason: true },
    { id: 'send_warmth', name: '送温暖', amountFen: 100000, remainingFen: 100000, timesLeft: 1, inSeason: false },
  ],
  archivedAt: null,
  archiveReason: null,
  recheckNote: null,
  ...over,
})

describe('staff file page', () => {
  test('pays with a confirm; a lost answer is retried with the same request id, a new payment gets a new one', async () => {
    __setRouter({ fileId: 'f-1' })
    let n = 0
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'file') return ok(detail())
      if (action === 'disburse') {
        n++
        if (n === 1) return offline()
        return ok({ paymentId: `p-${n}`, fileId: 'f-1', programme: data.programme, amountFen: data.amountFen ?? 300000, budgetRemainingFen: 5_000_000, duplicate: n === 3 })
      }
      return fail('UNKNOWN_ACTION', '?')
    })
    const modal = jest.spyOn(Taro, 'showModal')
    const { container } = render(<SubsidyFile />)
    await screen.findByText('KN-110105-2026-0001', { exact: false })
    expect(container.querySelector('.household-table')!.textContent).toContain('配偶')
    expect(container.querySelector('.available-send_warmth .disburse-button')).toBeNull() // out of season
    expect(container.querySelector('.formalize-button')).toBeTruthy()

    const pay = container.querySelector('.available-autumn_school .disburse-button')!
    await press(pay)
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '发放结果未知' })))
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '确认发放', content: expect.stringContaining('¥3,000.00') })
    await press(pay)
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '发放成功' })))
    expect(modal.mock.calls[2][0]).toMatchObject({ content: expect.stringContaining('将按同一笔重试') })

    type(container.querySelector('.available-autumn_school .disburse-amount')!, '1500')
    await press(container.querySelector('.available-autumn_school .disburse-button')!)
    await waitFor(() => expect(calls.filter((c) => c.action === 'disburse')).toHaveLength(3))
    const pays = calls.filter((c) => c.action === 'disburse').map((c) => c.data)
    expect(pays[0].requestId).toBe(pays[1].requestId)
    expect(pays[2].requestId).not.toBe(pays[0].requestId)
    expect(pays[0]).toEqual({ requestId: pays[0].requestId, fileId: 'f-1', programme: 'autumn_school' })
    expect(pays[2]).toMatchObject({ programme: 'autumn_school', amountFen: 150000 })
  })

  test('the plan form checks its fields before saving', async () => {
    __setRouter({ fileId: 'f-1' })
    const calls = gateway(({ fn, action }) => {
      if (fn === 'auth') return ok(STAFF)
      if (action === 'file') return ok(detail())
      if (action === 'plan') return ok({ fileId: 'f-1', plan: { goal: 'x', measures: [], responsible: 'x', contactMasked: '139****5678', nextReviewDate: '2026-06-01', updatedAt: '2026-03-01T00:00:00Z' } })
      return fail('UNKNOWN_ACTION', '?')
    })
    const { container } = render(<SubsidyFile />)
    await screen.findByText('制定计划')
    fireEvent.click(container.querySelector('.plan-edit')!)
    await press(container.querySelector('.plan-save')!)
    expect(screen.getByText('帮扶目标至少4个字')).toBeTruthy()
    expect(screen.getByText('请至少填写一条帮扶措施')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'plan')).toHaveLength(0)
    type(container.querySelector('.plan-goal')!, '年内家庭人均收入稳定高于当地标准')
    type(container.querySelector('.plan-measure')!, '推荐参加电工技能培训')
    type(container.querySelector('.plan-responsible')!, '张建华')
    type(container.querySelector('.plan-contact')!, '13912345678')
    await press(container.querySelector('.plan-save')!)
    await waitFor(() => expect(calls.filter((c) => c.action === 'plan')).toHaveLength(1))
    expect(calls.find((c) => c.action === 'plan')!.data).toMatchObject({ fileId: 'f-1', measures: ['推荐参加电工技能培训'], responsible: '张建华', contact: '13912345678', nextReviewDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
  })
})

describe('staff files list', () => {
  test('filter tabs carry counts; rows show monitoring badges; search sends q', async () => {
    const calls = gateway(({ fn, data }) => {
      if (fn === 'auth') return ok(STAFF)
      return ok({
        items: [{ ...detail(), stale: true, atRisk: true, riskReason: '本人失业', hasPlan: false, paidTotalFen: 0 }].map(({ fileId, fileNo, memberName, unionName, kind, category, status, perCapitaFen, dataAsOf, paidTotalFen, lastPaidAt, atRisk, riskReason, stale, hasPlan }) => ({ fileId, fileNo, memberName, unionName, kind, category, status, perCapitaFen, dataAsOf, paidTotalFen, lastPaidAt, atRisk, riskReason, stale, hasPlan })),
        nextCursor: data.cursor ? null : 'c2',
        counts: { all: 12, active: 10, archived: 2, stale: 1, never_helped: 3, at_risk: 1 },
      })
    })
    const { container } = render(<SubsidyFiles />)
    await screen.findByText('周晓东')
    expect(container.querySelector('.filter-never_helped')?.textContent).toBe('建档未帮扶 3')
    const row = container.querySelector('.file-row')!
    expect(row.textContent).toContain('一年未更新')
    expect(row.textContent).toContain('返困风险：本人失业')
    expect(row.textContent).toContain('未帮扶')
    const nav = jest.spyOn(Taro, 'navigateTo')
    fireEvent.click(row)
    expect(nav).toHaveBeenCalledWith({ url: '/packages/subsidy/file/index?fileId=f-1' })

    await press(container.querySelector('.load-more')!)
    await waitFor(() => expect(calls.filter((c) => c.data?.cursor === 'c2')).toHaveLength(1))
    type(container.querySelector('.files-search')!, ' 周晓东 ')
    await press(container.querySelector('.files-search-go')!)
    await press(container.querySelector('.filter-at_risk')!)
    const last = calls.filter((c) => c.action === 'files').pop()!.data
    expect(last).toEqual({ filter: 'at_risk', limit: 20, q: '周晓东' })
  })
})

describe('files list opened from the console', () => {
  test('starts on the monitoring tab named in the link', async () => {
    __setRouter({ filter: 'never_helped' })
    const calls = gateway(({ fn }) => (fn === 'auth' ? ok(STAFF) : ok({ items: [], nextCursor: null, counts: {} })))
    render(<SubsidyFiles />)
    await waitFor(() => expect(calls.find((c) => c.action === 'files')?.data.filter).toBe('never_helped'))
  })
})

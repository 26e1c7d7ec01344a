// The card page and the register form in jsdom with a scripted gateway.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CardPage from '../../client/pages/card/index'
import Register from '../../client/packages/member/register/index'
import { fieldProblem } from '../../client/packages/member/validate'
import type { CardView } from '../../types/member'
import { checkDigit } from '../../types/idcard'
import { fail, freshSession, gateway, ok } from './helpers'

const ME = { openid: 'o-1', roles: ['member'], staffUnionId: null }
const idNumber = (first17 = '11010519940615321') => first17 + checkDigit(first17)

function card(over: Partial<CardView> = {}): CardView {
  return {
    memberId: 'm-1',
    cardId: 'c-1',
    unionId: 'u-1',
    unionName: '北京国贸物业管理有限公司工会',
    status: 'active',
    cardNo: '110105001001-000001',
    issuedAt: '2026-03-08T02:00:00.000Z',
    name: '李建国',
    idNumberMasked: '110105********1379',
    phoneMasked: '138****2222',
    occupation: 'property_service',
    employer: null,
    rejectReason: null,
    qr: 'v1.c-1.1790000000.sig',
    qrExpiresAt: new Date(Date.now() + 300_000).toISOString(),
    pendingTransfer: null,
    ...over,
  }
}

beforeEach(() => freshSession())
afterEach(cleanup)

describe('card page', () => {
  test('an active card shows name, card number, masked data and a QR image', async () => {
    gateway(({ fn, action }) => (fn === 'auth' ? ok(ME) : action === 'myCard' ? ok(card()) : fail('UNKNOWN_ACTION', '?')))
    const { container } = render(<CardPage />)
    await screen.findByText('李建国')
    expect(container.querySelector('.e-card')).not.toBeNull()
    expect(container.querySelector('.card-no')?.textContent).toBe('110105001001-000001')
    expect(container.querySelector('.card-qr')?.getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    expect(container.textContent).toContain('138****2222')
    expect(container.textContent).toContain('物业服务人员')
    expect(container.textContent).toContain('长按或出示二维码供工作人员核验')
  })

  test('tells the holder when someone applied with their ID number', async () => {
    const text = '2026年12月1日 13:05，有人用您的身份证号申请入会，已转工会人工核实，不会发卡。如果不是您或家人操作，请联系您所在的工会。'
    gateway(({ fn, action }) => (fn === 'auth' ? ok(ME) : action === 'myCard' ? ok(card({ notices: [{ at: '2026-12-01T05:05:00.000Z', text }] })) : fail('UNKNOWN_ACTION', '?')))
    const { container } = render(<CardPage />)
    await screen.findByText('李建国')
    expect(container.querySelector('.card-security')?.textContent).toBe(`账户提醒${text}`)
  })

  test('no card yet: explains and offers 立即入会', async () => {
    gateway(({ fn }) => (fn === 'auth' ? ok(ME) : fail('NOT_FOUND', '还没有会员卡')))
    const nav = jest.spyOn(Taro, 'navigateTo')
    const { container } = render(<CardPage />)
    await screen.findByText('您还没有工会会员卡')
    fireEvent.click(container.querySelector('.join-now')!)
    expect(nav).toHaveBeenCalledWith({ url: '/packages/member/register/index' })
  })

  test('pending, rejected and a pending transfer are spelled out', async () => {
    gateway(({ fn }) => (fn === 'auth' ? ok(ME) : ok(card({ status: 'pending', cardNo: null, qr: null, qrExpiresAt: null }))))
    render(<CardPage />)
    await screen.findByText('审核中')
    expect(screen.queryByText(/长按或出示二维码/)).toBeNull()
    cleanup()

    gateway(({ fn }) => (fn === 'auth' ? ok(ME) : ok(card({ status: 'rejected', cardNo: null, qr: null, rejectReason: '照片不清晰' }))))
    render(<CardPage />)
    await screen.findByText('原因：照片不清晰')
    expect(screen.getByText('重新申请')).toBeTruthy()
    cleanup()

    gateway(({ fn }) => (fn === 'auth' ? ok(ME) : ok(card({ pendingTransfer: { toUnionId: 'u-2', toUnionName: '朝阳区快递行业工会联合会', requestedAt: '2026-11-20T02:00:00Z' } }))))
    render(<CardPage />)
    await screen.findByText(/转会申请审核中：转入 朝阳区快递行业工会联合会/)
  })

  test('a network failure shows a Chinese message with 重试', async () => {
    gateway(({ fn }) => {
      if (fn === 'auth') return ok(ME)
      throw { errMsg: 'request:fail' }
    })
    render(<CardPage />)
    await screen.findByText('网络不太好，请检查网络后重试')
    expect(screen.getByText('重试')).toBeTruthy()
  })
})

describe('register form', () => {
  const UNION = { id: 'u-1', name: '北京国贸物业管理有限公司工会', code: '110105001001', level: 'grassroots', parentId: 'u-0', parentName: '建外街道总工会', acceptsMembers: true }
  const type = (el: Element, value: string) => fireEvent.change(el, { target: { value } })

  test('field checks mirror the server rules', () => {
    expect(fieldProblem('idNumber', idNumber())).toBeNull()
    expect(fieldProblem('idNumber', idNumber().slice(0, 17) + (idNumber()[17] === '0' ? '1' : '0'))).toBe('身份证号校验位不正确，请核对后重新输入')
    expect(fieldProblem('idNumber', '1101')).toBe('身份证号应为18位')
    expect(fieldProblem('phone', '139 1234 5678')).toBeNull()
    expect(fieldProblem('phone', '12912345678')).toBe('请填写11位手机号')
    expect(fieldProblem('name', '李')).toBe('姓名至少2个字')
    expect(fieldProblem('unionId', '')).toBe('请选择所属工会')
  })

  test('validates inline, needs consent, sends normalised data and shows server field errors', async () => {
    const calls = gateway(({ fn, action, data }) => {
      if (fn === 'auth') return ok(ME)
      if (action === 'list') return ok({ items: [UNION] })
      if (action === 'register')
        return data.phone === '13912345678'
          ? { ok: false, error: { code: 'VALIDATION_FAILED', message: '请检查填写的信息', fields: { phone: '该手机号已被使用' } } }
          : ok({ memberId: 'm-2', status: 'active', card: card() })
      return fail('UNKNOWN_ACTION', '?')
    })
    const { container } = render(<Register />)
    const q = (s: string) => container.querySelector(s)!

    // A full-length ID with a wrong check digit is flagged while typing.
    const good = idNumber()
    type(q('.reg-idNumber'), good.slice(0, 17) + (good[17] === '0' ? '1' : '0'))
    expect(container.querySelector('.error-idNumber')?.textContent).toBe('身份证号校验位不正确，请核对后重新输入')
    type(q('.reg-idNumber'), good.toLowerCase())
    expect(container.querySelector('.error-idNumber')).toBeNull()

    type(q('.reg-name'), '赵晓梅')
    type(q('.reg-phone'), '13912345678')
    await screen.findByText('北京国贸物业管理有限公司工会')
    expect(screen.getByText('上级：建外街道总工会')).toBeTruthy()
    fireEvent.click(q('.union-option'))
    fireEvent.click(q('.occ-property_service'))

    // Submit stays disabled until consent.
    expect((q('.register-submit') as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(q('.consent-label'))
    expect((q('.register-submit') as HTMLButtonElement).disabled).toBe(false)

    await act(async () => void fireEvent.click(q('.register-submit')))
    await screen.findByText('该手机号已被使用')
    expect(container.querySelector('.register-error')?.textContent).toContain('请检查填写的信息')
    const sent = calls.find((c) => c.action === 'register')!.data
    expect(sent).toEqual({ name: '赵晓梅', idNumber: good.toUpperCase(), phone: '13912345678', unionId: 'u-1', occupation: 'property_service' })

    // Fixing the phone clears its error; success goes to the card page.
    const redirect = jest.spyOn(Taro, 'redirectTo')
    type(q('.reg-phone'), '13912345679')
    expect(screen.queryByText('该手机号已被使用')).toBeNull()
    await act(async () => void fireEvent.click(q('.register-submit')))
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/pages/card/index' }))
  })
})

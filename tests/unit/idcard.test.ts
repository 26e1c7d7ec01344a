import { checkDigit, idCardProblem, normalizeIdNumber, PHONE_RE, normalizePhone } from '../../types/idcard'
import { registerInput } from '../../types/member'
import { makeIdNumber } from '../../cloud/demo/people'

describe('mainland ID numbers (GB 11643)', () => {
  it('should accept the standard example whose check digit is X', () => {
    expect(checkDigit('11010519491231002')).toBe('X')
    expect(idCardProblem('11010519491231002X')).toBeNull()
  })

  it('should accept a lower-case x and spaces as typed', () => {
    expect(normalizeIdNumber('110105 19491231 002x')).toBe('11010519491231002X')
    expect(idCardProblem('110105 19491231 002x')).toBeNull()
  })

  it('should reject every wrong check digit', () => {
    const valid = makeIdNumber('110105', '19850612', 137)
    const wrong = '0123456789X'.split('').filter((c) => c !== valid[17])
    expect(wrong).toHaveLength(10)
    for (const c of wrong) expect(idCardProblem(valid.slice(0, 17) + c)).toBe('checkDigit')
  })

  it('should reject a date that does not exist or lies in the future', () => {
    const feb30 = '110105' + '19900230' + '123'
    expect(idCardProblem(feb30 + checkDigit(feb30))).toBe('birthdate')
    const leap = '110105' + '20000229' + '123'
    expect(idCardProblem(leap + checkDigit(leap))).toBeNull()
    const nonLeap = '110105' + '19000229' + '123'
    expect(idCardProblem(nonLeap + checkDigit(nonLeap))).toBe('birthdate')
    const future = '110105' + '20991231' + '123'
    expect(idCardProblem(future + checkDigit(future), new Date('2026-11-24'))).toBe('birthdate')
  })

  it('should reject wrong length, letters and unknown regions', () => {
    expect(idCardProblem('11010519491231002')).toBe('length')
    expect(idCardProblem('1101051949123100AX')).toBe('format')
    const badRegion = '000105' + '19491231' + '002'
    expect(idCardProblem(badRegion + checkDigit(badRegion))).toBe('region')
  })
})

describe('phones', () => {
  it('should accept mainland mobiles with +86 and separators, and reject landlines', () => {
    expect(PHONE_RE.test(normalizePhone('+86 138-1111-2222'))).toBe(true)
    expect(PHONE_RE.test(normalizePhone('010-65001234'))).toBe(false)
    expect(PHONE_RE.test('12811112222')).toBe(false)
  })
})

describe('register input schema', () => {
  const base = { name: '李建国', idNumber: '11010519491231002x', phone: '+86 13811112222', unionId: 'abc', occupation: 'courier' }

  it('should normalise the ID number and phone', () => {
    const r = registerInput.parse(base)
    expect(r.idNumber).toBe('11010519491231002X')
    expect(r.phone).toBe('13811112222')
  })

  it('should explain a wrong check digit in Chinese on the idNumber field', () => {
    const r = registerInput.safeParse({ ...base, idNumber: '110105194912310021' })
    expect(r.success).toBe(false)
    const issue = r.error!.issues.find((i) => i.path[0] === 'idNumber')!
    expect(issue.message).toBe('身份证号校验位不正确，请核对后重新输入')
  })

  it('should reject unknown occupations and extra fields', () => {
    expect(registerInput.safeParse({ ...base, occupation: 'astronaut' }).success).toBe(false)
    expect(registerInput.safeParse({ ...base, isAdmin: true }).success).toBe(false)
  })
})

import crypto from 'node:crypto'
import { formatCardNo, issueModeFor, signCardQr, verifyCardQr } from '../../cloud/domain/member/rules'
import { maskIdNumber, maskPhone } from '../../types/mask'
import { loadPolicies } from '../../config/policies'

const key = crypto.randomBytes(32)
const now = new Date('2026-11-24T04:00:00Z')

describe('card QR', () => {
  it('should verify a fresh QR and return its card', () => {
    const { qr } = signCardQr(key, 'card-1', now, 300)
    expect(verifyCardQr(key, qr, new Date(now.getTime() + 299_000))).toEqual({ ok: true, cardId: 'card-1' })
  })

  it('should reject it once expired', () => {
    const { qr, expiresAt } = signCardQr(key, 'card-1', now, 300)
    expect(expiresAt.getTime() - now.getTime()).toBe(300_000)
    expect(verifyCardQr(key, qr, new Date(now.getTime() + 301_000))).toEqual({ ok: false, reason: 'expired' })
  })

  it('should reject a QR whose card or expiry was changed, or that another key signed', () => {
    const { qr } = signCardQr(key, 'card-1', now, 300)
    const [p, , exp, sig] = qr.split('.')
    expect(verifyCardQr(key, [p, 'card-2', exp, sig].join('.'), now).ok).toBe(false)
    expect(verifyCardQr(key, [p, 'card-1', String(Number(exp) + 86400), sig].join('.'), now).ok).toBe(false)
    expect(verifyCardQr(crypto.randomBytes(32), qr, now).ok).toBe(false)
    expect(verifyCardQr(key, 'hello', now)).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('card numbers and masking', () => {
  it('should carry the union code and a zero-padded running number', () => {
    expect(formatCardNo('110105001001', 42)).toBe('110105001001-000042')
  })

  it('should show only the first 6 and last 4 characters of an ID and 3+4 of a phone', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
    expect(maskPhone('13811112222')).toBe('138****2222')
  })
})

describe('membership policy', () => {
  it('should issue instantly by default and by review where a union is overridden', () => {
    const p = loadPolicies().membership
    expect(issueModeFor(p, '110105001001')).toBe('instant')
    expect(issueModeFor(p, '110105001004')).toBe('review')
  })

  it('should refuse an invalid policy at start-up', () => {
    expect(() => loadPolicies({ membership: { issue: 'sometimes', qrTtlSeconds: 300 } })).toThrow(/membership/)
    expect(() => loadPolicies({ membership: { issue: 'instant', qrTtlSeconds: 5 } })).toThrow(/qrTtlSeconds/)
  })
})

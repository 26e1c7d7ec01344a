// Offline card codes: a batch of consecutive windows, each signed with its own start and end, verified by
// the same verifyCardQr as the online QR.
import crypto from 'node:crypto'
import { OFFLINE_QR_DRIFT_S, signCardQr, signOfflineQrs, verifyCardQr } from '../../cloud/domain/member/rules'
import { loadPolicies } from '../../config/policies'

const key = crypto.randomBytes(32)
const now = new Date('2026-11-24T04:00:00Z')
const at = (s: number) => new Date(now.getTime() + s * 1000)

describe('offline card codes', () => {
  it('should cover consecutive windows, each overlapping the next by the drift', () => {
    const codes = signOfflineQrs(key, 'card-1', now, 300, 4)
    expect(codes).toHaveLength(4)
    expect(codes.map((c) => (c.validFrom.getTime() - now.getTime()) / 1000)).toEqual([0, 300, 600, 900])
    for (const c of codes) expect((c.validUntil.getTime() - c.validFrom.getTime()) / 1000).toBe(300 + OFFLINE_QR_DRIFT_S)
    expect(new Set(codes.map((c) => c.qr)).size).toBe(4)
  })

  it('should verify a code inside its window only', () => {
    const [, second] = signOfflineQrs(key, 'card-1', now, 300, 2)
    expect(verifyCardQr(key, second.qr, at(300))).toEqual({ ok: true, cardId: 'card-1' })
    expect(verifyCardQr(key, second.qr, at(600 + OFFLINE_QR_DRIFT_S))).toEqual({ ok: true, cardId: 'card-1' })
    expect(verifyCardQr(key, second.qr, at(300 - OFFLINE_QR_DRIFT_S))).toEqual({ ok: true, cardId: 'card-1' })
    expect(verifyCardQr(key, second.qr, at(300 - OFFLINE_QR_DRIFT_S - 1))).toEqual({ ok: false, reason: 'early' })
    expect(verifyCardQr(key, second.qr, at(600 + OFFLINE_QR_DRIFT_S + 1))).toEqual({ ok: false, reason: 'expired' })
  })

  it('should refuse a code whose window or card was changed, or another key signed', () => {
    const [c] = signOfflineQrs(key, 'card-1', now, 300, 1)
    const [p, card, from, until, sig] = c.qr.split('.')
    expect(verifyCardQr(key, [p, card, from, String(Number(until) + 86400), sig].join('.'), now).ok).toBe(false)
    expect(verifyCardQr(key, [p, card, String(Number(from) - 86400), until, sig].join('.'), now).ok).toBe(false)
    expect(verifyCardQr(key, [p, 'card-2', from, until, sig].join('.'), now).ok).toBe(false)
    expect(verifyCardQr(crypto.randomBytes(32), c.qr, now).ok).toBe(false)
  })

  it('should not let one kind of QR pass for the other', () => {
    const [c] = signOfflineQrs(key, 'card-1', now, 300, 1)
    const [, card, , until, sig] = c.qr.split('.')
    expect(verifyCardQr(key, ['WU1', card, until, sig].join('.'), now)).toEqual({ ok: false, reason: 'invalid' })
    const online = signCardQr(key, 'card-1', now, 300).qr.split('.')
    expect(verifyCardQr(key, ['WU2', online[1], online[2], online[2], online[3]].join('.'), now)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('should read offlineQrHours from the policy (8 by default) and refuse more than a day', () => {
    expect(loadPolicies().membership.offlineQrHours).toBe(8)
    expect(loadPolicies({ membership: { issue: 'instant', qrTtlSeconds: 300 } }).membership.offlineQrHours).toBe(8)
    expect(() => loadPolicies({ membership: { issue: 'instant', qrTtlSeconds: 300, offlineQrHours: 48 } })).toThrow(/offlineQrHours/)
  })
})

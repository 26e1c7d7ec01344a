// The card: a member's own card view (with its signed QR) and the staff's check of a scanned QR.
import type { App } from '../../platform/app'
import { activeMember, type Caller } from '../../platform/caller'
import type { CardView } from '../../../types/member'
import { AppError } from '../../platform/errors'
import { assertInScope } from '../../platform/scope'
import { signCardQr, signOfflineQrs, verifyCardQr } from './rules'
import { CARD_SELECT, LIVE, noticesOf, type CardRow } from './store'

export async function myCard(app: App, caller: Caller): Promise<CardView> {
  const [row] = await app.db.query<CardRow>(
    `${CARD_SELECT} where m.user_id = $1 and c.status <> 'transferred'
     order by (c.status in ${LIVE}) desc, c.created_at desc limit 1`,
    [caller.userId],
  )
  if (!row) throw new AppError('NOT_FOUND', '您还没有办理工会会员卡')
  const [transfer] = await app.db.query<{ to_union_id: string; name: string; requested_at: Date }>(
    `select t.to_union_id, u.name, t.requested_at from transfers t join unions u on u.id = t.to_union_id
     where t.member_id = $1 and t.status = 'pending'`,
    [row.member_id],
  )
  const qr = row.status === 'active' ? signCardQr(app.config.secrets.QR_SECRET, row.card_id, app.now(), app.policies.membership.qrTtlSeconds) : null
  const notices = await noticesOf(app.db, row.member_id)
  return {
    memberId: row.member_id,
    cardId: row.card_id,
    unionId: row.union_id,
    unionName: row.union_name,
    status: row.status,
    cardNo: row.card_no,
    issuedAt: row.issued_at ? row.issued_at.toISOString() : null,
    name: row.name,
    idNumberMasked: row.id_masked,
    phoneMasked: row.phone_masked,
    occupation: row.occupation,
    employer: row.employer,
    rejectReason: row.reject_reason,
    qr: qr?.qr ?? null,
    qrExpiresAt: qr?.expiresAt.toISOString() ?? null,
    pendingTransfer: transfer ? { toUnionId: transfer.to_union_id, toUnionName: transfer.name, requestedAt: transfer.requested_at.toISOString() } : null,
    notices: notices.map((n) => ({ at: n.created_at.toISOString(), text: n.body })),
  }
}

/**
 * Codes to show the card offline (H5 keeps them with the card): one per QR lifetime for the policy's
 * hours, verified by verifyCard like the online QR. Only for an active card.
 */
export async function offlineCodes(app: App, caller: Caller) {
  const card = await activeMember(app.db, caller.userId)
  if (!card) throw new AppError('INVALID_STATE', '只有有效的会员卡才能离线出示')
  const { qrTtlSeconds, offlineQrHours } = app.policies.membership
  const now = app.now()
  const count = Math.ceil((offlineQrHours * 3600) / qrTtlSeconds)
  const codes = signOfflineQrs(app.config.secrets.QR_SECRET, card.cardId, now, qrTtlSeconds, count)
  return { serverTime: now.toISOString(), codes: codes.map((c) => ({ qr: c.qr, validFrom: c.validFrom.toISOString(), validUntil: c.validUntil.toISOString() })) }
}

export async function verifyCard(app: App, caller: Caller, qr: string) {
  const check = verifyCardQr(app.config.secrets.QR_SECRET, qr, app.now())
  if (!check.ok) {
    if (check.reason === 'expired') throw new AppError('QR_EXPIRED', '二维码已过期，请会员刷新会员卡后重新出示')
    if (check.reason === 'early') throw new AppError('QR_EXPIRED', '二维码尚未生效，请会员核对手机时间或联网刷新会员卡')
    throw new AppError('QR_INVALID', '二维码无效，不是本平台签发的会员卡')
  }
  const [row] = await app.db.query<CardRow>(`${CARD_SELECT} where c.id = $1`, [check.cardId])
  if (!row) throw new AppError('QR_INVALID', '二维码无效，不是本平台签发的会员卡')
  assertInScope(caller, row)
  return {
    valid: row.status === 'active',
    cardNo: row.card_no ?? '',
    name: row.name,
    unionName: row.union_name,
    status: row.status,
    occupation: row.occupation,
    issuedAt: row.issued_at ? row.issued_at.toISOString() : null,
  }
}

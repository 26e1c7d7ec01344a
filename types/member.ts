import { z } from 'zod'
import { idCardProblem, ID_CARD_MESSAGES, normalizeIdNumber, normalizePhone, PHONE_MESSAGES, PHONE_RE } from './idcard'
import { id } from './common'
import { text } from './text'
import { CARD_STATUSES, OCCUPATIONS } from './member-labels'
import { EMPLOYER, NAME } from './member-fields'

export * from './member-labels'
export * from './member-fields'


export const idNumberSchema = z
  .string({ error: '请填写身份证号' })
  .transform(normalizeIdNumber)
  .superRefine((v, ctx) => {
    const problem = idCardProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: ID_CARD_MESSAGES[problem], params: { reason: problem } })
  })

export const phoneSchema = z
  .string({ error: PHONE_MESSAGES.required })
  .transform(normalizePhone)
  .refine((v) => PHONE_RE.test(v), PHONE_MESSAGES.format)

export const nameSchema = text(NAME)

export const registerInput = z
  .object({
    name: nameSchema,
    idNumber: idNumberSchema,
    phone: phoneSchema,
    unionId: id,
    occupation: z.enum(OCCUPATIONS, { error: '请选择职业' }),
    employer: text(EMPLOYER).optional(),
  })
  .strict()
export type RegisterInput = z.input<typeof registerInput>

export const cardView = z.object({
  memberId: z.string(),
  cardId: z.string(),
  unionId: z.string(),
  unionName: z.string(),
  status: z.enum(CARD_STATUSES),
  cardNo: z.string().nullable(),
  issuedAt: z.string().nullable(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  occupation: z.enum(OCCUPATIONS),
  employer: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** Signed, expiring payload to render as a QR code; null unless the card is active. */
  qr: z.string().nullable(),
  qrExpiresAt: z.string().nullable(),
  pendingTransfer: z.object({ toUnionId: z.string(), toUnionName: z.string(), requestedAt: z.string() }).nullable(),
  /** What the member should know about their card: e.g. someone applied with their ID number. */
  notices: z.array(z.object({ at: z.string(), text: z.string() })).optional(),
})
export type CardView = z.infer<typeof cardView>

export const registerOutput = z.object({ memberId: z.string(), status: z.enum(CARD_STATUSES), card: cardView })

export const pendingInput = z.object({ limit: z.number().int().min(1).max(100).optional() }).strict()
export const pendingItem = z.object({
  memberId: z.string(),
  kind: z.enum(['registration', 'transfer']),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  occupation: z.enum(OCCUPATIONS),
  employer: z.string().nullable(),
  unionId: z.string(),
  unionName: z.string(),
  fromUnionName: z.string().nullable(),
  submittedAt: z.string(),
  /** The ID number already belongs to another member: staff verify who is who, and can only reject here. */
  claimsHeldId: z.boolean().optional(),
})
export type PendingItem = z.infer<typeof pendingItem>
export const pendingOutput = z.object({ items: z.array(pendingItem), total: z.number().int() })

export const reviewInput = z
  .object({
    memberId: id,
    approve: z.boolean(),
    reason: z.string().trim().max(200, '原因不能超过200个字').optional(),
  })
  .strict()
  .refine((v) => v.approve || (v.reason && v.reason.length > 0), { message: '不通过时请填写原因', path: ['reason'] })
export const reviewOutput = z.object({ memberId: z.string(), status: z.enum(CARD_STATUSES), cardNo: z.string().nullable() })

/** Signed codes for showing the card offline, one per window; the phone shows the one for its time (serverTime corrects its clock). */
export const offlineCodesOutput = z.object({
  serverTime: z.string(),
  codes: z.array(z.object({ qr: z.string(), validFrom: z.string(), validUntil: z.string() })),
})
export type OfflineCodes = z.infer<typeof offlineCodesOutput>

export const verifyCardInput = z.object({ qr: z.string().trim().min(1, '请扫描会员卡二维码').max(512) }).strict()
export const verifyCardOutput = z.object({
  valid: z.boolean(),
  cardNo: z.string(),
  name: z.string(),
  unionName: z.string(),
  status: z.enum(CARD_STATUSES),
  occupation: z.enum(OCCUPATIONS),
  issuedAt: z.string().nullable(),
})

export const transferInput = z.object({ toUnionId: id }).strict()
export const transferOutput = z.object({ status: z.literal('pending'), toUnionId: z.string(), toUnionName: z.string() })

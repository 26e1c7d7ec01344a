import { z } from 'zod'
import { idCardProblem, ID_CARD_MESSAGES, normalizeIdNumber, normalizePhone, PHONE_RE } from './idcard'
import { id } from './common'

/** New-employment-form groups first (DOMAIN.md), then the other "eight groups", then the rest. */
export const OCCUPATIONS = [
  'courier',
  'food_delivery',
  'ride_hailing',
  'truck_driver',
  'property_service',
  'security_guard',
  'domestic_worker',
  'care_worker',
  'factory_worker',
  'office_worker',
  'other',
] as const
export type Occupation = (typeof OCCUPATIONS)[number]
export const OCCUPATION_LABELS: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖送餐员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  property_service: '物业服务人员',
  security_guard: '保安员',
  domestic_worker: '家政服务员',
  care_worker: '护理员',
  factory_worker: '产业工人',
  office_worker: '企业职工',
  other: '其他',
}

export const CARD_STATUSES = ['pending', 'active', 'rejected', 'suspended', 'transferred'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]
export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  pending: '审核中',
  active: '有效',
  rejected: '未通过',
  suspended: '已暂停',
  transferred: '已转出',
}

export const idNumberSchema = z
  .string({ error: '请填写身份证号' })
  .transform(normalizeIdNumber)
  .superRefine((v, ctx) => {
    const problem = idCardProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: ID_CARD_MESSAGES[problem], params: { reason: problem } })
  })

export const phoneSchema = z
  .string({ error: '请填写手机号' })
  .transform(normalizePhone)
  .refine((v) => PHONE_RE.test(v), '请填写11位手机号')

export const nameSchema = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(2, '姓名至少2个字')
  .max(30, '姓名不能超过30个字')
  .regex(/^[\u4e00-\u9fa5·A-Za-z .]+$/, '姓名只能包含汉字、字母或间隔号')

export const registerInput = z
  .object({
    name: nameSchema,
    idNumber: idNumberSchema,
    phone: phoneSchema,
    unionId: id,
    occupation: z.enum(OCCUPATIONS, { error: '请选择职业' }),
    employer: z.string().trim().max(60, '工作单位不能超过60个字').optional(),
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

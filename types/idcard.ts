// Mainland resident ID numbers (GB 11643-1999) and mobile phones: shared by client forms and functions.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export type IdCardProblem = 'length' | 'format' | 'region' | 'birthdate' | 'checkDigit'

export const ID_CARD_MESSAGES: Record<IdCardProblem, string> = {
  length: '身份证号应为18位',
  format: '身份证号格式不正确（前17位为数字，最后一位为数字或X）',
  region: '身份证号的地区码不正确',
  birthdate: '身份证号中的出生日期不正确',
  checkDigit: '身份证号校验位不正确，请核对后重新输入',
}

export function checkDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/** Upper-cases a trailing x and strips spaces so "1101 0519 ... x" validates as typed. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** Returns the first problem with an 18-character ID number, or null when it is valid. */
export function idCardProblem(raw: string, today: Date = new Date()): IdCardProblem | null {
  const v = normalizeIdNumber(raw)
  if (v.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(v)) return 'format'
  const province = Number(v.slice(0, 2))
  if (province < 11 || province > 91) return 'region'
  const y = Number(v.slice(6, 10))
  const m = Number(v.slice(10, 12))
  const d = Number(v.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birthdate'
  if (date.getTime() > today.getTime()) return 'birthdate'
  if (checkDigit(v.slice(0, 17)) !== v[17]) return 'checkDigit'
  return null
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const PHONE_RE = /^1[3-9]\d{9}$/
export const PHONE_MESSAGES = { required: '请填写手机号', format: '请填写11位手机号' } as const

/** What is wrong with a phone number as typed (spaces, dashes and +86 allowed), or null; empty counts as missing. */
export function phoneProblem(raw: string): string | null {
  const v = normalizePhone(raw.trim())
  if (!v) return PHONE_MESSAGES.required
  return PHONE_RE.test(v) ? null : PHONE_MESSAGES.format
}
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86/, '')
}

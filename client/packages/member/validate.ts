// Register-form checks that mirror the server's (types/member.ts), without zod; the server decides in the end.
import { ID_CARD_MESSAGES, PHONE_RE, idCardProblem, normalizeIdNumber, normalizePhone } from '../../../types/idcard'

export type Field = 'name' | 'idNumber' | 'phone' | 'unionId' | 'occupation' | 'employer'
export type Form = Record<Field, string>
export const REQUIRED: Field[] = ['name', 'idNumber', 'phone', 'unionId', 'occupation']
const NAME_RE = /^[\u4e00-\u9fa5·A-Za-z .]+$/

export function fieldProblem(field: Field, v: string): string | null {
  switch (field) {
    case 'name': {
      const t = v.trim()
      if (!t) return '请填写姓名'
      if (t.length < 2) return '姓名至少2个字'
      if (t.length > 30) return '姓名不能超过30个字'
      return NAME_RE.test(t) ? null : '姓名只能包含汉字、字母或间隔号'
    }
    case 'idNumber': {
      if (!v.trim()) return '请填写身份证号'
      const p = idCardProblem(v)
      return p ? ID_CARD_MESSAGES[p] : null
    }
    case 'phone':
      if (!v.trim()) return '请填写手机号'
      return PHONE_RE.test(normalizePhone(v)) ? null : '请填写11位手机号'
    case 'unionId':
      return v ? null : '请选择所属工会'
    case 'occupation':
      return v ? null : '请选择职业'
    case 'employer':
      return v.trim().length > 60 ? '工作单位不能超过60个字' : null
  }
}

/** While typing, speak up once the value is long enough to judge; otherwise wait for blur. */
export function readyToJudge(field: Field, v: string): boolean {
  if (field === 'idNumber') return normalizeIdNumber(v).length >= 18
  if (field === 'phone') return normalizePhone(v).length >= 11
  return false
}

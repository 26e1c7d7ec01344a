// Register-form checks: the contract's own rules (types/member-fields.ts, types/idcard.ts) without zod;
// the server checks again and decides.
import { ID_CARD_MESSAGES, idCardProblem, normalizeIdNumber, normalizePhone, phoneProblem } from '../../../types/idcard'
import { textProblem } from '../../../types/text-rules'
import { EMPLOYER, NAME } from '../../../types/member-fields'

export type Field = 'name' | 'idNumber' | 'phone' | 'unionId' | 'occupation' | 'employer'
export type Form = Record<Field, string>
export const REQUIRED: Field[] = ['name', 'idNumber', 'phone', 'unionId', 'occupation']

export function fieldProblem(field: Field, v: string): string | null {
  switch (field) {
    case 'name':
      return v.trim() ? textProblem(NAME, v) : NAME.required!
    case 'idNumber': {
      if (!v.trim()) return '请填写身份证号'
      const p = idCardProblem(v)
      return p ? ID_CARD_MESSAGES[p] : null
    }
    case 'phone':
      return phoneProblem(v)
    case 'unionId':
      return v ? null : '请选择所属工会'
    case 'occupation':
      return v ? null : '请选择职业'
    case 'employer':
      return textProblem(EMPLOYER, v)
  }
}

/** While typing, speak up once the value is long enough to judge; otherwise wait for blur. */
export function readyToJudge(field: Field, v: string): boolean {
  if (field === 'idNumber') return normalizeIdNumber(v).length >= 18
  if (field === 'phone') return normalizePhone(v).length >= 11
  return false
}

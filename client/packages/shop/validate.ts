// Form checks with the contract's own rules (types/shop-fields.ts, types/member-fields.ts, types/idcard.ts),
// without zod. The server checks again and its field messages are shown too.
import { normalizePhone, phoneProblem } from '../../../types/idcard'
import { textProblem } from '../../../types/text-rules'
import { NAME } from '../../../types/member-fields'
import { ADDRESS_DETAIL, INVOICE_TITLE, REGION, TAX_NO } from '../../../types/shop-fields'

export type AddressField = 'name' | 'phone' | 'region' | 'detail'
export type AddressForm = Record<AddressField, string>
export const ADDRESS_FIELDS: AddressField[] = ['name', 'phone', 'region', 'detail']

export function addressProblem(field: AddressField, raw: string): string | null {
  const v = raw ?? ''
  switch (field) {
    case 'name':
      return v.trim() ? textProblem(NAME, v) : '请填写收货人姓名'
    case 'phone':
      return phoneProblem(v)
    case 'region':
      return textProblem(REGION, v)
    case 'detail':
      return textProblem(ADDRESS_DETAIL, v)
  }
}

/** Every problem of the form, by field; empty when it can be sent. */
export function addressProblems(f: AddressForm): Partial<Record<AddressField, string>> {
  const out: Partial<Record<AddressField, string>> = {}
  for (const k of ADDRESS_FIELDS) {
    const p = addressProblem(k, f[k])
    if (p) out[k] = p
  }
  return out
}

/** The address as the API takes it (trimmed, phone normalised). */
export const cleanAddress = (f: AddressForm) => ({ name: f.name.trim(), phone: normalizePhone(f.phone.trim()), region: f.region.trim(), detail: f.detail.trim() })

export const taxNoProblem = (raw: string): string | null => ((raw ?? '').trim() ? textProblem(TAX_NO, raw) : '请填写纳税人识别号')

export const invoiceTitleProblem = (raw: string): string | null => textProblem(INVOICE_TITLE, raw)

/** A request id for one order attempt: letters, digits, _ and -, 8–64 characters (as the contract's requestId). */
export function newRequestId(): string {
  const rand = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `o-${Date.now().toString(36)}-${rand()}${rand()}`
}

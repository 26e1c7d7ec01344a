// Form checks mirroring types/shop.ts (addressSchema, bulkOrderInput, taxNoSchema) without zod.
// The server checks again and its field messages are shown too.
import { PHONE_RE, normalizePhone } from '../../../types/idcard'

export type AddressField = 'name' | 'phone' | 'region' | 'detail'
export type AddressForm = Record<AddressField, string>
export const ADDRESS_FIELDS: AddressField[] = ['name', 'phone', 'region', 'detail']
const NAME_RE = /^[\u4e00-\u9fa5·A-Za-z .]+$/

export function addressProblem(field: AddressField, raw: string): string | null {
  const v = (raw ?? '').trim()
  switch (field) {
    case 'name':
      if (!v) return '请填写收货人姓名'
      if (v.length < 2) return '姓名至少2个字'
      if (v.length > 30) return '姓名不能超过30个字'
      return NAME_RE.test(v) ? null : '姓名只能包含汉字、字母或间隔号'
    case 'phone':
      if (!v) return '请填写手机号'
      return PHONE_RE.test(normalizePhone(v)) ? null : '请填写11位手机号'
    case 'region':
      if (v.length < 2) return '请填写所在地区，如：北京市朝阳区建外街道'
      return v.length > 60 ? '地区不能超过60个字' : null
    case 'detail':
      if (v.length < 4) return '请填写详细地址（街道、门牌号），至少4个字'
      return v.length > 120 ? '详细地址不能超过120个字' : null
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

/** Unified social credit code (18) or an older 15–20 character taxpayer number, as taxNoSchema. */
export const TAX_NO_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$|^[0-9A-Z]{15,20}$/

export function taxNoProblem(raw: string): string | null {
  const v = (raw ?? '').trim()
  if (!v) return '请填写纳税人识别号'
  return TAX_NO_RE.test(v) ? null : '纳税人识别号格式不正确（统一社会信用代码为18位）'
}

export function invoiceTitleProblem(raw: string): string | null {
  const v = (raw ?? '').trim()
  if (v.length < 4) return '请填写发票抬头'
  return v.length > 60 ? '发票抬头不能超过60个字' : null
}

/** A request id for one order attempt: letters, digits, _ and -, 8–64 characters (as the contract's requestId). */
export function newRequestId(): string {
  const rand = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `o-${Date.now().toString(36)}-${rand()}${rand()}`
}

// Helpers shared by the hardship-relief pages: money parsing, the household form, a request id and dates. Runtime values come only from types/subsidy-labels.ts (zod-free); the zod schemas in
// types/subsidy.ts are imported as types only, so zod stays out of this subpackage.
import Taro from '@tarojs/taro'
import type { ActionInput, ActionOutput } from '../../../types/contract'
import { CONDITIONS, RELATION_LABELS, type Condition, type EventKind, type Relation } from '../../../types/subsidy-labels'
import { MAX_EXPENSE_FEN, MAX_HOUSEHOLD, MAX_INCOME_FEN } from '../../../types/subsidy-fields'

export type HouseholdInput = ActionInput<'subsidy', 'evaluate'>
export type ApplyInput = ActionInput<'subsidy', 'apply'>
export type Evaluation = ActionOutput<'subsidy', 'evaluate'>
export type Programme = Evaluation['programmes'][number]
export type Reason = Evaluation['reasons'][number]
export type EvidenceKind = ApplyInput['evidence'][number]['kind']

export { MAX_INCOME_FEN } from '../../../types/subsidy-fields'
export { BUDGET_PROGRAMMES } from './policy'

export type YuanResult = { ok: true; fen: number } | { ok: false; error: string }

const FULL_WIDTH = /[０-９．。]/g
/**
 * Parses what a user typed in yuan into integer fen without floating-point drift ("0.29" is 29 fen,
 * not 28.999…). Accepts full-width digits and the Chinese full stop from a Chinese keyboard, a "¥" or "元",
 * and thousands separators ("2,000.50"). Rejects empty input, negatives, more than two decimals and
 * anything that is not a number. 0 is a valid amount (no income).
 */
export function parseYuan(raw: string, opts: { maxFen?: number; empty?: string } = {}): YuanResult {
  const s = String(raw ?? '')
    .replace(FULL_WIDTH, (c) => (c === '．' || c === '。' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/^\s*[¥￥]\s*/, '')
    .replace(/\s*元\s*$/, '')
    .trim()
  if (!s) return { ok: false, error: opts.empty ?? '请填写金额（没有填0）' }
  if (/^[-－−]/.test(s)) return { ok: false, error: '金额不能为负数' }
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s) ? s.replace(/,/g, '') : s
  const m = /^(\d+)(?:\.(\d*))?$/.exec(plain) ?? /^()\.(\d+)$/.exec(plain)
  if (!m) return { ok: false, error: '请填写数字，例如 2000 或 2000.50' }
  const decimals = m[2] ?? ''
  if (decimals.length > 2) return { ok: false, error: '金额最多精确到分（小数点后两位）' }
  const intPart = m[1] === '' ? 0 : Number(m[1])
  const fen = intPart * 100 + Number((decimals + '00').slice(0, 2))
  if (!Number.isSafeInteger(fen)) return { ok: false, error: '金额过大，请检查' }
  if (opts.maxFen !== undefined && fen > opts.maxFen) return { ok: false, error: `金额不能超过${opts.maxFen / 100 / 10_000}万元` }
  return { ok: true, fen }
}

/** Fen shown back in an input: 200000 -> "2000", 12345 -> "123.45". */
export function fenToInput(fen: number): string {
  const y = Math.floor(fen / 100)
  const f = fen % 100
  return f ? `${y}.${String(f).padStart(2, '0')}` : String(y)
}

/** A fresh idempotency key: 8 to 64 letters, digits, "_" or "-" as the server requires. */
export function newRequestId(prefix = 'sb'): string {
  let r = ''
  for (let i = 0; i < 12; i++) r += Math.floor(Math.random() * 36).toString(36)
  return `${prefix}-${Date.now().toString(36)}-${r}`
}

// ---- The household form shared by the self-check and the application ----

export type MemberRow = { key: string; relation: Relation; income: string }
export type EventForm = { on: boolean; kind: EventKind; date: string; drop: string; expense: string }
export type HouseholdForm = { rows: MemberRow[]; conditions: Condition[]; event: EventForm }

let rowSeq = 0
export const newRow = (relation: Relation, income = ''): MemberRow => ({ key: `r${++rowSeq}`, relation, income })

/** Today in Beijing time as YYYY-MM-DD. */
export function todayBeijing(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export const emptyForm = (): HouseholdForm => ({
  rows: [newRow('self')],
  conditions: [],
  event: { on: false, kind: 'accident', date: todayBeijing(), drop: '', expense: '' },
})

/** Field errors keyed like the server's (`household.1.monthlyIncomeFen`, `event.date`), so both show in one place. */
export type FieldErrors = Record<string, string>

/** Checks the form and builds the contract input; the server checks again and decides. */
export function buildHousehold(form: HouseholdForm): { input: HouseholdInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const household: HouseholdInput['household'] = []
  form.rows.forEach((r, i) => {
    const p = parseYuan(r.income, { maxFen: MAX_INCOME_FEN, empty: '请填写月收入，没有收入请填0' })
    if (p.ok) household.push({ relation: r.relation, monthlyIncomeFen: p.fen })
    else errors[`household.${i}.monthlyIncomeFen`] = p.error
  })
  if (form.rows.filter((r) => r.relation === 'self').length !== 1) errors.household = '家庭成员中应有且只有一位“本人”'
  if (form.rows.length > MAX_HOUSEHOLD) errors.household = `家庭成员不能超过${MAX_HOUSEHOLD}人`
  const conditions = CONDITIONS.filter((c) => form.conditions.includes(c))
  let event: HouseholdInput['event']
  if (form.event.on) {
    const e = form.event
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) errors['event.date'] = '请选择事件发生日期'
    else if (e.date > todayBeijing()) errors['event.date'] = '事件日期不能晚于今天'
    event = { kind: e.kind, date: e.date }
    if (e.drop.trim()) {
      const p = parseYuan(e.drop, { maxFen: MAX_INCOME_FEN })
      if (p.ok) event.incomeDropFen = p.fen
      else errors['event.incomeDropFen'] = p.error
    }
    if (e.expense.trim()) {
      const p = parseYuan(e.expense, { maxFen: MAX_EXPENSE_FEN })
      if (p.ok) event.extraExpenseFen = p.fen
      else errors['event.extraExpenseFen'] = p.error
    }
  }
  if (Object.keys(errors).length) return { input: null, errors }
  return { input: { household, conditions, ...(event ? { event } : {}) }, errors }
}

/** The form again from a stored input (e.g. to show what was applied with). */
export function formFromInput(input: HouseholdInput): HouseholdForm {
  const self = input.household.filter((m) => m.relation === 'self')
  const others = input.household.filter((m) => m.relation !== 'self')
  return {
    rows: [...self, ...others].map((m) => newRow(m.relation, fenToInput(m.monthlyIncomeFen))),
    conditions: [...input.conditions],
    event: input.event
      ? { on: true, kind: input.event.kind, date: input.event.date, drop: input.event.incomeDropFen !== undefined ? fenToInput(input.event.incomeDropFen) : '', expense: input.event.extraExpenseFen !== undefined ? fenToInput(input.event.extraExpenseFen) : '' }
      : emptyForm().event,
  }
}

// The self-check hands its form to the application page in memory only: incomes never go into a URL
// or into storage. The draft stays until the application is filed (or the app is closed), so a member
// sent to sign in on H5 (the login page relaunches the home page) finds the numbers again.
let draft: HouseholdForm | null = null
const copy = (f: HouseholdForm) => JSON.parse(JSON.stringify(f)) as HouseholdForm
export function setDraft(form: HouseholdForm): void {
  draft = copy(form)
}
/** A copy of the pending draft, if any; it stays pending. */
export function peekDraft(): HouseholdForm | null {
  return draft ? copy(draft) : null
}
export function clearDraft(): void {
  draft = null
}
/** The pending draft, removed. */
export function takeDraft(): HouseholdForm | null {
  const d = peekDraft()
  draft = null
  return d
}

export const relationLabel = (r: Relation) => RELATION_LABELS[r]

// ---- Wording ----

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['medical', 'income', 'disability', 'school', 'accident', 'other']
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  medical: '医疗票据/诊断证明',
  income: '收入证明',
  disability: '残疾证',
  school: '入学/学费证明',
  accident: '事故/工伤证明',
  other: '其他材料',
}

export const PROGRAMME_KIND_LABELS: Record<Programme['kind'], string> = { cash: '现金', in_kind: '实物', checkout: '商城结算抵扣' }

/** "每年 11、12、1、2 月" (in the policy's order, so a winter season reads naturally) or "全年可申请". */
export function seasonText(months: number[] | null): string {
  if (!months || !months.length || months.length >= 12) return '全年可申请'
  return `每年 ${months.join('、')} 月`
}

const pad = (n: number) => String(n).padStart(2, '0')
/** "2026年12月01日 09:00" in the phone's time zone (members are in China). */
export function timeText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
export function dateText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日`
}

/** Shows a message the user must acknowledge. */
export const alertModal = (title: string, content: string) => Taro.showModal({ title, content, showCancel: false })

// Inputs for the contract-wide fuzz: a plausible request for any action, built from its schema, and the
// same request with one field at a time replaced by a classic bad value.
import crypto from 'node:crypto'
import { z } from 'zod'

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  prefixItems?: Schema[]
  additionalProperties?: boolean | Schema
  required?: string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  format?: string
  pattern?: string
  minLength?: number
  minimum?: number
  exclusiveMinimum?: number
  minItems?: number
}

/** Strings tried in turn for a field with a pattern; the first that matches is the plausible value. */
const CANDIDATES = [
  '2026-06-01',
  '09:00',
  'ABCD2345',
  '2026-06-01T09:00:00+08:00',
  '110105',
  `req-${crypto.randomBytes(8).toString('hex')}`,
  '13800138000',
  '110105199003071234',
  'abc',
  'A1',
  '张建国',
  '1',
  'https://example.cn/a.png',
]

function sampleString(s: Schema): string {
  if (s.format === 'uuid') return crypto.randomUUID()
  if (s.format === 'date-time') return '2026-06-01T09:00:00+08:00'
  if (s.format === 'date') return '2026-06-01'
  if (s.format === 'uri') return 'https://example.cn/a.png'
  if (s.format === 'email') return 'a@example.cn'
  if (s.pattern) {
    const re = new RegExp(s.pattern)
    return CANDIDATES.find((c) => re.test(c)) ?? 'abc'
  }
  return '测试内容'.repeat(Math.max(1, Math.ceil((s.minLength ?? 1) / 4)))
}

/** Plausible values by field name, for fields whose schema says too little (refinements, row ids). */
export type Hints = Record<string, unknown>
const NAME_HINTS: Hints = { phone: '13800138000', contact: '13800138000', idNumber: '11010519491231002X', name: '张建国', endsAt: '2026-06-30T18:00:00+08:00' }

/** A value the schema plausibly accepts (refinements aside): every property present, one array item. */
export function sample(s: Schema, hints: Hints = {}, depth = 0): unknown {
  if (depth > 8) return null
  if (s.const !== undefined) return s.const
  if (s.enum) return s.enum[0]
  const alt = s.anyOf ?? s.oneOf
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], hints, depth + 1)
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sample(a, hints, depth + 1)))
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => {
          const hint = hints[k] ?? NAME_HINTS[k]
          return [k, hint !== undefined && v.type === 'string' ? hint : sample(v, hints, depth + 1)]
        }),
      )
    case 'array':
      if (s.prefixItems) return s.prefixItems.map((p) => sample(p, hints, depth + 1))
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => (s.items ? sample(s.items, hints, depth + 1) : null))
    case 'string':
      return sampleString(s)
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1)
    case 'boolean':
      return false
    default:
      return null
  }
}

/** The classic bad values: text databases cannot store, impossible dates and times, wrong types, extremes. */
export const BAD_VALUES: unknown[] = [
  'a\u0000b',
  '\ud800x',
  'x\udfff',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+08:00',
  '',
  '   ',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'x'.repeat(100_000),
  -1,
  0,
  1.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  null,
  [],
  {},
  Array.from({ length: 2_000 }, () => 'x'),
]

/** Every path to a leaf (and to each object or array itself) in a sampled value. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : []
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}

/** A copy of `value` with the field at `path` replaced, as the request would arrive over JSON. */
export function replaced(value: unknown, path: (string | number)[], bad: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>
  let cur = copy
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>
  cur[path[path.length - 1]] = bad
  return JSON.parse(JSON.stringify(copy))
}

export function inputSchemaOf(schema: z.ZodType): Schema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema
}

/** The top-level keys a request may leave out. */
export function optionalKeys(s: Schema): string[] {
  return Object.keys(s.properties ?? {}).filter((k) => !(s.required ?? []).includes(k))
}

/**
 * Drops optional top-level fields that a check refuses (the schema's own, or the service's: a sampled
 * paging cursor is never valid), so that the remaining request reaches the code behind the checks.
 */
export async function plausible(schema: z.ZodType, hints: Hints, answer: (data: unknown) => Promise<{ fields?: Record<string, string> } | null>): Promise<Record<string, unknown> | unknown> {
  const json = inputSchemaOf(schema)
  const base = sample(json, hints)
  if (!base || typeof base !== 'object' || Array.isArray(base)) return base
  const data = { ...(base as Record<string, unknown>) }
  const optional = new Set(optionalKeys(json))
  for (let round = 0; round < 4; round++) {
    const parsed = schema.safeParse(data)
    const refused = parsed.success ? Object.keys((await answer(data))?.fields ?? {}) : parsed.error.issues.map((i) => String(i.path[0] ?? ''))
    const drop = [...new Set(refused.map((k) => k.split('.')[0]))].filter((k) => optional.has(k) && k in data)
    if (!drop.length) break
    for (const k of drop) delete data[k]
  }
  return data
}

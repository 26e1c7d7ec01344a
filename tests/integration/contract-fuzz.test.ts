// Every action of the contract, enumerated from it (a new action is covered automatically), sent a
// plausible request and then that request with each field replaced by a classic bad value, as every role
// that may call it. Nothing may answer 5xx, leave the envelope, or show SQL or a stack trace.
import type { z } from 'zod'
import { contract } from '../../types/contract'
import { ERROR_STATUS } from '../../types/common'
import { functions } from '../../cloud/functions'
import type { Identity } from '../../cloud/platform/handler'
import { backends, call, login, ok, startTestApp, type TestApp } from '../support/app'
import { admin, cardHolder, staff, station, unionTree } from '../support/fixtures'
import { buy, newProduct } from '../support/shop'
import { application, filedHousehold } from '../support/subsidy'
import { BAD_VALUES, inputSchemaOf, optionalKeys, paths, plausible, replaced, type Hints } from '../support/fuzz'

type Role = 'anonymous' | 'member' | 'staff' | 'admin'
const WHO: Record<Exclude<Role, 'anonymous'>, string> = { member: 'fuzz-member', staff: 'fuzz-staff', admin: 'fuzz-admin' }
/** Who exercises an action's code paths beyond the access check. */
const CALLERS: Record<string, Role[]> = { public: ['anonymous', 'member'], user: ['member'], staff: ['staff', 'admin'], admin: ['admin'] }
/** Whole bodies that are not a request of any action's shape. */
const BAD_DATA: unknown[] = [null, [], 'x', 5, true, nested(200), Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i]))]
const LEAK = /\n\s+at |\bselect\b.+\bfrom\b|\binsert into\b|\bupdate\b.+\bset\b|syntax error|violates|relation "|column "|pg_|SQLSTATE/i

function nested(depth: number): unknown {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

describe.each(backends())('the whole contract on %s', (backend) => {
  let t: TestApp
  const ids: Record<Role, Identity> = { anonymous: {}, member: {}, staff: {}, admin: {} }
  const hints: Hints = {}
  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    const unions = await unionTree(t)
    const holder = await cardHolder(t, WHO.member, { union: '110105001001' })
    const member = await login(t, WHO.member)
    const staffToken = await staff(t, WHO.staff, '110105001')
    ids.member = { token: member }
    ids.staff = { token: staffToken }
    ids.admin = { token: await admin(t, WHO.admin) }
    // Real rows, so that requests get past "not found" into the code behind it.
    const productId = await newProduct(t, 100)
    const now = Date.now()
    const campaign = { kind: 'activity', title: '建外读书会', body: '每周六下午在职工之家读书分享。', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 86400_000).toISOString(), action: 'signup' }
    Object.assign(hints, {
      unionId: unions['110105001'],
      productId,
      stationId: await station(t, { union: '110105001' }),
      orderId: (await buy(t, member, productId)).orderId,
      applicationId: (await ok(call(t, 'subsidy', 'apply', application(), member))).applicationId,
      fileId: await filedHousehold(t, holder, { household: [{ relation: 'self', monthlyIncomeFen: 100000 }], conditions: ['serious_illness'] }),
      campaignId: (await ok(call(t, 'campaign', 'save', campaign, staffToken))).id,
    })
  }, 60_000)
  afterAll(() => t?.close())

  const actions = Object.entries(contract).flatMap(([fn, acts]) => Object.keys(acts).map((action) => [fn, action] as const))

  it.each(actions)('should answer %s.%s with a coded envelope whatever the input, for every role', async (fn, action) => {
    const f = functions[fn as keyof typeof functions]
    const access = f.access[action]
    expect(access).toBeDefined()
    const schema = (contract as unknown as Record<string, Record<string, { input: z.ZodType }>>)[fn][action].input
    const requests: { role: Role; data: unknown; what: string }[] = []
    for (const role of ['anonymous', 'member', 'staff', 'admin'] as Role[]) BAD_DATA.forEach((data, i) => requests.push({ role, data, what: `body #${i}` }))
    for (const role of CALLERS[access]) {
      const base = await plausible(schema, hints, async (data) => {
        const r = await f.handle(t.app, { action, data }, ids[role])
        return r.body.ok ? null : r.body.error
      })
      requests.push({ role, data: base, what: 'plausible' })
      // Each field of the plausible request replaced, and each optional field it left out added, with every bad value.
      const keys = base && typeof base === 'object' ? Object.keys(base) : []
      const fields = [...paths(base), ...optionalKeys(inputSchemaOf(schema)).filter((k) => !keys.includes(k)).map((k) => [k])]
      for (const p of fields) BAD_VALUES.forEach((bad, i) => requests.push({ role, data: replaced(base ?? {}, p, bad), what: `${p.join('.')} = bad #${i}` }))
    }

    const problems: string[] = []
    for (const r of requests) {
      const reply = await f.handle(t.app, { action, data: r.data }, ids[r.role])
      const body = reply.body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
      const enveloped =
        body && (body.ok === true ? 'data' in body : body.ok === false && typeof body.error?.code === 'string' && body.error.code in ERROR_STATUS && typeof body.error.message === 'string')
      const text = JSON.stringify(body) ?? ''
      if (reply.status >= 500 || !enveloped || (body.ok === false && LEAK.test(String(body.error?.message))))
        problems.push(`${r.role} ${r.what}: ${reply.status} ${text.slice(0, 200)}`)
    }
    expect(problems.slice(0, 20)).toEqual([])
  }, 120_000)
})

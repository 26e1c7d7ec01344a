// Every action of the contract, enumerated from it (a new action is covered automatically), sent a
// plausible request and then that request with each field replaced by a classic bad value, as every role
// that may call it. Nothing may answer 5xx, leave the envelope, or show SQL or a stack trace.
import type { z } from 'zod'
import { contract } from '../../types/contract'
import { ERROR_STATUS } from '../../types/common'
import { functions } from '../../cloud/functions'
import type { Identity } from '../../cloud/platform/handler'
import { backends, login, startTestApp, type TestApp } from '../support/app'
import { BAD_VALUES, inputSchemaOf, optionalKeys, paths, plausible, replaced, type Hints } from '../support/fuzz'

type Role = 'anonymous' | 'member' | 'staff' | 'admin'
const WHO: Record<Exclude<Role, 'anonymous'>, string> = { member: 'demo-member', staff: 'demo-staff', admin: 'demo-admin' }
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
    t = await startTestApp(backend)
    for (const [role, openid] of Object.entries(WHO)) ids[role as Role] = { token: await login(t, openid) }
    // Real rows, so that requests get past "not found" into the code behind it.
    const one = async (sql: string) => (await t.app.db.query<{ id: string }>(sql))[0]?.id
    Object.assign(hints, {
      unionId: await one(`select sa.union_id as id from staff_assignments sa join users u on u.id = sa.user_id where u.openid = 'demo-staff'`),
      productId: await one('select id from products order by name limit 1'),
      stationId: await one('select id from stations order by name limit 1'),
      orderId: await one(`select o.id from orders o join users u on u.id = o.user_id where u.openid = 'demo-member' limit 1`),
      applicationId: await one('select id from subsidy_applications limit 1'),
      fileId: await one('select id from subsidy_files limit 1'),
      campaignId: await one('select id from campaigns limit 1'),
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

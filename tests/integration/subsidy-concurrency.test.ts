// Subsidy payments under many concurrent callers, on the PostgreSQL server: never twice, never past a cap,
// never below zero in a budget.
import crypto from 'node:crypto'
import { call, login, startTestApp, type TestApp } from '../support/app'
import { newProduct, rid } from '../support/shop'
import { budget, filedHousehold } from '../support/subsidy'
import { staff, unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('subsidy payments under concurrency on postgres', () => {
  let t: TestApp
  let street: string
  const clock = new Date('2026-12-10T02:00:00Z') // winter send-warmth season
  const one = async <T>(sql: string, params: unknown[] = []) => (await t.app.db.query<T>(sql, params))[0]

  /** A deep-difficulty file for a new member of a Jianwai company union. */
  async function newFile(i: number): Promise<string> {
    const [u] = await t.app.db.query<{ id: string }>('insert into users (openid) values ($1) returning id', [`conc-${i}-${crypto.randomBytes(3).toString('hex')}`])
    const [m] = await t.app.db.query<{ id: string }>(
      `insert into members (user_id, name, id_hash, id_enc, id_masked, phone_hash, phone_enc, phone_masked, occupation)
       values ($1, '并发测试', $2, 'x', 'x', 'x', 'x', 'x', 'courier') returning id`,
      [u.id, crypto.randomBytes(16).toString('hex')],
    )
    const union = await one<{ id: string }>(`select id from unions where code = '110105001003'`)
    return filedHousehold(t, { memberId: m.id, unionId: union.id }, { household: [{ relation: 'self', monthlyIncomeFen: 100000 }], conditions: ['serious_illness'] })
  }

  beforeAll(async () => {
    t = await startTestApp('postgres', { now: () => clock, demo: false })
    await unionTree(t)
    street = await staff(t, 'street-staff', '110105001')
    await budget(t, '110105001', 'winter_warmth', 5_000_000)
    await budget(t, '110105001', 'comfort_serious', 3_000_000)
    await budget(t, '110105001', 'relief_purchase', 1_000_000)
  }, 60_000)
  afterAll(() => t?.close())

  it('should record one payment when 40 clerks pay the same household at once with different request ids', async () => {
    const fileId = await newFile(0)
    const results = await Promise.all(Array.from({ length: 40 }, () => call(t, 'subsidy', 'disburse', { requestId: rid(), fileId, programme: 'winter_warmth' }, street)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.body.ok).every((r) => (r.body as any).error.code === 'QUOTA_FULL')).toBe(true)
    expect(await one('select count(*)::int as n, sum(amount_fen)::int as s from subsidy_payments where file_id = $1', [fileId])).toEqual({ n: 1, s: 100000 })
  }, 60_000)

  it('should answer 20 replays of one request with the same single payment', async () => {
    const fileId = await newFile(1)
    const req = { requestId: rid(), fileId, programme: 'comfort_serious', amountFen: 50000 }
    const results = await Promise.all(Array.from({ length: 20 }, () => call(t, 'subsidy', 'disburse', req, street)))
    expect(results.every((r) => r.body.ok)).toBe(true)
    expect(new Set(results.map((r) => (r.body as any).data.paymentId)).size).toBe(1)
    expect(results.filter((r) => (r.body as any).data.duplicate === false)).toHaveLength(1)
    expect(await one('select count(*)::int as n from subsidy_payments where file_id = $1', [fileId])).toEqual({ n: 1 })
  }, 60_000)

  it('should pay exactly what the budget holds when 60 households are paid at once, and never overdraw it', async () => {
    const jianwai = await one<{ id: string }>(`select id from unions where code = '110105001'`)
    // 25 payments of 1,000 yuan fit; the budget is reset to what was spent plus exactly that.
    const b = await one<{ spent_fen: number }>(`select spent_fen from subsidy_budgets where union_id = $1 and programme = 'winter_warmth' and year = 2026`, [jianwai.id])
    await t.app.db.query(`update subsidy_budgets set total_fen = $2 where union_id = $1 and programme = 'winter_warmth' and year = 2026`, [jianwai.id, b.spent_fen + 25 * 100000])
    const files = await Promise.all(Array.from({ length: 60 }, (_, i) => newFile(100 + i)))
    const results = await Promise.all(files.map((fileId) => call(t, 'subsidy', 'disburse', { requestId: rid(), fileId, programme: 'winter_warmth' }, street)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(25)
    expect(results.filter((r) => !r.body.ok).every((r) => (r.body as any).error.code === 'BUDGET_EXHAUSTED')).toBe(true)
    const after = await one<{ total_fen: number; spent_fen: number }>(`select total_fen, spent_fen from subsidy_budgets where union_id = $1 and programme = 'winter_warmth' and year = 2026`, [jianwai.id])
    expect(after.spent_fen).toBe(after.total_fen)
    const paid = await one<{ s: number }>(`select coalesce(sum(amount_fen), 0)::bigint as s from subsidy_payments where file_id = any($1::uuid[])`, [files])
    expect(paid.s).toBe(25 * 100000)
  }, 120_000)

  it('should never let a member spend the checkout subsidy twice with concurrent orders', async () => {
    // A member whose file allows 500 yuan a year buys 12 relief orders at once; the sum of subsidies stays within the cap.
    const fileId = await newFile(999)
    const [{ user_id: userId }] = await t.app.db.query<{ user_id: string }>('select m.user_id from subsidy_files f join members m on m.id = f.member_id where f.id = $1', [fileId])
    const [{ openid }] = await t.app.db.query<{ openid: string }>('select openid from users where id = $1', [userId])
    const buyer = await login(t, openid)
    const p = { id: await newProduct(t, 500, '110000', 12_800) }
    const delivery = { type: 'address', name: '测试', phone: '13800000000', region: '北京市朝阳区', detail: '建国路1号院' }
    const results = await Promise.all(Array.from({ length: 12 }, () => call(t, 'shop', 'createOrder', { requestId: rid(), items: [{ productId: p.id, qty: 1 }], delivery, reliefSubsidy: true }, buyer)))
    const placed = results.filter((r) => r.body.ok).map((r) => (r.body as any).data)
    const total = placed.reduce((s, o) => s + o.subsidyFen, 0)
    // Each order may take half of at least 100 yuan, so 12 orders ask for more than the cap: it is used exactly.
    expect(total).toBe(50000)
    const refused = results.filter((r) => !r.body.ok)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((r) => (r.body as any).error.code === 'NOT_ELIGIBLE')).toBe(true)
    const [ledger] = await t.app.db.query<{ s: number }>(`select coalesce(sum(amount_fen), 0)::bigint as s from subsidy_payments where file_id = $1 and status = 'paid'`, [fileId])
    expect(ledger.s).toBe(total)
  }, 60_000)
})

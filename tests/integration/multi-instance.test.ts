// Three gateway processes on one PostgreSQL database with the same secrets, as behind a load balancer:
// the concurrency promises hold across them (stock, payment notifications, quotas), a session made on one
// works on the others, and each job runs once per schedule whichever instance ticks first.
import { makeIdNumber } from '../../cloud/demo/people'
import { openPostgres } from '../../cloud/db'
import { pool, startTestApp, testSecrets, type TestApp } from '../support/app'
import { startGateways, type Gateways } from '../support/gateways'
import { address, auditCount, newProduct, rid, sim, stockOf, withheld } from '../support/shop'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

async function api(url: string, fn: string, action: string, data: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  })
  return { status: res.status, body: await res.json() }
}

onServer('three gateways on one database', () => {
  let t: TestApp
  let g: Gateways
  const at = (i: number) => g.urls[i % g.urls.length]
  const login = async (i: number, openid: string) => (await api(at(i), 'auth', 'login', { code: `dev:${openid}` })).body.data.token as string

  beforeAll(async () => {
    t = await startTestApp('postgres')
    g = await startGateways(3, t.databaseUrl!, t.secrets)
  }, 180_000)
  afterAll(async () => {
    await g?.stop()
    await t?.close()
  })

  it('should accept a session made on one gateway on every other', async () => {
    const token = await login(0, 'demo-member')
    const seen = await Promise.all(g.urls.map(async (url) => (await api(url, 'auth', 'me', {}, token)).body.data?.openid))
    expect(seen).toEqual(['demo-member', 'demo-member', 'demo-member'])
  })

  it('should sell exactly 50 units to 1,000 buyers spread over the three', async () => {
    const pid = await newProduct(t, 50)
    const tokens = await pool(Array.from({ length: 1000 }, (_, i) => () => login(i, `mi-crowd-${i}`)), 60)
    const results = await Promise.all(tokens.map((tok, i) => api(at(i), 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, tok)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(50)
    expect(results.filter((r) => !r.body.ok).every((r) => r.body.error.code === 'OUT_OF_STOCK')).toBe(true)
    expect(await stockOf(t, pid)).toBe(0)
  }, 180_000)

  it('should change an order once when its notification reaches all three at once', async () => {
    const pid = await newProduct(t, 5)
    const tok = await login(0, 'mi-payer')
    const order = (await api(at(1), 'shop', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 1 }], delivery: address }, tok)).body.data
    const p = (await api(at(2), 'shop', 'pay', { orderId: order.orderId }, tok)).body.data
    // Signed with the simulator's keys, which every instance reads from the database.
    const n = await withheld(t, () => sim(t).payAndNotify(p.outTradeNo))
    const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${at(i)}/pay/notify`, { method: 'POST', headers: n.headers, body: n.body }).then((r) => r.status)))
    expect(new Set(codes)).toEqual(new Set([204]))
    expect(await auditCount(t, order.orderId, 'order.paid')).toBe(1)
  }, 60_000)

  it('should hand out exactly a quota of 30 when 120 members claim through all three', async () => {
    const staff = await login(0, 'demo-staff')
    const [station] = await t.app.db.query<{ id: string }>(`select s.id from stations s join unions u on u.id = s.union_id where u.code = '110105001' and s.status = 'active' limit 1`)
    const [union] = await t.app.db.query<{ id: string }>(`select id from unions where code = '110105001003'`)
    const now = Date.now()
    const form = { kind: 'send_coolness', title: '送清凉：防暑降温包', body: '高温季节为户外劳动者准备防暑降温包，数量有限。', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 86400_000).toISOString(), action: 'claim', quota: 30, stationId: station.id }
    const { id } = (await api(at(1), 'campaign', 'save', form, staff)).body.data
    expect((await api(at(2), 'campaign', 'publish', { id }, staff)).body.ok).toBe(true)
    const tokens = await pool(
      Array.from({ length: 120 }, (_, i) => async () => {
        const tok = await login(i, `mi-claimer-${i}`)
        const r = await api(at(i + 1), 'member', 'register', { name: '抢领测试', idNumber: makeIdNumber('110105', '19900606', i), phone: '13500000000', unionId: union.id, occupation: 'courier' }, tok)
        if (!r.body.ok) throw new Error(JSON.stringify(r.body))
        return tok
      }),
      20,
    )
    // Everyone taps twice, the second tap on another gateway: a winner's second tap answers the same code.
    const results = await Promise.all([...tokens, ...tokens].map((tok, i) => api(at(i), 'campaign', 'join', { id }, tok)))
    expect(new Set(results.filter((r) => r.body.ok).map((r) => r.body.data.code)).size).toBe(30)
    expect(results.filter((r) => !r.body.ok).every((r) => r.body.error.code === 'QUOTA_FULL')).toBe(true)
    const [row] = await t.app.db.query<{ taken: number; joins: number }>('select taken, (select count(*)::int from campaign_joins where campaign_id = $1) as joins from campaigns where id = $1', [id])
    expect(row).toEqual({ taken: 30, joins: 30 })
  }, 180_000)

  it('should run each job once per schedule slot, whichever instance ticks first', async () => {
    // Each gateway ticks a second after it starts and every minute after: wait until all three have ticked.
    const ticked = async () =>
      (await Promise.all(g.urls.map(async (url) => /wu_job_runs_total\{job="shop\.expireUnpaid",status="(ran|skipped)"\} [1-9]/.test(await (await fetch(`${url}/metrics`)).text())))).every(Boolean)
    for (let i = 0; i < 50 && !(await ticked()); i++) await new Promise((r) => setTimeout(r, 200))
    const runs = await t.app.db.query<{ job: string; slots: number; attempts: number }>('select job, count(*)::int as slots, max(attempts)::int as attempts from job_runs group by job order by job')
    expect(runs.map((r) => r.job)).toEqual(expect.arrayContaining(['shop.expireUnpaid', 'shop.reconcilePayments', 'subsidy.monitorFiles']))
    expect(runs.every((r) => r.attempts === 1)).toBe(true)
    // What the instances report: for every job, "ran" once per slot in total, the others "skipped".
    const texts = await Promise.all(g.urls.map(async (url) => (await fetch(`${url}/metrics`)).text()))
    for (const r of runs) {
      const ran = texts.map((text) => Number(new RegExp(`wu_job_runs_total\\{job="${r.job.replace('.', '\\.')}",status="ran"\\} (\\d+)`).exec(text)?.[1] ?? 0))
      expect({ job: r.job, ran: ran.reduce((a, b) => a + b, 0) }).toEqual({ job: r.job, ran: r.slots })
    }
    // Each instance reports its own pool (DB_POOL_MAX, 10 by default).
    for (const text of texts) expect(Number(/wu_db_pool_connections\{state="total"\} (\d+)/.exec(text)?.[1])).toBeGreaterThan(0)
    // And the slots were contended: the six-hourly job's one slot was ticked by all three, run by one.
    const monitor = texts.map((text) => Number(/wu_job_runs_total\{job="subsidy\.monitorFiles",status="skipped"\} (\d+)/.exec(text)?.[1] ?? 0))
    expect(monitor.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2)
  })
})

onServer('six gateways started at once on an empty database', () => {
  it('should all come up, the schema migrated once and the demo loaded once', async () => {
    const base = process.env.DATABASE_URL!
    const name = `wu_test_six_${process.pid}_${Date.now().toString(36)}`
    const admin = await openPostgres(base, 1)
    await admin.query(`create database ${name}`)
    const url = new URL(base)
    url.pathname = `/${name}`
    let six: Gateways | undefined
    try {
      six = await startGateways(6, url.toString(), testSecrets())
      const ready = await Promise.all(six.urls.map(async (u) => (await fetch(`${u}/readyz`)).status))
      expect(ready).toEqual([200, 200, 200, 200, 200, 200])
      const db = await openPostgres(url.toString(), 1)
      const [m] = await db.query<{ applied: number; distinct: number }>('select count(*)::int as applied, count(distinct name)::int as distinct from schema_migrations')
      const [d] = await db.query<{ admins: number }>(`select count(*)::int as admins from users where openid = 'demo-admin'`)
      await db.close()
      expect(m.applied).toBe(m.distinct)
      expect(d.admins).toBe(1)
    } finally {
      await six?.stop()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.close()
    }
  }, 240_000)
})

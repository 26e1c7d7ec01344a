// The built `jobs` function on its timer trigger, and the job entry it shares with the gateway:
// each job runs once per period slot however many timers fire, and only the platform's timer may call it.
import { JOBS } from '../../cloud/functions/jobs/schedule'
import { runDueJobs, slotOf, type Job } from '../../cloud/platform/jobs'
import { builtFunctions, callAs, cloudDatabase, startInstance, timerEvent, type CloudDb, type Instance } from '../support/cloudbase'
import { address, newProduct, rid, stockOf } from '../support/shop'
import { adminUser, unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('jobs function on its timer trigger', () => {
  let root: string
  let cdb: CloudDb
  let jobs: Instance
  let jobs2: Instance
  let shop: Instance

  beforeAll(async () => {
    root = await builtFunctions()
    cdb = await cloudDatabase({ demo: false })
    await unionTree(cdb)
    await adminUser(cdb, 'cloud-admin')
    jobs = startInstance(`${root}/jobs`, cdb.env)
    jobs2 = startInstance(`${root}/jobs`, cdb.env)
    shop = startInstance(`${root}/shop`, cdb.env)
    // Warm both instances, so the concurrent ticks below really overlap.
    await Promise.all([jobs.invoke(timerEvent()), jobs2.invoke(timerEvent())])
  }, 180_000)
  afterAll(async () => {
    await Promise.all([jobs, jobs2, shop].map((i) => i?.close()))
    await cdb?.close()
  })
  // Each test starts with no slot claimed.
  beforeEach(() => cdb.app.db.query('delete from job_runs'))
  afterEach(() => {
    for (const i of [jobs, jobs2, shop]) expect(i.crashes).toEqual([])
  })

  const ran = (answer: any, job: string) => answer.data.jobs.find((j: any) => j.job === job)

  it('should cancel an abandoned order and return its stock when the timer fires after its deadline', async () => {
    const pid = await newProduct(cdb, 5)
    const order = await callAs(shop, 'cloud-member', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 3 }], delivery: address })
    const { orderId } = order.data
    expect(await stockOf(cdb, pid)).toBe(2)
    await cdb.app.db.query(`update orders set pay_deadline = now() - interval '1 minute' where id = $1`, [orderId])
    const answer = await jobs.invoke(timerEvent())
    expect(answer.ok).toBe(true)
    expect(ran(answer, 'shop.expireUnpaid')).toMatchObject({ status: 'ran', attempt: 1, result: expect.any(Number) })
    expect(ran(answer, 'shop.expireUnpaid').result).toBeGreaterThanOrEqual(1)
    const [o] = await cdb.app.db.query<{ status: string }>('select status from orders where id = $1', [orderId])
    expect(o.status).toBe('CANCELLED')
    expect(await stockOf(cdb, pid)).toBe(5)
  })

  it('should run each job once per slot when the timer fires twice at once in two instances, again later, and in the gateway', async () => {
    const at = new Date()
    const first = await Promise.all([jobs.invoke(timerEvent(at)), jobs2.invoke(timerEvent(at))])
    const again = await Promise.all([jobs.invoke(timerEvent(at)), jobs2.invoke(timerEvent(at))])
    for (const job of JOBS) {
      const statuses = [...first, ...again].map((a) => ran(a, job.name).status)
      expect({ job: job.name, ran: statuses.filter((s) => s === 'ran').length }).toEqual({ job: job.name, ran: 1 })
      expect(statuses.filter((s) => s === 'skipped')).toHaveLength(3)
    }
    // The gateway's timer runs the same entry on the same slots: nothing is left for it.
    expect((await runDueJobs(cdb.app, JOBS, at)).map((o) => o.status)).toEqual(JOBS.map(() => 'skipped'))
    const rows = await cdb.app.db.query<{ job: string; slot: Date; attempts: number; finished: boolean; error: string | null }>(
      'select job, slot, attempts, finished_at is not null as finished, error from job_runs order by job',
    )
    expect(rows).toEqual(
      JOBS.map((j) => ({ job: j.name, slot: slotOf(at, j.everyMinutes), attempts: 1, finished: true, error: null })).sort((a, b) => a.job.localeCompare(b.job)),
    )
  })

  it('should refuse the call with FORBIDDEN when a mini-program user (an OPENID) calls the jobs function', async () => {
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } }
    expect(await jobs.invoke(timerEvent(), { env: { WX_OPENID: 'cloud-admin' } })).toMatchObject(forbidden)
    expect(await jobs.invoke(timerEvent(), { context: { OPENID: 'cloud-member' } })).toMatchObject(forbidden)
    expect(await callAs(jobs, 'cloud-member', 'expireUnpaid')).toMatchObject(forbidden)
    // Without an OPENID, only a timer event runs anything.
    expect(await jobs.invoke({ action: 'run' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(await cdb.app.db.query('select 1 from job_runs')).toHaveLength(0)
  })

  it('should retry a failed slot on the next tick within the slot, and not after it succeeded, when a job throws once', async () => {
    let calls = 0
    const flaky: Job = {
      name: 'test.flaky',
      everyMinutes: 60,
      run: async () => {
        if (++calls === 1) throw new Error('reconciliation provider timed out')
        return { calls }
      },
    }
    const at = new Date()
    expect(await runDueJobs(cdb.app, [flaky], at)).toEqual([{ job: 'test.flaky', slot: slotOf(at, 60).toISOString(), status: 'failed', attempt: 1, error: 'reconciliation provider timed out' }])
    expect(await runDueJobs(cdb.app, [flaky], at)).toMatchObject([{ status: 'ran', attempt: 2, result: { calls: 2 } }])
    expect(await runDueJobs(cdb.app, [flaky], at)).toMatchObject([{ status: 'skipped' }])
    const [row] = await cdb.app.db.query<{ attempts: number; error: string | null; result: unknown }>('select attempts, error, result from job_runs where job = $1', ['test.flaky'])
    expect(row).toEqual({ attempts: 2, error: null, result: { calls: 2 } })
    // The next slot runs again.
    expect(await runDueJobs(cdb.app, [flaky], new Date(slotOf(at, 60).getTime() + 60 * 60_000))).toMatchObject([{ status: 'ran', attempt: 1 }])
  })
})

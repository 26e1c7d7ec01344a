// The built functions (dist-cloud) as CloudBase runs them: each in its own Node 20 process, called through
// main, on a fresh PostgreSQL database. Identity comes from the platform only.
import { buildGateway } from '../../cloud/gateway'
import { builtFunctions, callAs, cloudDatabase, httpEvent, startInstance, timerEvent, type CloudDb, type Instance } from '../support/cloudbase'
import { address, auditCount, newProduct, rid, stockOf } from '../support/shop'
import { adminUser, cardHolder, staffUser, station, unionTree } from '../support/fixtures'
import type { FastifyInstance } from 'fastify'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('built cloud functions on Node 20', () => {
  let root: string
  let cdb: CloudDb
  const started: Instance[] = []
  const instance = (name: string, env = cdb.env) => {
    const i = startInstance(`${root}/${name}`, env)
    started.push(i)
    return i
  }
  let shop: Instance

  beforeAll(async () => {
    root = await builtFunctions()
    cdb = await cloudDatabase({ demo: false })
    await unionTree(cdb)
    await cardHolder(cdb, 'cloud-member', { union: '110105001001', name: '李建国' })
    await cardHolder(cdb, 'cloud-care', { union: '110105001003', name: '何秀英' })
    await staffUser(cdb, 'cloud-staff', '110105001')
    await adminUser(cdb, 'cloud-admin')
    await station(cdb, { union: '110105001' })
    shop = instance('shop')
  }, 180_000)
  afterAll(async () => {
    await Promise.all(started.map((i) => i.close()))
    await cdb?.close()
  })
  afterEach(() => {
    for (const i of started) expect(i.crashes).toEqual([])
  })

  it('should load every built function and answer through main when each is called like CloudBase calls it', async () => {
    const calls: Record<string, (i: Instance) => Promise<any>> = {
      auth: (i) => callAs(i, null, 'login', { code: 'dev:cloud-visitor' }),
      union: (i) => callAs(i, 'cloud-member', 'list', {}),
      member: (i) => callAs(i, 'cloud-member', 'myCard'),
      station: (i) => callAs(i, 'cloud-rider', 'nearby', { lat: 39.9087, lng: 116.4605 }),
      shop: (i) => callAs(i, null, 'products', {}),
      campaign: (i) => callAs(i, 'cloud-member', 'feed', {}),
      subsidy: (i) => callAs(i, 'cloud-care', 'myApplications'),
      console: (i) => callAs(i, 'cloud-staff', 'dashboard', {}),
      admin: (i) => callAs(i, 'cloud-admin', 'staff', {}),
      // Without an OPENID and a timer event: the job entry runs.
      jobs: (i) => i.invoke(timerEvent()),
      // Unsigned: the notification entry starts and refuses it.
      payNotify: (i) => i.invoke(httpEvent('/pay/notify', { headers: { 'content-type': 'application/json' }, body: '{}' })),
    }
    const names = Object.keys(calls)
    const answers = await Promise.all(names.map((n) => calls[n](n === 'shop' ? shop : instance(n))))
    const byName = Object.fromEntries(names.map((n, k) => [n, answers[k]]))
    for (const n of names.filter((x) => x !== 'payNotify')) expect({ fn: n, ok: byName[n].ok }).toEqual({ fn: n, ok: true })
    expect(byName.member.data.name).toBe('李建国')
    expect(byName.auth.data.token).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(byName.payNotify).toMatchObject({ statusCode: 401, body: JSON.stringify({ code: 'FAIL', message: '签名验证失败' }) })
    for (const i of started) expect(i.nodeVersion).toMatch(/^v20\./)
  }, 60_000)

  it('should answer auth.me for the caller the platform names when WX_OPENID or the context carries an OPENID', async () => {
    const auth = instance('auth')
    const fromEnv = await callAs(auth, 'cloud-member', 'me')
    expect(fromEnv).toMatchObject({ ok: true, data: { roles: ['member'] } })
    const fromContext = await auth.invoke({ action: 'me', data: {} }, { context: { OPENID: 'cloud-staff' } })
    expect(fromContext).toMatchObject({ ok: true, data: { roles: ['staff'] } })
  })

  it('should answer UNAUTHENTICATED when the OPENID is missing, forged or only written into the event', async () => {
    const member = instance('member')
    const unauthenticated = { ok: false, error: { code: 'UNAUTHENTICATED' } }
    expect(await callAs(member, null, 'myCard')).toMatchObject(unauthenticated)
    for (const forged of ["cloud-member' or '1'='1", 'x'.repeat(65), '<script>', 'cloud member']) {
      expect(await callAs(member, forged, 'myCard')).toMatchObject(unauthenticated)
    }
    expect(await member.invoke({ action: 'myCard', data: {} }, { context: { OPENID: { $ne: null } } })).toMatchObject(unauthenticated)
    // CloudBase's event.userInfo and anything else in the body is the caller's own writing.
    const inBody = { action: 'myCard', data: { OPENID: 'cloud-member' }, userInfo: { openId: 'cloud-member' }, OPENID: 'cloud-member', openid: 'cloud-member' }
    expect(await member.invoke(inBody)).toMatchObject(unauthenticated)
    // A public action still answers an anonymous caller.
    expect(await callAs(shop, 'forged openid!', 'products', {})).toMatchObject({ ok: true })
  })

  describe('envelopes', () => {
    let gateway: FastifyInstance
    let url: string
    let token: string
    const post = async (fn: string, body: unknown, auth?: string) =>
      (await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) })).json()
    beforeAll(async () => {
      gateway = await buildGateway(cdb.app)
      url = await gateway.listen({ port: 0, host: '127.0.0.1' })
      token = (await post('auth', { action: 'login', data: { code: 'dev:cloud-member' } })).data.token
    })
    afterAll(() => gateway?.close())
    const viaGateway = (fn: string, body: unknown) => post(fn, body, token)

    it('should answer the same coded envelope as the gateway when the action is unknown or the data is bad', async () => {
      const requests = [
        { action: 'explode', data: {} },
        { action: 'createOrder', data: { requestId: 'short', items: [], delivery: { type: 'drone' } } },
        { action: 'myOrders', data: { limit: 'all' } },
        { data: {} },
        { action: 42 },
      ]
      const fromFunction = await Promise.all(requests.map((r) => shop.invoke(r, { env: { WX_OPENID: 'cloud-member' } })))
      const fromGateway = await Promise.all(requests.map((r) => viaGateway('shop', r)))
      expect(fromFunction).toEqual(fromGateway)
      expect(fromFunction.map((r) => r.error.code)).toEqual(['UNKNOWN_ACTION', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED'])
      expect(fromFunction[1].error.fields).toMatchObject({ requestId: expect.any(String), items: expect.any(String) })
      expect(JSON.stringify(fromFunction)).not.toMatch(/at .*\.js:\d+|select |insert /i)
    })
  })

  it('should pay the buyer\'s order once when the buyer confirms through shop.simulatePay, and refuse another member\'s order', async () => {
    const pid = await newProduct(cdb, 5)
    const order = await callAs(shop, 'cloud-member', 'createOrder', { requestId: rid(), items: [{ productId: pid, qty: 2 }], delivery: address })
    expect(order).toMatchObject({ ok: true, data: { status: 'PENDING_PAYMENT' } })
    const { orderId } = order.data
    expect(await callAs(shop, 'cloud-rider', 'simulatePay', { orderId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await callAs(shop, 'cloud-member', 'simulatePay', { orderId })).toEqual({ ok: true, data: { orderId, status: 'PAID' } })
    // A second confirmation (a double tap) answers the status again and changes nothing.
    expect(await callAs(shop, 'cloud-member', 'simulatePay', { orderId })).toEqual({ ok: true, data: { orderId, status: 'PAID' } })
    expect(await auditCount(cdb, orderId, 'order.paid')).toBe(1)
    expect(await stockOf(cdb, pid)).toBe(3)
    expect(await callAs(shop, null, 'simulatePay', { orderId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

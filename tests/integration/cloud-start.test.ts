// How a built function instance starts: a database that is down at the first call, a missing setting,
// and many instances starting at once on an empty database.
import net from 'node:net'
import path from 'node:path'
import { migrations } from '../../cloud/db/migrations'
import { freshPostgres, testSecrets } from '../support/app'
import { builtFunctions, callAs, cloudDatabase, httpEvent, snapshot, startInstance, timerEvent, type CloudDb, type Instance } from '../support/cloudbase'
import { newProduct } from '../support/shop'
import { unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

/** A local port nobody listens on (yet). */
async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1')
  await new Promise((r) => s.once('listening', r))
  const { port } = s.address() as net.AddressInfo
  await new Promise((r) => s.close(r))
  return port
}

/** A TCP proxy on `port` to the PostgreSQL server: the database "comes back". */
async function proxyTo(port: number, target: URL): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    client.pipe(upstream).pipe(client)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  server.listen(port, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  return server
}

onServer('function instance start', () => {
  let root: string
  let cdb: CloudDb
  const started: Instance[] = []
  const instance = (name: string, env: Record<string, string>) => {
    const i = startInstance(path.join(root, name), env)
    started.push(i)
    return i
  }

  beforeAll(async () => {
    root = await builtFunctions()
    cdb = await cloudDatabase({ demo: false })
    await unionTree(cdb)
    await newProduct(cdb, 5)
  }, 180_000)
  afterAll(async () => {
    await Promise.all(started.map((i) => i.close()))
    await cdb?.close()
  })
  afterEach(() => {
    for (const i of started) expect(i.crashes).toEqual([])
  })

  it('should answer an envelope error, then work in the same instance, when the database is down at the first call and comes back', async () => {
    const port = await freePort()
    const url = new URL(cdb.url)
    const down = new URL(cdb.url)
    down.port = String(port)
    const env = { ...cdb.env, DATABASE_URL: down.toString() }
    const shop = instance('shop', env)
    const jobs = instance('jobs', env)
    const unavailable = { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时无法连接数据库，请稍后重试' } }
    expect(await callAs(shop, null, 'products', {})).toEqual(unavailable)
    expect(await callAs(shop, 'cloud-member', 'myOrders', {})).toEqual(unavailable)
    expect(await jobs.invoke(timerEvent())).toEqual(unavailable)
    const proxy = await proxyTo(port, url)
    try {
      const products = await callAs(shop, null, 'products', {})
      expect(products.ok).toBe(true)
      expect(products.data.items.length).toBeGreaterThan(0)
      expect(await callAs(shop, 'cloud-member', 'myOrders', {})).toMatchObject({ ok: true })
      expect(await jobs.invoke(timerEvent())).toMatchObject({ ok: true })
    } finally {
      await Promise.all([shop.close(), jobs.close()])
      await new Promise((r) => proxy.close(r))
    }
  }, 30_000)

  it('should name the missing settings in an envelope error and leave the function folder untouched when DATABASE_URL or a secret is unset', async () => {
    const before = snapshot(root)
    const { DATABASE_URL: _omitted, ...noDatabase } = cdb.env
    const shop = instance('shop', noDatabase)
    const r = await callAs(shop, 'cloud-member', 'myOrders', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(r.error.message).toContain('DATABASE_URL')
    expect(r.error.message).not.toMatch(/DATA_KEY|HASH_KEY|TOKEN_SECRET|QR_SECRET/)
    // Nothing at all: every setting is named, none is generated.
    const bare = instance('auth', { NODE_ENV: 'development' })
    const b = await callAs(bare, null, 'login', { code: 'dev:someone' })
    for (const name of ['DATABASE_URL', 'DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'QR_SECRET']) expect(b.error.message).toContain(name)
    // A malformed secret is named too, never echoed.
    const badKey = instance('member', { ...cdb.env, DATA_KEY: 'c2hvcnQ=' })
    const k = await callAs(badKey, 'cloud-member', 'myCard')
    expect(k).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(k.error.message).toContain('DATA_KEY')
    expect(k.error.message).not.toContain('c2hvcnQ=')
    // The other entries answer in their own terms.
    expect(await instance('jobs', noDatabase).invoke(timerEvent())).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('DATABASE_URL') } })
    const notify = await instance('payNotify', noDatabase).invoke(httpEvent('/pay/notify', { headers: {}, body: '{}' }))
    expect(notify).toMatchObject({ statusCode: 503, body: expect.stringContaining('DATABASE_URL') })
    expect(snapshot(root)).toEqual(before)
    expect(before.some((f) => f.includes('.data'))).toBe(false)
  })

  it('should migrate once and answer every call when four instances start at once on an empty database', async () => {
    const { db, url, drop } = await freshPostgres(1)
    try {
      const env = { NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: url, ...testSecrets() }
      const shops = [1, 2, 3, 4].map(() => instance('shop', env))
      const answers = await Promise.all(shops.map((s) => callAs(s, null, 'products', {})))
      expect(answers.map((a) => a.ok)).toEqual([true, true, true, true])
      const applied = await db.query<{ name: string }>('select name from schema_migrations order by name')
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name).sort())
      expect(await db.query('select 1 from sim_pay_keys')).toHaveLength(1)
      await Promise.all(shops.map((s) => s.close()))
    } finally {
      await drop()
    }
  }, 30_000)
})

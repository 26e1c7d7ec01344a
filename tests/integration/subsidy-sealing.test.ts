// Household incomes sealed at rest: no plaintext income in the subsidy tables, staff in scope and the member
// themself still read them, and the migration seals the rows an older version stored in plaintext.
import crypto from 'node:crypto'
import { backends, call, freshPostgres, login, ok, startTestApp, testSecrets, type TestApp } from '../support/app'
import { application, filedHousehold } from '../support/subsidy'
import { cardHolder, member as cardMember, staff, unionTree } from '../support/fixtures'
import { migrate, openPglite, type Db } from '../../cloud/db'
import { migrations } from '../../cloud/db/migrations'
import { createSealer } from '../../cloud/platform/crypto'
import { createApp } from '../../cloud/platform/app'
import { loadConfig } from '../../cloud/platform/config'
import { createLogger } from '../../cloud/platform/logger'
import { evaluate } from '../../cloud/domain/subsidy/rules'
import policy from '../../config/policies/subsidy.json'
import type { SubsidyPolicy } from '../../config/policies'

const yuan = (y: number) => Math.round(y * 100)
/** 2 people, 1,300 and 1,100 yuan a month: 1,200 per head, with a chronic illness: deep difficulty. */
const HOUSEHOLD = { household: [{ relation: 'self', monthlyIncomeFen: yuan(1300) }, { relation: 'spouse', monthlyIncomeFen: yuan(1100) }], conditions: ['chronic_illness'] }
/** This household's incomes in fen, or any evaluation or household field name, or money in a note. */
const INCOMES = /120000|130000|240000|perCapita|totalIncome|monthlyIncome|¥\d/

describe.each(backends())('hardship incomes sealed on %s', (backend) => {
  let t: TestApp
  let member: string
  let street: string
  let applicationId: string

  beforeAll(async () => {
    t = await startTestApp(backend, { demo: false })
    await unionTree(t)
    member = (await cardMember(t, 'applicant', { union: '110105001001', name: '李建国', phone: '13811112222' })).token
    street = await staff(t, 'street-staff', '110105001')
    await staff(t, 'haidian-staff', '110108001')
    // A filed household: 2,200 and 300 yuan a month, 1,250 per head.
    const care = await cardHolder(t, 'care-worker', { union: '110105001003', name: '何秀英', phone: '13522223333', occupation: 'care_worker' })
    await filedHousehold(t, care, { household: [{ relation: 'self', monthlyIncomeFen: yuan(2200) }, { relation: 'parent', monthlyIncomeFen: yuan(300) }], conditions: ['serious_illness'] }, '13522223333')
    applicationId = (await ok(call(t, 'subsidy', 'apply', application({ ...HOUSEHOLD, phone: '13811112222' }), member))).applicationId
  }, 90_000)
  afterAll(() => t?.close())

  it('should keep no plaintext income in the subsidy tables, nor a per-capita column', async () => {
    const columns = await t.app.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_name in ('subsidy_applications', 'subsidy_files') and column_name in ('per_capita_fen', 'evaluation', 'stale', 'risk_reason', 'recheck_note')`,
    )
    expect(columns).toEqual([])
    for (const table of ['subsidy_applications', 'subsidy_files', 'audit_log']) {
      const dump = JSON.stringify(await t.app.db.query(`select * from ${table}`))
      expect(dump).not.toMatch(INCOMES)
    }
  })

  it('should show the incomes to staff in scope and to the member themself, and to nobody else', async () => {
    const item = (await ok(call(t, 'subsidy', 'queue', {}, street))).items.find((i: any) => i.applicationId === applicationId)
    expect(item).toMatchObject({ perCapitaFen: yuan(1200), household: HOUSEHOLD.household, decision: expect.stringContaining('¥1,200.00') })
    const mine = (await ok(call(t, 'subsidy', 'myApplications', {}, member))).items.find((i: any) => i.applicationId === applicationId)
    expect(mine.evaluation).toMatchObject({ perCapitaFen: yuan(1200), totalIncomeFen: yuan(2400), category: 'deep' })
    const he = (await ok(call(t, 'subsidy', 'files', { filter: 'all', q: '何秀英' }, street))).items[0]
    expect(he.perCapitaFen).toBe(yuan(1250))
    expect((await ok(call(t, 'subsidy', 'file', { fileId: he.fileId }, street))).evaluation).toMatchObject({ totalIncomeFen: yuan(2500), perCapitaFen: yuan(1250) })
    expect((await ok(call(t, 'console', 'export', { table: 'subsidy_files' }, street))).csv).toContain('1250.00')

    const haidian = await login(t, 'haidian-staff')
    expect((await ok(call(t, 'subsidy', 'queue', {}, haidian))).items.map((i: any) => i.applicationId)).not.toContain(applicationId)
    expect((await call(t, 'subsidy', 'file', { fileId: he.fileId }, haidian)).status).toBe(403)
    expect(JSON.stringify(await ok(call(t, 'subsidy', 'myApplications', {}, (await cardMember(t, 'courier', { union: '110105001004', occupation: 'courier' })).token)))).not.toMatch(/120000/)
  })
})

describe.each(backends())('the sealing migration on %s', (backend) => {
  const keys = () => createSealer(crypto.randomBytes(32), crypto.randomBytes(32))
  const before = migrations.findIndex((m) => m.name === '010_subsidy_sealed_incomes')
  let db: Db
  let drop: () => Promise<void>

  /** A database as the version before sealing left it: one application and its file, incomes in plaintext. */
  async function legacy(sealer: ReturnType<typeof keys>) {
    if (backend === 'postgres') ({ db, drop } = await freshPostgres(2))
    else ({ db, drop } = { db: await openPglite(), drop: async () => db.close() })
    await db.exec('create table schema_migrations (name text primary key, applied_at timestamptz not null default now())')
    for (const m of migrations.slice(0, before)) {
      await db.exec(m.sql)
      await db.query('insert into schema_migrations (name) values ($1)', [m.name])
    }
    const [u] = await db.query<{ id: string }>(`insert into unions (code, name, level, path) values ('110105001', '建外街道总工会', 'street', '/x/') returning id`)
    const [user] = await db.query<{ id: string }>(`insert into users (openid) values ('legacy') returning id`)
    const [m] = await db.query<{ id: string }>(
      `insert into members (user_id, name, id_hash, id_enc, id_masked, phone_hash, phone_enc, phone_masked, occupation) values ($1, '何秀英', 'h', 'e', 'm', 'ph', 'pe', 'pm', 'care_worker') returning id`,
      [user.id],
    )
    const ev = evaluate(policy as SubsidyPolicy, { household: HOUSEHOLD.household as any, conditions: ['chronic_illness'] }, '2026-06-01')
    const household = sealer.encrypt(JSON.stringify(HOUSEHOLD))
    const [f] = await db.query<{ id: string }>(
      `insert into subsidy_files (file_no, member_id, union_id, kind, category, region, data_enc, household_size, per_capita_fen, conditions, evaluation, data_as_of, evaluated_at,
         stale, at_risk, risk_reason, recheck_note)
       values ('KN1', $1, $2, 'formal', 'deep', '110000', $3, 2, $4, '{chronic_illness}', $5, now(), now(), true, true, $6, $7) returning id`,
      [m.id, u.id, household, ev.perCapitaFen, JSON.stringify(ev), RISK, ev.decision],
    )
    await db.query(
      `insert into subsidy_applications (member_id, union_id, request_id, status, category, region, data_enc, household_size, per_capita_fen, conditions, evaluation, phone_enc, phone_masked, file_id)
       values ($1, $2, 'r1', 'approved', 'deep', '110000', $3, 2, $4, '{chronic_illness}', $5, $6, '135****3333', $7)`,
      [m.id, u.id, household, ev.perCapitaFen, JSON.stringify(ev), sealer.encrypt('13522223333'), f.id],
    )
    return ev
  }
  const RISK = '新申请显示人均月收入由 ¥1200.00 降至 ¥500.00'
  afterEach(() => drop?.())

  it('should seal the incomes of existing rows and drop the plaintext columns', async () => {
    const sealer = keys()
    const ev = await legacy(sealer)
    expect(await migrate(db, sealer)).toEqual(migrations.slice(before).map((m) => m.name))
    for (const table of ['subsidy_applications', 'subsidy_files']) {
      const [row] = await db.query<Record<string, string>>(`select * from ${table}`)
      for (const gone of ['per_capita_fen', 'evaluation', 'stale', 'risk_reason', 'recheck_note']) expect(row).not.toHaveProperty(gone)
      expect(JSON.stringify(row)).not.toMatch(INCOMES)
      expect(JSON.parse(sealer.decrypt(row.evaluation_enc))).toEqual(ev)
    }
    const [a] = await db.query<{ phone_hash: string }>('select phone_hash from subsidy_applications')
    expect(a.phone_hash).toBe(sealer.hash('phone', '13522223333'))
    const [f] = await db.query<{ risk_reason_enc: string; recheck_note_enc: string }>('select risk_reason_enc, recheck_note_enc from subsidy_files')
    expect([sealer.decrypt(f.risk_reason_enc), sealer.decrypt(f.recheck_note_enc)]).toEqual([RISK, ev.decision])
  }, 60_000)

  it('should seal them when a development server starts on its old database (npm start after an update)', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...testSecrets() })
    const sealer = createSealer(config.secrets.DATA_KEY, config.secrets.HASH_KEY)
    const ev = await legacy(sealer)
    const app = await createApp({ config, db, log: createLogger('silent') })
    const [row] = await db.query<{ evaluation_enc: string }>('select evaluation_enc from subsidy_files')
    expect(JSON.parse(app.sealer.decrypt(row.evaluation_enc))).toEqual(ev)
  }, 60_000)

  it('should refuse to migrate rows it cannot seal, naming the migration and the keys, and change nothing', async () => {
    await legacy(keys())
    await expect(migrate(db)).rejects.toThrow('migration 010_subsidy_sealed_incomes seals existing rows and needs DATA_KEY and HASH_KEY')
    expect((await db.query<{ n: number }>(`select count(*)::int as n from subsidy_files where per_capita_fen > 0`))[0].n).toBe(1)
    expect((await db.query<{ name: string }>('select name from schema_migrations order by name')).map((r) => r.name)).toEqual(migrations.slice(0, before).map((m) => m.name).sort())
  }, 60_000)
})

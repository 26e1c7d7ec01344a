// Concurrency claims are proven on the PostgreSQL server (PGlite has one connection and cannot race).
import { call, login, ok, startTestApp, type TestApp } from '../support/app'
import { idNumber as makeIdNumber, staff, unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('union card under concurrent callers on postgres', () => {
  let t: TestApp
  let guomao: string
  let baoan: string

  beforeAll(async () => {
    t = await startTestApp('postgres', { demo: false })
    const ids = await unionTree(t)
    guomao = ids['110105001001']
    baoan = ids['110105001004']
  }, 60_000)
  afterAll(() => t?.close())

  const form = (idNumber: string, unionId: string) => ({ name: '并发测试', idNumber, phone: '13700000000', unionId, occupation: 'courier' })

  it('should give one card when 30 accounts register the same ID number at once, the rest waiting for staff', async () => {
    const idNumber = makeIdNumber('110105', '19900101', 901)
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => login(t, `race-same-${i}`)))
    const results = await Promise.all(tokens.map((tok) => call(t, 'member', 'register', form(idNumber, guomao), tok)))
    // Nobody is told the number is taken: one card is issued, the other 29 applications wait for review.
    const statuses = results.map((r) => (r.body.ok ? r.body.data.status : (r.body as { error: { code: string } }).error.code))
    expect(statuses.filter((s) => s === 'active')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(29)
    const [row] = await t.app.db.query<{ holders: number; active: number; claims: number }>(
      `select count(*) filter (where m.claims_member_id is null)::int as holders,
         count(*) filter (where c.status = 'active')::int as active,
         count(*) filter (where m.claims_member_id is not null and c.status = 'pending')::int as claims
       from members m join cards c on c.member_id = m.id where m.id_hash = $1`,
      [t.app.sealer.hash('id', idNumber)],
    )
    expect(row).toEqual({ holders: 1, active: 1, claims: 29 })
  })

  it('should number 25 cards issued at once in one union without a gap or a repeat', async () => {
    const [before] = await t.app.db.query<{ card_seq: number }>('select card_seq from unions where id = $1', [guomao])
    const tokens = await Promise.all(Array.from({ length: 25 }, (_, i) => login(t, `race-many-${i}`)))
    const results = await Promise.all(tokens.map((tok, i) => ok(call(t, 'member', 'register', form(makeIdNumber('110105', '19910202', 300 + i), guomao), tok))))
    const numbers = results.map((r) => r.card.cardNo as string)
    expect(new Set(numbers).size).toBe(25)
    const seqs = numbers.map((n) => Number(n.split('-')[1])).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => before.card_seq + 1 + i))
  })

  it('should approve an application once when 10 staff sessions approve it at once', async () => {
    const applicant = await login(t, 'race-pending')
    const { memberId } = await ok(call(t, 'member', 'register', form(makeIdNumber('110105', '19920303', 404), baoan), applicant))
    const [before] = await t.app.db.query<{ card_seq: number }>('select card_seq from unions where id = $1', [baoan])
    await staff(t, 'street-staff', '110105001')
    const sessions = await Promise.all(Array.from({ length: 10 }, () => login(t, 'street-staff')))
    const results = await Promise.all(sessions.map((tok) => call(t, 'member', 'review', { memberId, approve: true }, tok)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.body.ok).every((r) => r.status === 404)).toBe(true)
    const [after] = await t.app.db.query<{ card_seq: number }>('select card_seq from unions where id = $1', [baoan])
    expect(after.card_seq).toBe(before.card_seq + 1)
    const audits = await t.app.db.query(`select 1 from audit_log a join cards c on c.id::text = a.entity_id where c.member_id = $1 and a.action = 'member.review'`, [memberId])
    expect(audits).toHaveLength(1)
  })
})

// Concurrency claims are proven on the PostgreSQL server (PGlite has one connection and cannot race).
import { call, login, ok, startTestApp, type TestApp } from '../support/app'
import { makeIdNumber } from '../../cloud/demo/people'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('union card under concurrent callers on postgres', () => {
  let t: TestApp
  let guomao: string
  let baoan: string

  beforeAll(async () => {
    t = await startTestApp('postgres')
    const ids = await t.app.db.query<{ code: string; id: string }>(`select code, id from unions where code in ('110105001001', '110105001004')`)
    guomao = ids.find((r) => r.code === '110105001001')!.id
    baoan = ids.find((r) => r.code === '110105001004')!.id
  }, 60_000)
  afterAll(() => t?.close())

  const form = (idNumber: string, unionId: string) => ({ name: '并发测试', idNumber, phone: '13700000000', unionId, occupation: 'courier' })

  it('should give one card when 30 accounts register the same ID number at once', async () => {
    const idNumber = makeIdNumber('110105', '19900101', 901)
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => login(t, `race-same-${i}`)))
    const results = await Promise.all(tokens.map((tok) => call(t, 'member', 'register', form(idNumber, guomao), tok)))
    const okCount = results.filter((r) => r.body.ok).length
    const codes = results.filter((r) => !r.body.ok).map((r) => (r.body as { error: { code: string } }).error.code)
    expect(okCount).toBe(1)
    expect(new Set(codes)).toEqual(new Set(['DUPLICATE_MEMBER']))
    expect(results.filter((r) => !r.body.ok).every((r) => r.status === 409)).toBe(true)
    const [row] = await t.app.db.query<{ n: number; cards: number }>(
      `select count(*)::int as n, (select count(*)::int from cards c join members m on m.id = c.member_id where m.id_hash = $1) as cards
       from members where id_hash = $1`,
      [t.app.sealer.hash('id', idNumber)],
    )
    expect(row).toEqual({ n: 1, cards: 1 })
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
    const sessions = await Promise.all(Array.from({ length: 10 }, () => login(t, 'demo-staff')))
    const results = await Promise.all(sessions.map((tok) => call(t, 'member', 'review', { memberId, approve: true }, tok)))
    expect(results.filter((r) => r.body.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.body.ok).every((r) => r.status === 404)).toBe(true)
    const [after] = await t.app.db.query<{ card_seq: number }>('select card_seq from unions where id = $1', [baoan])
    expect(after.card_seq).toBe(before.card_seq + 1)
    const audits = await t.app.db.query(`select 1 from audit_log a join cards c on c.id::text = a.entity_id where c.member_id = $1 and a.action = 'member.review'`, [memberId])
    expect(audits).toHaveLength(1)
  })
})

// Visit and rating counters under concurrent callers, on the PostgreSQL server.
import { call, login, ok, startTestApp, type TestApp } from '../support/app'
import { station, unionTree } from '../support/fixtures'

const onServer = process.env.DATABASE_URL ? describe : describe.skip

onServer('station counters under concurrent callers on postgres', () => {
  let t: TestApp
  let stationId: string

  beforeAll(async () => {
    t = await startTestApp('postgres', { demo: false })
    await unionTree(t)
    stationId = await station(t, { union: '110105001' })
  }, 60_000)
  afterAll(() => t?.close())

  it('should count one visit when a member checks in 15 times at once', async () => {
    const tok = await login(t, 'visitor')
    const [before] = await t.app.db.query<{ visit_count: number }>('select visit_count from stations where id = $1', [stationId])
    const results = await Promise.all(Array.from({ length: 15 }, () => ok(call(t, 'station', 'checkIn', { stationId }, tok))))
    expect(results.filter((r) => !r.alreadyToday)).toHaveLength(1)
    const [after] = await t.app.db.query<{ visit_count: number }>('select visit_count from stations where id = $1', [stationId])
    expect(after.visit_count).toBe(before.visit_count + 1)
  })

  it('should keep the rating sum and count equal to the ratings when 30 members rate and re-rate at once', async () => {
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => login(t, `rater-${i}`)))
    await Promise.all(tokens.map((tok, i) => ok(call(t, 'station', 'rate', { stationId, stars: 1 + (i % 5) }, tok))))
    await Promise.all(tokens.map((tok, i) => ok(call(t, 'station', 'rate', { stationId, stars: 5 - (i % 5) }, tok))))
    const [agg] = await t.app.db.query<{ rating_sum: number; rating_count: number; rows_sum: number; rows_n: number }>(
      `select s.rating_sum, s.rating_count, (select sum(stars)::int from station_ratings where station_id = s.id) as rows_sum,
         (select count(*)::int from station_ratings where station_id = s.id) as rows_n from stations s where s.id = $1`,
      [stationId],
    )
    expect(agg.rating_count).toBe(agg.rows_n)
    expect(agg.rating_sum).toBe(agg.rows_sum)
    expect(agg.rows_n).toBeGreaterThanOrEqual(30)
  })
})

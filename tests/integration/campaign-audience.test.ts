// The audience rule in SQL (reachesSql, used by the feed and the reach counts) against the same rule in
// TypeScript (reaches), on both backends, for null, empty and non-empty arrays.
import { openPglite, type Db } from '../../cloud/db'
import { reaches, reachesSql, type AudienceMember, type Targeting } from '../../cloud/domain/campaign/rules'
import { backends, freshPostgres } from '../support/app'

const CAMPAIGNS: Targeting[] = []
for (const occupations of [null, [], ['courier'], ['food_delivery', 'courier'], ['food_delivery']]) {
  for (const districts of [null, [], ['朝阳区'], ['海淀区']]) {
    for (const path of ['/a/', '/a/b/', '/c/']) CAMPAIGNS.push({ path, audience_occupations: occupations, audience_districts: districts })
  }
}
const MEMBERS: AudienceMember[] = [
  { path: '/a/b/x/', occupation: 'courier', district: '朝阳区' },
  { path: '/a/b/', occupation: 'food_delivery', district: '海淀区' },
  { path: '/a/', occupation: 'courier', district: null },
  { path: '/c/d/', occupation: 'office_worker', district: '朝阳区' },
]

describe.each(backends())('campaign audience in SQL (%s)', (backend) => {
  let db: Db
  let close = async () => {}
  beforeAll(async () => {
    if (backend === 'postgres') {
      const pg = await freshPostgres(1)
      db = pg.db
      close = pg.drop
    } else {
      db = await openPglite()
      close = () => db.close()
    }
  }, 60_000)
  afterAll(() => close())

  it('should agree with the TypeScript rule when arrays are null, empty or given', async () => {
    await db.query('create table probe (i int primary key, path text not null, audience_occupations text[], audience_districts text[])')
    for (const [i, c] of CAMPAIGNS.entries()) await db.query('insert into probe values ($1, $2, $3, $4)', [i, c.path, c.audience_occupations, c.audience_districts])
    for (const m of MEMBERS) {
      const rows = await db.query<{ reaches: boolean }>(
        `select ${reachesSql('c', 'c', { path: '$1', occupation: '$2', district: '$3' })} as reaches from probe c order by c.i`,
        [m.path, m.occupation, m.district],
      )
      expect(rows.map((r) => r.reaches)).toEqual(CAMPAIGNS.map((c) => reaches(c, m)))
    }
  }, 60_000)
})

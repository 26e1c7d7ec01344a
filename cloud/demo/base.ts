// The base demo, loaded once per database: the Beijing union hierarchy, the fixed logins (demo-admin, demo-staff,
// demo-member, ...), a few members and pending applications for the review queue, 2,000 warm stations, the shop
// and the campaigns.
import type { App } from '../platform/app'
import { greatCircleM } from '../domain/station/rules'
import { setStaffUnion } from '../domain/admin/service'
import { CLUSTERS, generateStations, insertStations, prng, type GeneratedStation } from './stations'
import { DISTRICT_UNION, insertDemoUnions } from './unions'
import { DEMO_MEMBERS, insertDemoMember } from './people'
import { seedShopDemo } from './shop'
import { seedCampaignDemo } from './campaigns'

const SEED_VERSION = 'demo-v1'

const DEMO_STATION_COUNT = 2000

/** Stations in the Jianwai and Wangjing clusters belong to those street unions; others to their district union. */
function stationUnionCode(s: GeneratedStation): string {
  if (s.district !== '朝阳区') return DISTRICT_UNION[s.district]
  if (greatCircleM(s.lat, s.lng, CLUSTERS[0].lat, CLUSTERS[0].lng) < 2500) return '110105001'
  if (greatCircleM(s.lat, s.lng, CLUSTERS[1].lat, CLUSTERS[1].lng) < 2500) return '110105002'
  return DISTRICT_UNION[s.district]
}

export async function seedDemo(app: App): Promise<boolean> {
  return app.db.tx(async (q) => {
    const claimed = await q.query('insert into app_meta (key, value) values ($1, $2) on conflict (key) do nothing returning key', ['seed', SEED_VERSION])
    if (claimed.length === 0) return false
    const unions = await insertDemoUnions(q)
    const user = async (openid: string, admin = false) =>
      (await q.query<{ id: string }>('insert into users (openid, is_admin) values ($1, $2) returning id', [openid, admin]))[0].id
    await user('demo-admin', true)
    const staff = await user('demo-staff')
    await setStaffUnion(q, staff, unions.get('110105001')!, null, app.now())
    const hdStaff = await user('demo-staff-haidian')
    await setStaffUnion(q, hdStaff, unions.get('110108001')!, null, app.now())

    for (const m of DEMO_MEMBERS) await insertDemoMember(app, q, m)

    const stations = generateStations(DEMO_STATION_COUNT)
    await insertStations(q, stations, (st) => unions.get(stationUnionCode(st))!)
    // A keeper for the first Jianwai station, and ratings from demo members on Jianwai stations.
    const jianwai = stations.filter((st) => stationUnionCode(st) === '110105001')
    const keeper = await user('demo-keeper')
    await q.query('insert into station_keepers (station_id, user_id) values ($1, $2)', [jianwai[0].id, keeper])
    const raters = await q.query<{ id: string }>(`select id from users where openid like 'demo-m-%' order by openid`)
    const rand = prng(7)
    for (const st of jianwai.slice(0, 40)) {
      for (const r of raters) {
        if (rand() < 0.5) continue
        const stars = 3 + Math.floor(rand() * 3)
        await q.query('insert into station_ratings (station_id, user_id, stars, comment) values ($1, $2, $3, $4)', [st.id, r.id, stars, stars === 5 ? '夏天有凉茶，冬天有热水，很贴心' : null])
      }
    }
    await q.query(`update stations s set rating_sum = r.sum, rating_count = r.n
      from (select station_id, sum(stars)::int as sum, count(*)::int as n from station_ratings group by station_id) r where r.station_id = s.id`)
    await seedShopDemo(q, unions, (plain) => app.sealer.encrypt(plain))
    await seedCampaignDemo(q, unions, app.now())
    app.log.info({ unions: unions.size, members: DEMO_MEMBERS.length, stations: stations.length }, 'demo data loaded')
    return true
  })
}

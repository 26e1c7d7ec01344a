// Demo data, loaded once per database outside production: a Beijing union hierarchy, three fixed logins
// (demo-admin, demo-staff, demo-member), a few members and pending applications for the review queue,
// and 2,000 warm stations.
import crypto from 'node:crypto'
import type { App } from '../platform/app'
import type { Queryable } from '.'
import { checkDigit } from '../../types/idcard'
import { mask } from '../../types/common'
import type { Occupation } from '../../types/member'
import type { UnionLevel } from '../../types/union'
import { formatCardNo } from '../domain/member/rules'
import { greatCircleM } from '../domain/station/rules'
import { CLUSTERS, generateStations, insertStations, prng, type GeneratedStation } from './seed-stations'
import { seedShopDemo } from './seed-shop'
import { seedCampaignDemo } from './seed-campaigns'

const SEED_VERSION = 'demo-v1'

type U = [code: string, name: string, level: UnionLevel, district: string | null, accepts: boolean, children?: U[]]

export const DEMO_UNIONS: U = ['110000', '北京市总工会', 'city', null, false, [
  ['110105', '朝阳区总工会', 'district', '朝阳区', false, [
    ['110105001', '建外街道总工会', 'street', '朝阳区', false, [
      ['110105001001', '北京国贸物业管理有限公司工会', 'grassroots', '朝阳区', true],
      ['110105001002', '建外SOHO楼宇工会联合会', 'federation', '朝阳区', true, [
        ['110105001002001', '北京嘉禾传媒有限公司工会', 'grassroots', '朝阳区', true],
        ['110105001002002', '北京云帆软件技术有限公司工会', 'grassroots', '朝阳区', true],
      ]],
      ['110105001003', '建外街道社区联合工会', 'grassroots', '朝阳区', true],
      ['110105001004', '北京安泰保安服务有限公司工会', 'grassroots', '朝阳区', true],
      ['110105001005', '建外街道家政服务行业工会', 'grassroots', '朝阳区', true],
    ]],
    ['110105002', '望京街道总工会', 'street', '朝阳区', false, [
      ['110105002001', '望京科技园楼宇工会联合会', 'federation', '朝阳区', true],
      ['110105002002', '京东物流望京营业部工会', 'grassroots', '朝阳区', true],
    ]],
    ['110105900', '朝阳区快递行业工会联合会', 'federation', '朝阳区', true, [
      ['110105900001', '顺丰速运朝阳营业区工会', 'grassroots', '朝阳区', true],
      ['110105900002', '中通快递朝阳分拨中心工会', 'grassroots', '朝阳区', true],
    ]],
    ['110105901', '朝阳区网约配送员工会联合会', 'federation', '朝阳区', true, [
      ['110105901001', '美团外卖朝阳站点联合工会', 'grassroots', '朝阳区', true],
    ]],
  ]],
  ['110108', '海淀区总工会', 'district', '海淀区', false, [
    ['110108001', '中关村街道总工会', 'street', '海淀区', false, [
      ['110108001001', '中关村软件园楼宇工会联合会', 'federation', '海淀区', true],
      ['110108001002', '海淀区中关村物业服务企业联合工会', 'grassroots', '海淀区', true],
    ]],
    ['110108900', '海淀区货运司机工会联合会', 'federation', '海淀区', true],
  ]],
  ['110101', '东城区总工会', 'district', '东城区', false, [
    ['110101001', '东华门街道总工会', 'street', '东城区', false, [
      ['110101001001', '王府井百货集团工会', 'grassroots', '东城区', true],
      ['110101001002', '东华门街道网约车司机联合工会', 'grassroots', '东城区', true],
    ]],
  ]],
  ['110102', '西城区总工会', 'district', '西城区', false, [
    ['110102001', '金融街街道总工会', 'street', '西城区', false, [
      ['110102001001', '金融街楼宇工会联合会', 'federation', '西城区', true],
    ]],
  ]],
  ['110106', '丰台区总工会', 'district', '丰台区', false],
  ['110107', '石景山区总工会', 'district', '石景山区', false],
  ['110109', '门头沟区总工会', 'district', '门头沟区', false],
  ['110111', '房山区总工会', 'district', '房山区', false],
  ['110112', '通州区总工会', 'district', '通州区', false],
  ['110113', '顺义区总工会', 'district', '顺义区', false],
  ['110114', '昌平区总工会', 'district', '昌平区', false],
  ['110115', '大兴区总工会', 'district', '大兴区', false],
  ['110116', '怀柔区总工会', 'district', '怀柔区', false],
  ['110117', '平谷区总工会', 'district', '平谷区', false],
  ['110118', '密云区总工会', 'district', '密云区', false],
  ['110119', '延庆区总工会', 'district', '延庆区', false],
]]

const DISTRICT_UNION: Record<string, string> = {
  东城区: '110101', 西城区: '110102', 朝阳区: '110105', 丰台区: '110106', 石景山区: '110107', 海淀区: '110108',
  门头沟区: '110109', 房山区: '110111', 通州区: '110112', 顺义区: '110113', 昌平区: '110114', 大兴区: '110115',
  怀柔区: '110116', 平谷区: '110117', 密云区: '110118', 延庆区: '110119',
}

export const DEMO_STATION_COUNT = 2000

/** Stations in the Jianwai and Wangjing clusters belong to those street unions; others to their district union. */
function stationUnionCode(s: GeneratedStation): string {
  if (s.district !== '朝阳区') return DISTRICT_UNION[s.district]
  if (greatCircleM(s.lat, s.lng, CLUSTERS[0].lat, CLUSTERS[0].lng) < 2500) return '110105001'
  if (greatCircleM(s.lat, s.lng, CLUSTERS[1].lat, CLUSTERS[1].lng) < 2500) return '110105002'
  return DISTRICT_UNION[s.district]
}

/** A valid 18-character ID number from a region code, birth date (yyyymmdd) and sequence. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`
  return first17 + checkDigit(first17)
}

export interface DemoMember {
  openid: string
  name: string
  id: string
  phone: string
  union: string
  occupation: Occupation
  employer: string
  status: 'active' | 'pending'
}

const DEMO_MEMBERS: DemoMember[] = [
  { openid: 'demo-member', name: '李建国', id: makeIdNumber('110105', '19850612', 137), phone: '13811112222', union: '110105001001', occupation: 'property_service', employer: '北京国贸物业管理有限公司', status: 'active' },
  { openid: 'demo-m-courier', name: '王海涛', id: makeIdNumber('130102', '19920308', 251), phone: '13912345678', union: '110105900001', occupation: 'courier', employer: '顺丰速运', status: 'active' },
  { openid: 'demo-m-rider', name: '周晓东', id: makeIdNumber('410105', '19950721', 113), phone: '15011223344', union: '110105901001', occupation: 'food_delivery', employer: '美团外卖', status: 'active' },
  { openid: 'demo-m-driver', name: '孙立新', id: makeIdNumber('110108', '19800115', 179), phone: '18612340001', union: '110101001002', occupation: 'ride_hailing', employer: '滴滴出行', status: 'active' },
  { openid: 'demo-m-truck', name: '马国庆', id: makeIdNumber('150102', '19781001', 155), phone: '13701020304', union: '110108900', occupation: 'truck_driver', employer: '北京顺达货运有限公司', status: 'active' },
  { openid: 'demo-m-care', name: '何秀英', id: makeIdNumber('340104', '19700904', 226), phone: '13522223333', union: '110105001003', occupation: 'care_worker', employer: '建外街道养老照料中心', status: 'active' },
  { openid: 'demo-p-guard1', name: '赵强', id: makeIdNumber('370102', '19930414', 111), phone: '13666667777', union: '110105001004', occupation: 'security_guard', employer: '北京安泰保安服务有限公司', status: 'pending' },
  { openid: 'demo-p-guard2', name: '刘洋', id: makeIdNumber('230103', '19980202', 135), phone: '17788889999', union: '110105001004', occupation: 'security_guard', employer: '北京安泰保安服务有限公司', status: 'pending' },
  { openid: 'demo-p-domestic', name: '王芳', id: makeIdNumber('510104', '19870530', 242), phone: '18899990000', union: '110105001005', occupation: 'domestic_worker', employer: '家家美家政服务公司', status: 'pending' },
  { openid: 'demo-p-haidian', name: '陈静', id: makeIdNumber('110108', '19910919', 268), phone: '13100001111', union: '110108001002', occupation: 'property_service', employer: '中关村物业服务公司', status: 'pending' },
]

async function insertUnions(q: Queryable, node: U, parent: { id: string; path: string } | null, out: Map<string, string>) {
  const [code, name, level, district, accepts, children] = node
  const id = crypto.randomUUID()
  const path = `${parent?.path ?? '/'}${id}/`
  await q.query(
    'insert into unions (id, code, name, level, parent_id, path, district, accepts_members) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, code, name, level, parent?.id ?? null, path, district, accepts],
  )
  out.set(code, id)
  for (const c of children ?? []) await insertUnions(q, c, { id, path }, out)
}

/** A demo user with a member record and a card: active cards take the union's next card number. */
export async function insertDemoMember(app: App, q: Queryable, m: Omit<DemoMember, 'status'> & { status?: DemoMember['status'] }) {
  const status = m.status ?? 'active'
  const [u] = await q.query<{ id: string }>('insert into users (openid) values ($1) returning id', [m.openid])
  const [row] = await q.query<{ id: string }>(
    `insert into members (user_id, name, id_hash, id_enc, id_masked, phone_hash, phone_enc, phone_masked, occupation, employer)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [u.id, m.name, app.sealer.hash('id', m.id), app.sealer.encrypt(m.id), mask(m.id, 6, 4), app.sealer.hash('phone', m.phone), app.sealer.encrypt(m.phone), mask(m.phone, 3, 4), m.occupation, m.employer],
  )
  const [un] =
    status === 'active'
      ? await q.query<{ id: string; card_seq: number }>('update unions set card_seq = card_seq + 1 where code = $1 returning id, card_seq', [m.union])
      : await q.query<{ id: string; card_seq: number }>('select id, card_seq from unions where code = $1', [m.union])
  await q.query('insert into cards (member_id, union_id, status, card_no, issued_at) values ($1, $2, $3, $4, $5)', [
    row.id,
    un.id,
    status,
    status === 'active' ? formatCardNo(m.union, un.card_seq) : null,
    status === 'active' ? new Date('2026-03-08T02:00:00Z') : null,
  ])
  return { userId: u.id, memberId: row.id, unionId: un.id }
}

export async function seedDemo(app: App): Promise<boolean> {
  return app.db.tx(async (q) => {
    const claimed = await q.query('insert into app_meta (key, value) values ($1, $2) on conflict (key) do nothing returning key', ['seed', SEED_VERSION])
    if (claimed.length === 0) return false
    const unions = new Map<string, string>()
    await insertUnions(q, DEMO_UNIONS, null, unions)
    const user = async (openid: string, admin = false) =>
      (await q.query<{ id: string }>('insert into users (openid, is_admin) values ($1, $2) returning id', [openid, admin]))[0].id
    await user('demo-admin', true)
    const staff = await user('demo-staff')
    await q.query('insert into staff_assignments (user_id, union_id) values ($1, $2)', [staff, unions.get('110105001')])
    const hdStaff = await user('demo-staff-haidian')
    await q.query('insert into staff_assignments (user_id, union_id) values ($1, $2)', [hdStaff, unions.get('110108001')])

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

// Deterministic warm-station data over Beijing's districts: the demo set (2,000) and benchmark sets.
import type { Queryable } from '../db'
import { BEIJING_DISTRICTS, SERVICES, type Award, type Hours, type Service, type StationKind } from '../../types/station'
import { insertHours } from '../domain/station/store'

/** mulberry32: a small seeded PRNG, so the same seed gives the same stations everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[Math.floor(rand() * 4)]
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

// Urban districts hold most stations; the spread (degrees) matches each district's size.
const WEIGHTS: Record<string, [weight: number, spread: number]> = {
  东城区: [8, 0.02], 西城区: [8, 0.02], 朝阳区: [16, 0.05], 海淀区: [14, 0.05], 丰台区: [10, 0.04], 石景山区: [4, 0.02],
  门头沟区: [2, 0.05], 房山区: [4, 0.06], 通州区: [7, 0.05], 顺义区: [5, 0.05], 昌平区: [7, 0.06], 大兴区: [7, 0.05],
  怀柔区: [2, 0.05], 平谷区: [2, 0.04], 密云区: [2, 0.05], 延庆区: [2, 0.05],
}

const ROADS: Record<string, string[]> = {
  东城区: ['东直门内大街', '王府井大街', '崇文门外大街', '安定门外大街', '东四北大街'],
  西城区: ['西直门内大街', '金融大街', '西单北大街', '广安门内大街', '德胜门外大街'],
  朝阳区: ['建国路', '东三环中路', '望京街', '朝阳北路', '光华路', '酒仙桥路', '双井桥南', '朝外大街'],
  海淀区: ['中关村大街', '学院路', '知春路', '上地十街', '五道口', '西二旗大街', '苏州街'],
  丰台区: ['丰台北路', '南三环西路', '科技园富丰路', '马家堡东路', '六里桥'],
  石景山区: ['石景山路', '鲁谷路', '古城大街'],
  门头沟区: ['新桥大街', '滨河路'],
  房山区: ['良乡长虹西路', '拱辰大街', '长阳镇'],
  通州区: ['新华大街', '运河西大街', '梨园北街', '九棵树东路'],
  顺义区: ['府前街', '空港街道', '仁和镇'],
  昌平区: ['回龙观西大街', '天通苑北街', '府学路', '北清路'],
  大兴区: ['兴华大街', '亦庄荣华中路', '黄村西大街', '旧宫东路'],
  怀柔区: ['青春路', '迎宾路'],
  平谷区: ['府前街', '新平北路'],
  密云区: ['鼓楼大街', '滨河路'],
  延庆区: ['妫水北街', '高塔街'],
}

const KIND_MIX: [StationKind, number][] = [
  ['warm_station', 0.45],
  ['union_station', 0.2],
  ['service_center', 0.1],
  ['public_home', 0.1],
  ['warm_home', 0.1],
  ['mother_baby', 0.05],
]
const KIND_NAME: Record<StationKind, string> = {
  warm_station: '暖心驿站',
  union_station: '工会服务站',
  service_center: '职工服务中心',
  public_home: '职工之家',
  warm_home: '温馨家园',
  mother_baby: '母婴休息室',
}

const SERVICE_ODDS: Record<Service, number> = {
  water: 0.95, rest: 0.9, phone_charging: 0.8, meal_heating: 0.7, toilet: 0.6, first_aid: 0.5, cooling: 0.5, heating: 0.5,
  wifi: 0.4, umbrella: 0.3, ebike_charging: 0.25, repair_kit: 0.2, mother_baby: 0.1,
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7]
function pickHours(r: number): Hours {
  const days = (ds: number[], open: string, close: string) => ds.map((day) => ({ day, open, close }))
  if (r < 0.2) return { is24h: true, weekly: [] }
  if (r < 0.7) return { is24h: false, weekly: days(ALL_DAYS, '08:00', '20:00') }
  if (r < 0.85) return { is24h: false, weekly: days([1, 2, 3, 4, 5], '09:00', '18:00') }
  if (r < 0.95) return { is24h: false, weekly: days(ALL_DAYS, '18:00', '02:00') }
  return { is24h: false, weekly: days([1, 2, 3, 4, 5, 6], '07:00', '22:00') }
}

export interface GeneratedStation {
  id: string
  kind: StationKind
  name: string
  address: string
  district: string
  lat: number
  lng: number
  services: Service[]
  hours: Hours
  phone: string
  awards: Award[]
  visitCount: number
}

/** Named clusters where demo staff work, so their scope has stations: Jianwai and Wangjing. */
export const CLUSTERS = [
  { name: 'jianwai', district: '朝阳区', lat: 39.9087, lng: 116.4497, spread: 0.012, share: 0.03 },
  { name: 'wangjing', district: '朝阳区', lat: 39.9959, lng: 116.47, spread: 0.012, share: 0.02 },
]

export function generateStations(n: number, seed = 20260801): GeneratedStation[] {
  const rand = prng(seed)
  const districts = BEIJING_DISTRICTS.map((d) => ({ ...d, w: WEIGHTS[d.name][0], spread: WEIGHTS[d.name][1] }))
  const totalW = districts.reduce((s, d) => s + d.w, 0)
  const counters = new Map<string, number>()
  const out: GeneratedStation[] = []
  for (let i = 0; i < n; i++) {
    let centre: { district: string; lat: number; lng: number; spread: number }
    const c = rand()
    const cluster = c < CLUSTERS[0].share ? CLUSTERS[0] : c < CLUSTERS[0].share + CLUSTERS[1].share ? CLUSTERS[1] : null
    if (cluster) centre = cluster
    else {
      let pick = rand() * totalW
      const d = districts.find((x) => (pick -= x.w) < 0) ?? districts[0]
      centre = { district: d.name, lat: d.lat, lng: d.lng, spread: d.spread }
    }
    // Roughly normal around the centre (sum of uniforms).
    const jitter = () => (rand() + rand() + rand() - 1.5) * centre.spread
    const lat = Math.round((centre.lat + jitter()) * 1e6) / 1e6
    const lng = Math.round((centre.lng + jitter() * 1.3) * 1e6) / 1e6
    let k = rand()
    const kind = (KIND_MIX.find(([, p]) => (k -= p) < 0) ?? KIND_MIX[0])[0]
    const services = SERVICES.filter((s) => rand() < SERVICE_ODDS[s] || (s === 'mother_baby' && kind === 'mother_baby'))
    if (!services.includes('water')) services.unshift('water')
    const roads = ROADS[centre.district]
    const road = roads[Math.floor(rand() * roads.length)]
    const key = `${road}${kind}`
    const count = (counters.get(key) ?? 0) + 1
    counters.set(key, count)
    const a = rand()
    const awards: Award[] = a < 0.005 ? [{ level: 'national', year: 2022 + Math.floor(rand() * 4) }] : a < 0.025 ? [{ level: 'city', year: 2022 + Math.floor(rand() * 4) }] : []
    out.push({
      id: uuidFrom(rand),
      kind,
      name: `${road}${KIND_NAME[kind]}${count > 1 ? `（${count}号站）` : ''}`,
      address: `北京市${centre.district}${road}${1 + Math.floor(rand() * 300)}号`,
      district: centre.district,
      lat,
      lng,
      services,
      hours: pickHours(rand()),
      phone: `010-${6 + Math.floor(rand() * 3)}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`,
      awards,
      visitCount: Math.floor(rand() * rand() * 3000),
    })
  }
  return out
}

/** Inserts stations and their opening intervals in batches (arrays through unnest: one statement per batch). */
export async function insertStations(q: Queryable, stations: GeneratedStation[], unionFor: (s: GeneratedStation) => string, batch = 5000) {
  for (let i = 0; i < stations.length; i += batch) {
    const part = stations.slice(i, i + batch)
    await q.query(
      `insert into stations (id, union_id, kind, name, address, district, lat, lng, services, hours, is_24h, phone, awards, visit_count)
       select id, union_id, kind, name, address, district, lat, lng, string_to_array(services, ','), hours::jsonb, is_24h, phone, awards::jsonb, visit_count
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::text[],
                   $10::text[], $11::bool[], $12::text[], $13::text[], $14::int[])
         as t(id, union_id, kind, name, address, district, lat, lng, services, hours, is_24h, phone, awards, visit_count)`,
      [
        part.map((s) => s.id),
        part.map(unionFor),
        part.map((s) => s.kind),
        part.map((s) => s.name),
        part.map((s) => s.address),
        part.map((s) => s.district),
        part.map((s) => s.lat),
        part.map((s) => s.lng),
        part.map((s) => s.services.join(',')),
        part.map((s) => JSON.stringify(s.hours)),
        part.map((s) => s.hours.is24h),
        part.map((s) => s.phone),
        part.map((s) => JSON.stringify(s.awards)),
        part.map((s) => s.visitCount),
      ],
    )
    await insertHours(q, part.map((s) => ({ stationId: s.id, hours: s.hours })))
  }
}

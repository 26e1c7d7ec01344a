// Small fixture builders for tests that start without the demo (startTestApp(backend, { demo: false })):
// a few unions, people with cards, staff, an admin and stations, written through the stores where a domain has one.
import crypto from 'node:crypto'
import { setStaffUnion } from '../../cloud/domain/admin/service'
import { insertCard, insertMember, nextCardNo } from '../../cloud/domain/member/store'
import { insertHours } from '../../cloud/domain/station/store'
import { generateStations, insertStations } from '../../cloud/demo/stations'
import { userForOpenid } from '../../cloud/platform/caller'
import { makeIdNumber } from '../../cloud/demo/people'
import type { Occupation } from '../../types/member'
import type { Hours, Service, StationKind } from '../../types/station'
import type { UnionLevel } from '../../types/union'
import { login, type TestApp } from './app'

type WithApp = Pick<TestApp, 'app'>

/** A valid 18-character ID number from a region code, birth date (yyyymmdd) and sequence. */
export const idNumber = makeIdNumber

export interface UnionSpec {
  code: string
  name: string
  level: UnionLevel
  /** The parent's code; none for a root. */
  parent?: string
  district?: string
  accepts?: boolean
}

/** One union under its parent (by code); returns its id. */
export async function union(t: WithApp, u: UnionSpec): Promise<string> {
  const id = crypto.randomUUID()
  const parent = u.parent ? (await t.app.db.query<{ path: string; id: string }>('select id, path from unions where code = $1', [u.parent]))[0] : null
  await t.app.db.query('insert into unions (id, code, name, level, parent_id, path, district, accepts_members) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
    id,
    u.code,
    u.name,
    u.level,
    parent?.id ?? null,
    `${parent?.path ?? '/'}${id}/`,
    u.district ?? null,
    u.accepts ?? u.level === 'grassroots',
  ])
  return id
}

/**
 * A small tree under the same codes and names as the real Beijing one: the city union; Chaoyang with the
 * Jianwai street union and three grassroots unions under it; Haidian with the Zhongguancun street union and one under it.
 */
export const TREE: UnionSpec[] = [
  { code: '110000', name: '北京市总工会', level: 'city' },
  { code: '110105', name: '朝阳区总工会', level: 'district', parent: '110000', district: '朝阳区' },
  { code: '110105001', name: '建外街道总工会', level: 'street', parent: '110105', district: '朝阳区' },
  { code: '110105001001', name: '北京国贸物业管理有限公司工会', level: 'grassroots', parent: '110105001', district: '朝阳区' },
  { code: '110105001003', name: '建外街道社区联合工会', level: 'grassroots', parent: '110105001', district: '朝阳区' },
  { code: '110105001004', name: '北京安泰保安服务有限公司工会', level: 'grassroots', parent: '110105001', district: '朝阳区' },
  { code: '110108', name: '海淀区总工会', level: 'district', parent: '110000', district: '海淀区' },
  { code: '110108001', name: '中关村街道总工会', level: 'street', parent: '110108', district: '海淀区' },
  { code: '110108001002', name: '海淀区中关村物业服务企业联合工会', level: 'grassroots', parent: '110108001', district: '海淀区' },
]

/** Writes TREE; returns union ids by code. */
export async function unionTree(t: WithApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const u of TREE) ids[u.code] = await union(t, u)
  return ids
}

export async function unionIdOf(t: WithApp, code: string): Promise<string> {
  const [u] = await t.app.db.query<{ id: string }>('select id from unions where code = $1', [code])
  if (!u) throw new Error(`no union ${code} in this test's data`)
  return u.id
}

export interface PersonSpec {
  /** The union's code. */
  union: string
  name?: string
  id?: string
  phone?: string
  occupation?: Occupation
  employer?: string
  status?: 'active' | 'pending'
}

let seq = 0

/** A user with a member record and a card (active by default, numbered by the union); returns their ids. */
export async function cardHolder(t: WithApp, openid: string, p: PersonSpec) {
  const q = t.app.db
  const now = t.app.now()
  const userId = await userForOpenid(q, openid, now)
  const unionId = await unionIdOf(t, p.union)
  const details = { name: p.name ?? '测试会员', idNumber: p.id ?? idNumber('110105', '19880808', seq++ % 1000), phone: p.phone ?? '13800000000', occupation: p.occupation ?? 'property_service', employer: p.employer ?? null }
  const memberId = await insertMember(q, t.app.sealer, userId, details, now)
  const active = (p.status ?? 'active') === 'active'
  await insertCard(q, { memberId, unionId, status: active ? 'active' : 'pending', cardNo: active ? await nextCardNo(q, unionId) : null, issuedAt: active ? now : null })
  return { userId, memberId, unionId }
}

/** cardHolder, logged in: adds the session token. */
export async function member(t: TestApp, openid: string, p: PersonSpec) {
  return { ...(await cardHolder(t, openid, p)), token: await login(t, openid) }
}

/** A user who is staff of the union with this code (scope: it and its sub-unions); returns the user id. */
export async function staffUser(t: WithApp, openid: string, unionCode: string): Promise<string> {
  const userId = await userForOpenid(t.app.db, openid, t.app.now())
  await setStaffUnion(t.app.db, userId, await unionIdOf(t, unionCode), null, t.app.now())
  return userId
}

/** staffUser, logged in: returns a session token. */
export async function staff(t: TestApp, openid: string, unionCode: string): Promise<string> {
  await staffUser(t, openid, unionCode)
  return login(t, openid)
}

/** A user who is the platform admin. */
export async function adminUser(t: WithApp, openid: string): Promise<void> {
  await t.app.db.query('insert into users (openid, is_admin) values ($1, true) on conflict (openid) do update set is_admin = true', [openid])
}

/** adminUser, logged in: returns a session token. */
export async function admin(t: TestApp, openid: string): Promise<string> {
  await adminUser(t, openid)
  return login(t, openid)
}

export interface StationSpec {
  /** The owning union's code. */
  union: string
  name?: string
  kind?: StationKind
  address?: string
  district?: string
  lat?: number
  lng?: number
  services?: Service[]
  hours?: Hours
}

/** An active warm station (open around the clock unless hours say otherwise); returns its id. */
export async function station(t: WithApp, s: StationSpec): Promise<string> {
  const hours = s.hours ?? { is24h: true, weekly: [] }
  const [row] = await t.app.db.query<{ id: string }>(
    `insert into stations (union_id, kind, name, address, district, lat, lng, services, hours, is_24h)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) returning id`,
    [await unionIdOf(t, s.union), s.kind ?? 'warm_station', s.name ?? `测试驿站${crypto.randomBytes(3).toString('hex')}`, s.address ?? '北京市朝阳区建国门外大街1号', s.district ?? '朝阳区', s.lat ?? 39.9087, s.lng ?? 116.4605, s.services ?? ['water', 'rest'], JSON.stringify(hours), hours.is24h],
  )
  await insertHours(t.app.db, [{ stationId: row.id, hours }])
  return row.id
}

/**
 * n stations spread over Beijing as the generator places them (clusters at Jianwai and Wangjing): those in
 * Chaoyang belong to the Jianwai street union, those in Haidian to Zhongguancun, the rest to the city union.
 */
export async function stationsOverBeijing(t: WithApp, n: number): Promise<void> {
  const owner = { 朝阳区: await unionIdOf(t, '110105001'), 海淀区: await unionIdOf(t, '110108001') } as Record<string, string>
  const city = await unionIdOf(t, '110000')
  const stations = generateStations(n)
  await insertStations(t.app.db, stations, (s) => owner[s.district] ?? city)
}

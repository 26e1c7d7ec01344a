// Demo people: valid ID numbers, the fixed member logins, and a member with a card written through the member store.
import type { App } from '../platform/app'
import type { Queryable } from '../db'
import { checkDigit } from '../../types/idcard'
import type { Occupation } from '../../types/member'
import { insertCard, insertMember, nextCardNo } from '../domain/member/store'

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

export const DEMO_MEMBERS: DemoMember[] = [
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

/** When the demo's active cards were issued. */
const ISSUED_AT = new Date('2026-03-08T02:00:00Z')

/** A demo user with a member record and a card: active cards take the union's next card number. */
export async function insertDemoMember(app: App, q: Queryable, m: Omit<DemoMember, 'status'> & { status?: DemoMember['status'] }) {
  const status = m.status ?? 'active'
  const [u] = await q.query<{ id: string }>('insert into users (openid) values ($1) returning id', [m.openid])
  const memberId = await insertMember(q, app.sealer, u.id, { name: m.name, idNumber: m.id, phone: m.phone, occupation: m.occupation, employer: m.employer }, app.now())
  const [union] = await q.query<{ id: string }>('select id from unions where code = $1', [m.union])
  const active = status === 'active'
  const cardNo = active ? await nextCardNo(q, union.id) : null
  await insertCard(q, { memberId, unionId: union.id, status, cardNo, issuedAt: active ? ISSUED_AT : null })
  return { userId: u.id, memberId, unionId: union.id }
}

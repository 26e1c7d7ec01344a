// Demo campaigns posted by the Jianwai street union to its members.
import type { Queryable } from '../db'
import type { CampaignAction, CampaignKind } from '../../types/campaign'
import { insertCampaign } from '../domain/campaign/store'

export async function seedCampaignDemo(q: Queryable, unions: Map<string, string>, now: Date): Promise<void> {
  const jianwai = unions.get('110105001')!
  const [staff] = await q.query<{ id: string }>(`select id from users where openid = 'demo-staff'`)
  const [station] = await q.query<{ id: string }>('select id from stations where union_id = $1 and status = $2 order by name limit 1', [jianwai, 'active'])
  const [pack] = await q.query<{ id: string }>(`select id from products where name = '送温暖慰问礼包（粮油米面组合）'`)
  const day = 86400_000
  const rows: [CampaignKind, string, string, CampaignAction, number | null, string | null, string[] | null, string[], number | null][] = [
    ['send_warmth', '冬送温暖：户外劳动者防寒包免费领', '寒冬将至，建外街道总工会为辖区会员准备了 300 份防寒包（手套、护膝、暖宝宝）。点击领取后凭领取码到指定驿站领取，每人限领一份。', 'claim', 300, station.id, null, [], 4_500_000],
    ['send_coolness', '新就业形态劳动者专享：驿站热饮券', '快递员、外卖送餐员、网约车司机凭领取码可在驿站领取热饮一杯，温暖过冬。', 'claim', 500, station.id, ['courier', 'food_delivery', 'ride_hailing'], [], 1_000_000],
    ['holiday_visit', '元旦春节两节慰问报名', '困难职工、一线职工两节慰问开始报名，工会将上门走访慰问。', 'signup', null, null, null, [], 20_000_000],
    ['relief_buying', '精准扶贫有你有我：对口帮扶产品选购', '选购对口帮扶地区的粮油、干果和特产礼包，支持受援地区群众增收。', 'buy', null, null, null, [pack.id], null],
  ]
  const startsAt = new Date(now.getTime() - 2 * day)
  for (const [kind, title, body, action, quota, stationId, occupations, productIds, budgetFen] of rows) {
    const campaign = { unionId: jianwai, kind, title, body, startsAt, endsAt: new Date(now.getTime() + 60 * day), action, quota, occupations, districts: null, stationId, productIds, budgetFen, images: [] }
    await insertCampaign(q, campaign, staff.id, now, startsAt)
  }
}

// Campaigns posted by unions to their subtree: the member's feed, joining and claim codes, and the staff's drafts and figures.
import { isUuid } from '../../db/sql'
import type { App } from '../../platform/app'
import type { Queryable } from '../../db'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { CampaignAction, CampaignDetail, CampaignKind, CampaignStatus, CampaignSummary } from '../../../types/campaign'
import type { ActionData } from '../../../types/contract'
import type { Occupation } from '../../../types/member'
import { AppError } from '../../platform/errors'
import { assertInScope, inScope, scopeCondition } from '../../platform/scope'
import { shanghai } from '../../platform/time'
import { audit } from '../audit/service'
import { tellAudience } from './messages'
import { getUnion } from '../union/service'
import { joinBlocker, pickupReachable, reachesSql } from './rules'
import { takePlace } from './places'
import { insertCampaign, updateCampaign, type CampaignFields } from './store'

interface Row {
  id: string
  union_id: string
  union_name: string
  path: string
  kind: CampaignKind
  title: string
  body: string
  starts_at: Date
  ends_at: Date
  action: CampaignAction
  quota: number | null
  taken: number
  audience_occupations: Occupation[] | null
  audience_districts: string[] | null
  station_id: string | null
  product_ids: string[]
  budget_fen: number | null
  images: string[]
  status: CampaignStatus
  my_code: string | null
  my_used_at: Date | null
  my_joined_at: Date | null
}

const SELECT = (mine: string) => `select c.*, u.name as union_name, u.path, j.code as my_code, j.used_at as my_used_at, j.joined_at as my_joined_at
  from campaigns c join unions u on u.id = c.union_id
  left join campaign_joins j on j.campaign_id = c.id and j.member_id = ${mine}`

function summary(r: Row): CampaignSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    unionName: r.union_name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    action: r.action,
    status: r.status,
    quota: r.quota,
    taken: r.taken,
    remaining: r.quota === null ? null : r.quota - r.taken,
    mine: r.my_joined_at ? { code: r.my_code, usedAt: r.my_used_at?.toISOString() ?? null, joinedAt: r.my_joined_at.toISOString() } : null,
  }
}

export async function feed(app: App, caller: Caller, input: ActionData<'campaign', 'feed'>) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请刷新', { cursor: '无效' })
  const limit = input.limit ?? 20
  const a = caller.member
  const now = app.now()
  const soon = new Date(now.getTime() + 7 * 86400_000)
  // Members see what reaches their union; people without a card see membership drives.
  const rows = a
    ? await app.db.query<Row>(
        `${SELECT('$1')} where c.status = 'published' and c.starts_at <= $2 and c.ends_at > $3
           and ${reachesSql('c', 'u', { path: '$4', occupation: '$5', district: '$6' })}
         order by c.starts_at desc, c.id limit $7 offset $8`,
        [a.memberId, soon, now, a.path, a.occupation, a.district, limit + 1, offset],
      )
    : await app.db.query<Row>(
        `${SELECT('null')} where c.status = 'published' and c.kind = 'membership_drive' and c.starts_at <= $1 and c.ends_at > $2
         order by c.starts_at desc, c.id limit $3 offset $4`,
        [soon, now, limit + 1, offset],
      )
  const page = pageOf(rows, limit, offset)
  return { items: page.rows.map(summary), nextCursor: page.nextCursor }
}

/** The campaign with this member's join (migration 021's campaign_v1: the lists' SELECT, for one campaign). */
async function load(q: Queryable, id: string, memberId: string | null): Promise<Row> {
  const [r] = isUuid(id) ? await q.query<Row>('select * from campaign_v1($1, $2)', [id, memberId]) : []
  if (!r) throw new AppError('NOT_FOUND', '活动不存在')
  return r
}

export async function detail(app: App, caller: Caller, id: string): Promise<CampaignDetail> {
  const a = caller.member
  const r = await load(app.db, id, a?.memberId ?? null)
  // Drafts are visible to the staff who manage them only.
  if (r.status === 'draft' && !inScope(caller, r)) throw new AppError('NOT_FOUND', '活动不存在')
  const [station] = r.station_id ? await app.db.query<{ id: string; name: string; address: string; lat: number; lng: number }>('select id, name, address, lat, lng from stations where id = $1', [r.station_id]) : []
  const products = r.product_ids.length
    ? await app.db.query<{ id: string; name: string; member_price_fen: number }>('select id, name, member_price_fen from products where id = any($1::uuid[]) order by name', [r.product_ids])
    : []
  const reason = joinBlocker(r, a, app.now())?.message ?? null
  return {
    ...summary(r),
    body: r.body,
    unionId: r.union_id,
    audience: { occupations: r.audience_occupations ?? undefined, districts: r.audience_districts ?? undefined },
    station: station ?? null,
    products: products.map((p) => ({ id: p.id, name: p.name, memberPriceFen: p.member_price_fen })),
    // The budget is the posting union's internal figure: only staff who manage the campaign see it.
    budgetFen: inScope(caller, r) ? r.budget_fen : null,
    images: r.images,
    canJoin: reason === null,
    reason,
  }
}

export async function join(app: App, caller: Caller, id: string) {
  const a = caller.member
  const r = await load(app.db, id, a?.memberId ?? null)
  if (r.my_joined_at && r.action !== 'buy') return { id: r.id, action: r.action as 'signup' | 'claim', code: r.my_code, remaining: r.quota === null ? null : r.quota - r.taken }
  const blocker = joinBlocker(r, a, app.now())
  if (blocker) throw new AppError(blocker.code, blocker.message)
  const memberId = a!.memberId
  const as = r.action as 'signup' | 'claim'
  // The quota holds in the database (a conditional increment under the row lock, and a check constraint);
  // claims arriving together go in as one statement (places.ts).
  const place = await takePlace(app, r.id, memberId, r.action === 'claim')
  if (place.won) return { id: r.id, action: as, code: place.code, remaining: place.quota === null ? null : place.quota - place.taken }
  if (place.full) throw new AppError('QUOTA_FULL', '名额已满')
  // A second join by the same member, racing past the check above: the place they already hold.
  if (place.code !== undefined) return { id: r.id, action: as, code: place.code, remaining: null }
  const [j] = await app.db.query<{ code: string | null }>('select code from campaign_joins where campaign_id = $1 and member_id = $2', [r.id, memberId])
  return { id: r.id, action: as, code: j?.code ?? null, remaining: null }
}

export async function myClaims(app: App, caller: Caller) {
  const rows = await app.db.query<{ campaign_id: string; title: string; kind: CampaignKind; action: 'signup' | 'claim'; code: string | null; used_at: Date | null; joined_at: Date; ends_at: Date; station_name: string | null; station_address: string | null }>(
    `select j.campaign_id, c.title, c.kind, c.action, j.code, j.used_at, j.joined_at, c.ends_at, s.name as station_name, s.address as station_address
     from campaign_joins j join members m on m.id = j.member_id join campaigns c on c.id = j.campaign_id left join stations s on s.id = c.station_id
     where m.user_id = $1 order by j.joined_at desc limit 200`,
    [caller.userId],
  )
  return {
    items: rows.map((r) => ({
      campaignId: r.campaign_id,
      title: r.title,
      kind: r.kind,
      action: r.action,
      code: r.code,
      usedAt: r.used_at?.toISOString() ?? null,
      joinedAt: r.joined_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      stationName: r.station_name,
      stationAddress: r.station_address,
    })),
  }
}

export async function verifyClaim(app: App, caller: Caller, code: string) {
  const now = app.now()
  return app.db.tx(async (q) => {
    const [j] = await q.query<{ campaign_id: string; member_id: string; used_at: Date | null; title: string; name: string; path: string; station_path: string | null; station_name: string | null; union_id: string }>(
      `select j.campaign_id, j.member_id, j.used_at, c.title, m.name, u.path, su.path as station_path, s.name as station_name, c.union_id
       from campaign_joins j join campaigns c on c.id = j.campaign_id join unions u on u.id = c.union_id join members m on m.id = j.member_id
       left join stations s on s.id = c.station_id left join unions su on su.id = s.union_id
       where j.code = $1 for update of j`,
      [code.toUpperCase()],
    )
    if (!j) throw new AppError('NOT_FOUND', '领取码不存在，请核对后重新输入')
    // Staff of the posting union's subtree, or of the union running the named station, may hand out the kit.
    if (!inScope(caller, j) && !(j.station_path && inScope(caller, { path: j.station_path }))) throw new AppError('FORBIDDEN', '该领取码不属于您所在工会的活动')
    if (j.used_at) throw new AppError('CONFLICT', `该领取码已于 ${shanghai(j.used_at).format('YYYY-MM-DD HH:mm')} 核销，不能重复领取`)
    await q.query('update campaign_joins set used_at = $3, used_by = $4 where campaign_id = $1 and member_id = $2 and used_at is null', [j.campaign_id, j.member_id, now, caller.userId])
    await audit(q, { actor: caller, action: 'campaign.verifyClaim', entity: 'campaign', entityId: j.campaign_id, unionId: j.union_id, before: { used: false }, after: { used: true, code } })
    return { campaignTitle: j.title, memberName: j.name, usedAt: now.toISOString(), stationName: j.station_name }
  })
}

export async function save(app: App, caller: Caller, input: ActionData<'campaign', 'save'>) {
  // Editing: the campaign must be the caller's to manage, before anything about the new content is checked.
  if (input.id) assertInScope(caller, await load(app.db, input.id, null))
  const unionId = input.unionId ?? caller.staffUnion?.id
  if (!unionId) throw new AppError('VALIDATION_FAILED', '请选择发布活动的工会', { unionId: '请选择发布活动的工会' })
  const posting = await getUnion(app.db, unionId)
  assertInScope(caller, posting)
  if (input.stationId) {
    const [s] = isUuid(input.stationId)
      ? await app.db.query<{ status: string; path: string }>('select s.status, u.path from stations s join unions u on u.id = s.union_id where s.id = $1', [input.stationId])
      : []
    if (!s || s.status !== 'active') throw new AppError('VALIDATION_FAILED', '领取站点不存在或已关闭', { stationId: '请重新选择站点' })
    if (!pickupReachable(posting.path, s.path)) {
      throw new AppError('VALIDATION_FAILED', '领取站点不在发布工会的辖区内，请选择本工会或上级工会的站点', { stationId: '请选择辖区内的站点' })
    }
  }
  if (input.productIds?.length) {
    const found = await app.db.query('select id from products where id = any($1::uuid[])', [input.productIds.filter(isUuid)])
    if (found.length !== new Set(input.productIds).size) throw new AppError('VALIDATION_FAILED', '关联商品不存在', { productIds: '请重新选择商品' })
  }
  const fields: CampaignFields = {
    unionId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    action: input.action,
    quota: input.quota ?? null,
    occupations: input.audience?.occupations?.length ? input.audience.occupations : null,
    districts: input.audience?.districts?.length ? input.audience.districts : null,
    stationId: input.stationId ?? null,
    productIds: input.productIds ?? [],
    budgetFen: input.budgetFen ?? null,
    images: input.images ?? [],
  }
  return app.db.tx(async (q) => {
    let id: string
    if (input.id) {
      const old = await load(q, input.id, null)
      assertInScope(caller, old)
      if (old.status === 'closed') throw new AppError('INVALID_STATE', '活动已结束，不能修改')
      if (input.quota !== undefined && input.quota < old.taken) throw new AppError('VALIDATION_FAILED', `已有 ${old.taken} 人参加，名额不能少于 ${old.taken}`, { quota: `不能少于 ${old.taken}` })
      await updateCampaign(q, input.id, fields, app.now())
      id = input.id
    } else {
      id = await insertCampaign(q, fields, caller.userId, app.now())
    }
    await audit(q, { actor: caller, action: input.id ? 'campaign.update' : 'campaign.create', entity: 'campaign', entityId: id, unionId, after: { title: input.title, kind: input.kind, quota: input.quota ?? null, startsAt: input.startsAt, endsAt: input.endsAt } })
    return { id }
  })
}

async function setStatus(app: App, caller: Caller, id: string, to: 'published' | 'closed') {
  return app.db.tx(async (q) => {
    const r = await load(q, id, null)
    assertInScope(caller, r)
    if (r.status === to) return { id, status: to }
    if (to === 'published' && r.status !== 'draft') throw new AppError('INVALID_STATE', '活动已结束，不能再次发布')
    if (to === 'published' && r.ends_at <= app.now()) throw new AppError('INVALID_STATE', '活动结束时间已过，请修改时间后再发布')
    await q.query(`update campaigns set status = $2, ${to === 'published' ? 'published_at' : 'closed_at'} = $3, updated_at = $3 where id = $1`, [id, to, app.now()])
    await audit(q, { actor: caller, action: `campaign.${to === 'published' ? 'publish' : 'close'}`, entity: 'campaign', entityId: id, unionId: r.union_id, before: { status: r.status }, after: { status: to } })
    return { id, status: to }
  })
}
export async function publish(app: App, caller: Caller, id: string) {
  const r = await setStatus(app, caller, id, 'published')
  await tellAudience(app, id)
  return r
}
export const close = (app: App, caller: Caller, id: string) => setStatus(app, caller, id, 'closed')

export async function list(app: App, caller: Caller, input: ActionData<'campaign', 'list'>) {
  const params: unknown[] = []
  const scope = scopeCondition(caller, 'u', params)
  let cond = ''
  if (input.status) {
    params.push(input.status)
    cond = `and c.status = $${params.length}`
  }
  const rows = await app.db.query<Row>(`${SELECT('null')} where ${scope} ${cond} order by c.created_at desc limit 200`, params)
  return { items: rows.map((r) => ({ ...summary(r), unionId: r.union_id })) }
}

export async function stats(app: App, caller: Caller, input: ActionData<'campaign', 'stats'>) {
  const params: unknown[] = []
  const scope = scopeCondition(caller, 'u', params)
  let cond = ''
  if (input.id) {
    const r = await load(app.db, input.id, null)
    assertInScope(caller, r)
    params.push(input.id)
    cond = `and c.id = $${params.length}`
  }
  const rows = await app.db.query<{ id: string; title: string; kind: CampaignKind; status: CampaignStatus; union_name: string; reach: number; taken: number; used: number; quota: number | null; budget_fen: number | null }>(
    `select c.id, c.title, c.kind, c.status, u.name as union_name, c.taken, c.quota, c.budget_fen,
       (select count(*)::int from campaign_joins j where j.campaign_id = c.id and j.used_at is not null) as used,
       (select count(*)::int from members m join cards k on k.member_id = m.id and k.status = 'active' join unions mu on mu.id = k.union_id
         where ${reachesSql('c', 'u', { path: 'mu.path', occupation: 'm.occupation', district: 'mu.district' })}) as reach
     from campaigns c join unions u on u.id = c.union_id where ${scope} ${cond} order by c.created_at desc limit 200`,
    params,
  )
  return { items: rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status, unionName: r.union_name, reach: r.reach, joined: r.taken, used: r.used, quota: r.quota, budgetFen: r.budget_fen })) }
}

// Warm stations: the nearest-first finder, details, check-ins and ratings, live status, and the staff's records and figures.
import type { App } from '../../platform/app'
import { isUuid } from '../../db/sql'
import type { Queryable } from '../../db'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { Award, Hours, LiveStatus, Service, StationDetail, StationKind, StationSummary } from '../../../types/station'
import { SERVICES } from '../../../types/station'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { assertInScope, inScope, scopeCondition, scopeRoot, subtreeLike } from '../../platform/scope'
import { shanghaiClock } from '../../platform/time'
import { audit } from '../audit/service'
import { getUnion } from '../union/service'
import { hoursToIntervals, rankingScore } from './rules'

interface StationRow {
  id: string
  name: string
  kind: StationKind
  address: string
  district: string
  lat: number
  lng: number
  services: Service[]
  is_24h: boolean
  rating_sum: number
  rating_count: number
  live_status: LiveStatus | null
  live_status_at: Date | null
  awards: Award[]
  phone: string | null
  hours: Hours
  distance_m: number | null
  open_now: boolean
}

const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null)

function toSummary(r: StationRow): StationSummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    district: r.district,
    lat: r.lat,
    lng: r.lng,
    distanceM: r.distance_m ?? 0,
    openNow: r.open_now,
    is24h: r.is_24h,
    services: r.services,
    ratingAvg: avg(r.rating_sum, r.rating_count),
    ratingCount: r.rating_count,
    liveStatus: r.live_status,
    liveStatusAt: r.live_status_at ? r.live_status_at.toISOString() : null,
    awards: r.awards,
    phone: r.phone,
    hours: r.hours,
  }
}

/**
 * Open now, in SQL: an opening interval covers this Shanghai weekday and minute, and no fresh
 * "temporarily closed" report says otherwise. Pushes its parameters.
 */
function openNowSql(app: App, params: unknown[]): string {
  const now = app.now()
  const { dow, minute } = shanghaiClock(now)
  params.push(dow, minute, new Date(now.getTime() - app.policies.stations.liveStatusTtlMinutes * 60_000))
  const [d, m, fresh] = [params.length - 2, params.length - 1, params.length]
  return `((s.is_24h or exists (select 1 from station_hours h where h.station_id = s.id and h.dow = $${d} and h.open_min <= $${m} and h.close_min > $${m}))
    and not coalesce(s.live_status = 'temporarily_closed' and s.live_status_at > $${fresh}, false))`
}

const SUMMARY_COLUMNS = `s.id, s.name, s.kind, s.address, s.district, s.lat, s.lng, s.services, s.is_24h, s.rating_sum, s.rating_count,
  s.live_status, s.live_status_at, s.awards, s.phone, s.hours`

export type NearbyQuery = ActionData<'station', 'nearby'>

/** Builds the nearest-first query; exported so the benchmark can EXPLAIN exactly what runs. */
export function nearbySql(app: App, input: NearbyQuery, offset: number) {
  const policy = app.policies.stations
  const radius = input.radiusM ?? policy.nearbyDefaultRadiusM
  const limit = input.limit ?? policy.nearbyDefaultLimit
  const params: unknown[] = [input.lat, input.lng, radius]
  const origin = 'll_to_earth($1, $2)'
  const where = [`s.status = 'active'`, `earth_box(${origin}, $3) @> ll_to_earth(s.lat, s.lng)`, `earth_distance(${origin}, ll_to_earth(s.lat, s.lng)) <= $3`]
  if (input.services?.length) {
    params.push([...new Set(input.services)])
    where.push(`s.services @> $${params.length}::text[]`)
  }
  if (input.kind) {
    params.push(input.kind)
    where.push(`s.kind = $${params.length}`)
  }
  const open = openNowSql(app, params)
  if (input.openNow) where.push(open)
  params.push(limit + 1, offset)
  const sql = `select ${SUMMARY_COLUMNS}, round(earth_distance(${origin}, ll_to_earth(s.lat, s.lng)))::int as distance_m, ${open} as open_now
    from stations s where ${where.join(' and ')}
    order by ll_to_earth(s.lat, s.lng) <-> ${origin}
    limit $${params.length - 1} offset $${params.length}`
  return { sql, params, limit }
}

export async function nearby(app: App, input: NearbyQuery) {
  const offset = decodeCursor(input.cursor)
  if (offset === null) throw new AppError('VALIDATION_FAILED', '分页参数无效，请重新搜索', { cursor: '无效' })
  const { sql, params, limit } = nearbySql(app, input, offset)
  // Order by distance alone: a second sort key would make PostgreSQL sort the whole box instead of
  // stopping the nearest-first index scan after `limit` rows.
  const page = pageOf(await app.db.query<StationRow>(sql, params), limit, offset)
  return { items: page.rows.map(toSummary), nextCursor: page.nextCursor }
}

interface DetailRow extends StationRow {
  union_id: string
  union_name: string
  path: string
  photos: string[]
  live_status_note: string | null
  visit_count: number
  status: 'active' | 'closed'
}

async function loadStation(q: Queryable, app: App, id: string, origin?: { lat: number; lng: number }): Promise<DetailRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', '没有找到这个站点')
  const params: unknown[] = [id, origin?.lat ?? null, origin?.lng ?? null]
  const open = openNowSql(app, params)
  const [row] = await q.query<DetailRow>(
    `select ${SUMMARY_COLUMNS}, s.union_id, u.name as union_name, u.path, s.photos, s.live_status_note, s.visit_count, s.status,
       case when $2::float8 is null then null else round(earth_distance(ll_to_earth($2, $3), ll_to_earth(s.lat, s.lng)))::int end as distance_m,
       (s.status = 'active' and ${open}) as open_now
     from stations s join unions u on u.id = s.union_id where s.id = $1`,
    params,
  )
  if (!row) throw new AppError('NOT_FOUND', '没有找到这个站点')
  return row
}

async function isKeeper(q: Queryable, stationId: string, userId: string): Promise<boolean> {
  return (await q.query('select 1 from station_keepers where station_id = $1 and user_id = $2', [stationId, userId])).length > 0
}

/** Anyone may read a station; what the caller did there (rating, check-in, keeper) only with a session. */
export async function detail(app: App, caller: Caller | null, input: ActionData<'station', 'detail'>): Promise<StationDetail> {
  if ((input.lat === undefined) !== (input.lng === undefined)) throw new AppError('VALIDATION_FAILED', '经纬度需要同时提供', { lat: '经纬度需要同时提供' })
  const r = await loadStation(app.db, app, input.id, input.lat !== undefined ? { lat: input.lat, lng: input.lng! } : undefined)
  const [mine] = caller
    ? await app.db.query<{ stars: number; comment: string | null }>(`select stars, comment from station_ratings where station_id = $1 and user_id = $2`, [r.id, caller.userId])
    : []
  const checked = caller ? await app.db.query('select 1 from station_checkins where station_id = $1 and user_id = $2 and day = $3', [r.id, caller.userId, shanghaiClock(app.now()).day]) : []
  return {
    ...toSummary(r),
    distanceM: r.distance_m,
    unionId: r.union_id,
    unionName: r.union_name,
    photos: r.photos,
    liveStatusNote: r.live_status_note,
    visitCount: r.visit_count,
    status: r.status,
    myRating: mine ? { stars: mine.stars, comment: mine.comment } : null,
    checkedInToday: checked.length > 0,
    canReport: !!caller && (inScope(caller, r) || (await isKeeper(app.db, r.id, caller.userId))),
  }
}

function assertActive(r: { status: string }) {
  if (r.status !== 'active') throw new AppError('INVALID_STATE', '该站点已关闭')
}

export async function checkIn(app: App, caller: Caller, stationId: string) {
  const day = shanghaiClock(app.now()).day
  return app.db.tx(async (q) => {
    const station = await loadStation(q, app, stationId)
    assertActive(station)
    const inserted = await q.query(
      `insert into station_checkins (station_id, user_id, day, at) values ($1, $2, $3, $4) on conflict do nothing returning day`,
      [stationId, caller.userId, day, app.now()],
    )
    const [s] = await q.query<{ visit_count: number }>(
      inserted.length ? 'update stations set visit_count = visit_count + 1 where id = $1 returning visit_count' : 'select visit_count from stations where id = $1',
      [stationId],
    )
    return { alreadyToday: inserted.length === 0, visitCount: s.visit_count, day }
  })
}

export async function rate(app: App, caller: Caller, input: ActionData<'station', 'rate'>) {
  return app.db.tx(async (q) => {
    const station = await loadStation(q, app, input.stationId)
    assertActive(station)
    // Lock the station row first so concurrent ratings of one station apply one after another.
    await q.query('select 1 from stations where id = $1 for update', [input.stationId])
    const [old] = await q.query<{ stars: number }>('select stars from station_ratings where station_id = $1 and user_id = $2', [input.stationId, caller.userId])
    await q.query(
      `insert into station_ratings (station_id, user_id, stars, comment, updated_at) values ($1, $2, $3, $4, $5)
       on conflict (station_id, user_id) do update set stars = excluded.stars, comment = excluded.comment, updated_at = excluded.updated_at`,
      [input.stationId, caller.userId, input.stars, input.comment || null, app.now()],
    )
    const [s] = await q.query<{ rating_sum: number; rating_count: number }>(
      `update stations set rating_sum = rating_sum + $2 - $3, rating_count = rating_count + $4 where id = $1 returning rating_sum, rating_count`,
      [input.stationId, input.stars, old?.stars ?? 0, old ? 0 : 1],
    )
    return { ratingAvg: avg(s.rating_sum, s.rating_count), ratingCount: s.rating_count, myStars: input.stars }
  })
}

export async function report(app: App, caller: Caller, input: ActionData<'station', 'report'>) {
  const now = app.now()
  return app.db.tx(async (q) => {
    const station = await loadStation(q, app, input.stationId)
    if (!inScope(caller, station) && !(await isKeeper(q, station.id, caller.userId))) {
      throw new AppError('FORBIDDEN', '只有站点管理员或所属工会工作人员可以更新站点状态')
    }
    assertActive(station)
    await q.query('insert into station_reports (station_id, user_id, status, note, at) values ($1, $2, $3, $4, $5)', [station.id, caller.userId, input.status, input.note || null, now])
    await q.query('update stations set live_status = $2, live_status_note = $3, live_status_at = $4 where id = $1', [station.id, input.status, input.note || null, now])
    await audit(q, { actor: caller, action: 'station.report', entity: 'station', entityId: station.id, unionId: station.union_id, before: { liveStatus: station.live_status }, after: { liveStatus: input.status, note: input.note ?? null } })
    return { liveStatus: input.status, liveStatusAt: now.toISOString() }
  })
}

/** Writes opening intervals for many stations in one statement (arrays through unnest). */
export async function insertHours(q: Queryable, entries: { stationId: string; hours: Hours }[]) {
  const rows = entries.flatMap((e) => hoursToIntervals(e.hours).map((h) => [e.stationId, h.dow, h.openMin, h.closeMin] as const))
  if (!rows.length) return
  await q.query(
    `insert into station_hours (station_id, dow, open_min, close_min) select * from unnest($1::uuid[], $2::int2[], $3::int2[], $4::int2[])`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  )
}

async function writeHours(q: Queryable, stationId: string, hours: Hours) {
  await q.query('delete from station_hours where station_id = $1', [stationId])
  await insertHours(q, [{ stationId, hours }])
}

export async function save(app: App, caller: Caller, input: ActionData<'station', 'save'>) {
  if (!input.hours.is24h && input.hours.weekly.length === 0) throw new AppError('VALIDATION_FAILED', '请填写开放时间', { hours: '请填写开放时间或选择24小时开放' })
  const union = await getUnion(app.db, input.unionId)
  assertInScope(caller, union)
  const now = app.now()
  return app.db.tx(async (q) => {
    const values = [input.unionId, input.kind, input.name, input.address, input.district, input.lat, input.lng, [...new Set(input.services)], JSON.stringify(input.hours), input.hours.is24h, input.phone ?? null, input.photos ?? [], JSON.stringify(input.awards ?? []), now]
    let id: string
    let before: unknown = null
    if (input.id) {
      const old = await loadStation(q, app, input.id)
      assertInScope(caller, old) // the station's current union, as well as the one it moves to
      before = { unionId: old.union_id, name: old.name, kind: old.kind, services: old.services, hours: old.hours, lat: old.lat, lng: old.lng }
      await q.query(
        `update stations set union_id = $1, kind = $2, name = $3, address = $4, district = $5, lat = $6, lng = $7, services = $8, hours = $9::jsonb,
           is_24h = $10, phone = $11, photos = $12, awards = $13::jsonb, updated_at = $14 where id = $15`,
        [...values, input.id],
      )
      id = input.id
    } else {
      const [row] = await q.query<{ id: string }>(
        `insert into stations (union_id, kind, name, address, district, lat, lng, services, hours, is_24h, phone, photos, awards, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13::jsonb, $14) returning id`,
        values,
      )
      id = row.id
    }
    await writeHours(q, id, input.hours)
    await audit(q, { actor: caller, action: input.id ? 'station.update' : 'station.create', entity: 'station', entityId: id, unionId: input.unionId, before, after: { name: input.name, kind: input.kind, services: input.services, hours: input.hours, lat: input.lat, lng: input.lng } })
    return { id }
  })
}

export async function close(app: App, caller: Caller, input: ActionData<'station', 'close'>) {
  return app.db.tx(async (q) => {
    const station = await loadStation(q, app, input.id)
    assertInScope(caller, station)
    // Conditional, so of two concurrent closes one wins and the other is told.
    const done = await q.query(`update stations set status = 'closed', closed_reason = $2, updated_at = $3 where id = $1 and status = 'active' returning id`, [station.id, input.reason, app.now()])
    if (!done.length) throw new AppError('INVALID_STATE', '该站点已关闭')
    await audit(q, { actor: caller, action: 'station.close', entity: 'station', entityId: station.id, unionId: station.union_id, before: { status: 'active' }, after: { status: 'closed', reason: input.reason } })
    return { id: station.id, status: 'closed' as const }
  })
}

export async function reopen(app: App, caller: Caller, input: ActionData<'station', 'reopen'>) {
  return app.db.tx(async (q) => {
    const station = await loadStation(q, app, input.id)
    assertInScope(caller, station)
    const [old] = await q.query<{ status: string; closed_reason: string | null }>(`select status, closed_reason from stations where id = $1 for update`, [station.id])
    if (old.status !== 'closed') throw new AppError('INVALID_STATE', '该站点正在开放，无需重新开放')
    await q.query(`update stations set status = 'active', closed_reason = null, updated_at = $2 where id = $1`, [station.id, app.now()])
    await audit(q, { actor: caller, action: 'station.reopen', entity: 'station', entityId: station.id, unionId: station.union_id, before: { status: 'closed', reason: old.closed_reason }, after: { status: 'active' } })
    return { id: station.id, status: 'active' as const }
  })
}

export async function stats(app: App, caller: Caller, input: ActionData<'station', 'stats'>) {
  const union = await scopeRoot(app.db, caller, input.unionId)
  const days = input.days ?? 30
  const since = shanghaiClock(new Date(app.now().getTime() - (days - 1) * 86400_000)).day
  const params: unknown[] = [subtreeLike(union.path), since]
  const rows = await app.db.query<{ id: string; name: string; district: string; visits: number; visit_count: number; rating_sum: number; rating_count: number }>(
    `select s.id, s.name, s.district, s.visit_count, s.rating_sum, s.rating_count,
       (select count(*)::int from station_checkins c where c.station_id = s.id and c.day >= $2) as visits
     from stations s join unions u on u.id = s.union_id
     where u.path like $1 and s.status = 'active'
     order by visits desc, s.visit_count desc, s.name`,
    params,
  )
  const sum = rows.reduce((a, r) => ({ visits: a.visits + r.visits, rs: a.rs + r.rating_sum, rc: a.rc + r.rating_count }), { visits: 0, rs: 0, rc: 0 })
  return {
    days,
    totals: { stations: rows.length, visits: sum.visits, ratings: sum.rc, ratingAvg: avg(sum.rs, sum.rc) },
    items: rows.slice(0, input.limit ?? rows.length).map((r) => ({ id: r.id, name: r.name, district: r.district, visits: r.visits, visitsTotal: r.visit_count, ratingAvg: avg(r.rating_sum, r.rating_count), ratingCount: r.rating_count })),
  }
}

export async function ranking(app: App, caller: Caller, input: ActionData<'station', 'ranking'>) {
  const params: unknown[] = []
  const scope = scopeCondition(caller, 'u', params)
  const rows = await app.db.query<{ id: string; name: string; district: string; rating_sum: number; rating_count: number; visit_count: number; services: string[]; phone: string | null; photos: string[]; hours: Hours; awards: Award[] }>(
    `select s.id, s.name, s.district, s.rating_sum, s.rating_count, s.visit_count, s.services, s.phone, s.photos, s.hours, s.awards
     from stations s join unions u on u.id = s.union_id where s.status = 'active' and ${scope}`,
    params,
  )
  const totalRatings = rows.reduce((a, r) => a + r.rating_count, 0)
  const meanRating = totalRatings ? rows.reduce((a, r) => a + r.rating_sum, 0) / totalRatings : 3
  const maxVisits = rows.reduce((a, r) => Math.max(a, r.visit_count), 0)
  const scored = rows
    .map((r) => {
      const { score, parts } = rankingScore(
        {
          ratingSum: r.rating_sum,
          ratingCount: r.rating_count,
          visitCount: r.visit_count,
          services: r.services.length,
          totalServices: SERVICES.length,
          hasPhone: !!r.phone,
          hasPhotos: r.photos.length > 0,
          hasHours: r.hours.is24h || r.hours.weekly.length > 0,
          hasAward: r.awards.length > 0,
        },
        { meanRating, maxVisits },
        app.policies.stations.ranking,
      )
      return { id: r.id, name: r.name, district: r.district, score, parts, ratingAvg: avg(r.rating_sum, r.rating_count), ratingCount: r.rating_count, visitCount: r.visit_count }
    })
    .sort((a, b) => b.score - a.score || b.visitCount - a.visitCount || a.id.localeCompare(b.id))
    .slice(0, input.limit ?? 50)
  return { items: scored.map((s, i) => ({ rank: i + 1, ...s })) }
}

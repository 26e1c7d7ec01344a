// Station rows and the SQL the station services share: row types, the summary mapper, "open now" in SQL,
// loading one station, keepers, and the opening-hours writes (which the demo data uses too).
import type { App } from '../../platform/app'
import { isUuid } from '../../db/sql'
import type { Queryable } from '../../db'
import type { Award, Hours, LiveStatus, Service, StationKind, StationSummary } from '../../../types/station'
import { AppError } from '../../platform/errors'
import { shanghaiClock } from '../../platform/time'
import { hoursToIntervals } from './rules'

export interface StationRow {
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

export const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null)

export function toSummary(r: StationRow): StationSummary {
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
export function openNowSql(app: App, params: unknown[]): string {
  const now = app.now()
  const { dow, minute } = shanghaiClock(now)
  params.push(dow, minute, new Date(now.getTime() - app.policies.stations.liveStatusTtlMinutes * 60_000))
  const [d, m, fresh] = [params.length - 2, params.length - 1, params.length]
  return `((s.is_24h or exists (select 1 from station_hours h where h.station_id = s.id and h.dow = $${d} and h.open_min <= $${m} and h.close_min > $${m}))
    and not coalesce(s.live_status = 'temporarily_closed' and s.live_status_at > $${fresh}, false))`
}

export const SUMMARY_COLUMNS = `s.id, s.name, s.kind, s.address, s.district, s.lat, s.lng, s.services, s.is_24h, s.rating_sum, s.rating_count,
  s.live_status, s.live_status_at, s.awards, s.phone, s.hours`

export interface DetailRow extends StationRow {
  union_id: string
  union_name: string
  path: string
  photos: string[]
  live_status_note: string | null
  visit_count: number
  status: 'active' | 'closed'
}

export async function loadStation(q: Queryable, app: App, id: string, origin?: { lat: number; lng: number }): Promise<DetailRow> {
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

export async function isKeeper(q: Queryable, stationId: string, userId: string): Promise<boolean> {
  return (await q.query('select 1 from station_keepers where station_id = $1 and user_id = $2', [stationId, userId])).length > 0
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

export async function writeHours(q: Queryable, stationId: string, hours: Hours) {
  await q.query('delete from station_hours where station_id = $1', [stationId])
  await insertHours(q, [{ stationId, hours }])
}

// What a member sees of warm stations: the nearest-first finder and one station's details.
import type { App } from '../../platform/app'
import { decodeCursor, pageOf } from '../../db/page'
import type { Caller } from '../../platform/caller'
import type { StationDetail } from '../../../types/station'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { inScope } from '../../platform/scope'
import { shanghaiClock } from '../../platform/time'
import { isKeeper, loadStation, openNowSql, SUMMARY_COLUMNS, toSummary, type StationRow } from './store'
import { stationPhotoPaths } from '../file/station-photos'

export type NearbyQuery = ActionData<'station', 'nearby'>

/** Builds the nearest-first query; exported so the benchmark can EXPLAIN exactly what runs. */
export function nearbySql(app: App, input: NearbyQuery, offset: number) {
  const policy = app.policies.stations
  const radius = input.radiusM ?? policy.nearbyDefaultRadiusM
  const limit = input.limit ?? policy.nearbyDefaultLimit
  const params: unknown[] = [input.lat, input.lng, radius]
  const origin = 'll_to_earth($1, $2)'
  // `<->` is the straight-line (chord) distance the index orders by; earth_distance is sec_to_gc of it, so
  // the radius test compares chords (gc_to_sec of the radius is a constant) and sec_to_gc runs per result only.
  const chord = `(ll_to_earth(s.lat, s.lng) <-> ${origin})`
  const where = [`s.status = 'active'`, `earth_box(${origin}, $3) @> ll_to_earth(s.lat, s.lng)`, `${chord} <= gc_to_sec($3)`]
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
  const sql = `select ${SUMMARY_COLUMNS}, round(sec_to_gc(${chord}))::int as distance_m, ${open} as open_now
    from stations s where ${where.join(' and ')}
    order by ${chord}
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
    photos: [...(await stationPhotoPaths(app.db, r.id)), ...r.photos],
    liveStatusNote: r.live_status_note,
    visitCount: r.visit_count,
    status: r.status,
    myRating: mine ? { stars: mine.stars, comment: mine.comment } : null,
    checkedInToday: checked.length > 0,
    canReport: !!caller && (inScope(caller, r) || (await isKeeper(app.db, r.id, caller.userId))),
  }
}

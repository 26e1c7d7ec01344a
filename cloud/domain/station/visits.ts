// A station's visitors: daily check-ins, ratings, and live status reports by its keepers and union staff.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { inScope } from '../../platform/scope'
import { shanghaiClock } from '../../platform/time'
import { audit } from '../audit/service'
import { assertActive } from './rules'
import { avg, isKeeper, loadStation } from './store'

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

// The staff's station figures: visits and ratings over recent days, and the quality ranking.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { Award, Hours } from '../../../types/station'
import { SERVICES } from '../../../types/station'
import type { ActionData } from '../../../types/contract'
import { scopeCondition, scopeRoot, subtreeLike } from '../../platform/scope'
import { shanghaiClock } from '../../platform/time'
import { rankingScore } from './rules'
import { stationsWithPhotos } from '../file/station-photos'
import { avg } from './store'

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
  const withFiles = await stationsWithPhotos(app.db, rows.map((r) => r.id))
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
          hasPhotos: r.photos.length > 0 || withFiles.has(r.id),
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

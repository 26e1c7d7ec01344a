// The staff's station records: creating, editing and closing a station, each audited.
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import type { ActionData } from '../../../types/contract'
import { AppError } from '../../platform/errors'
import { assertInScope } from '../../platform/scope'
import { audit } from '../audit/service'
import { getUnion } from '../union/service'
import { setStationPhotos } from '../file/station-photos'
import { loadStation, writeHours } from './store'

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
    if (input.photoFileIds) await setStationPhotos(q, caller, id, input.photoFileIds ?? [], now)
    await audit(q, { actor: caller, action: input.id ? 'station.update' : 'station.create', entity: 'station', entityId: id, unionId: input.unionId, before, after: { name: input.name, kind: input.kind, services: input.services, hours: input.hours, lat: input.lat, lng: input.lng, ...(input.photoFileIds ? { photoFileIds: input.photoFileIds } : {}) } })
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

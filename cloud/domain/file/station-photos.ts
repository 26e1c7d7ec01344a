// Uploaded station photos: attaching them on station.save (they become public), detaching those left out,
// and the public links a station's detail shows. Runs inside the save's transaction, so a refusal changes nothing.
import type { Queryable } from '../../db'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { publicFilePath } from '../../../types/file'

const refuse = (code: 'VALIDATION_FAILED' | 'FORBIDDEN', message: string) => new AppError(code, message, { photoFileIds: message })

/**
 * The station's uploaded photos become exactly `fileIds`, in that order. Each must be a station_photo
 * upload, by this caller or already on this station; one on another station is refused.
 */
export async function setStationPhotos(q: Queryable, caller: Caller, stationId: string, fileIds: string[], at: Date): Promise<void> {
  const ids = [...new Set(fileIds)]
  const rows = ids.length
    ? await q.query<{ id: string; purpose: string; owner_user_id: string; station_id: string | null }>(
        'select id, purpose, owner_user_id, station_id from files where id = any($1::uuid[]) for update',
        [ids],
      )
    : []
  for (const id of ids) {
    const r = rows.find((x) => x.id === id)
    if (!r) throw refuse('VALIDATION_FAILED', '照片不存在，请重新上传')
    if (r.purpose !== 'station_photo') throw refuse('VALIDATION_FAILED', '这个文件不是驿站照片，请重新上传')
    if (r.station_id && r.station_id !== stationId) throw refuse('FORBIDDEN', '这张照片已用于其他站点')
    if (r.station_id !== stationId && r.owner_user_id !== caller.userId) throw refuse('FORBIDDEN', '这张照片不是您上传的')
  }
  await q.query(
    `update files set station_id = null, attached_at = null, position = null where station_id = $1 and not (id = any($2::uuid[]))`,
    [stationId, ids],
  )
  for (const [i, id] of ids.entries()) {
    await q.query('update files set station_id = $1, position = $2, attached_at = coalesce(attached_at, $3) where id = $4', [stationId, i, at, id])
  }
}

/** The station's uploaded photos as public links, in order. */
export async function stationPhotoPaths(q: Queryable, stationId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>('select id from files where station_id = $1 and attached_at is not null order by position, id', [stationId])
  return rows.map((r) => publicFilePath(r.id))
}

/** Ids of the stations among `stationIds` that carry at least one uploaded photo. */
export async function stationsWithPhotos(q: Queryable, stationIds: string[]): Promise<Set<string>> {
  if (!stationIds.length) return new Set()
  const rows = await q.query<{ station_id: string }>('select distinct station_id from files where station_id = any($1::uuid[]) and attached_at is not null', [stationIds])
  return new Set(rows.map((r) => r.station_id))
}

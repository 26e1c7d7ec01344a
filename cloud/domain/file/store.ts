// The files table: one row per stored file, the bytes themselves in app.files.
import type { Queryable } from '../../db'
import type { FilePurpose, FileType } from '../../../types/file'

export interface FileRow {
  id: string
  purpose: FilePurpose
  owner_user_id: string
  content_type: FileType
  size_bytes: number
  sha256: string
  store: 'database' | 'dir' | 'cloudbase'
  store_ref: string
  cloud_file_id: string | null
  application_id: string | null
  attached_at: Date | null
  /** The path of the application's union, for evidence attached to one. */
  union_path: string | null
}

export async function fileById(q: Queryable, id: string): Promise<FileRow | null> {
  const [r] = await q.query<FileRow>(
    `select f.*, u.path as union_path from files f
     left join subsidy_applications a on a.id = f.application_id left join unions u on u.id = a.union_id where f.id = $1`,
    [id],
  )
  return r ?? null
}

export async function fileByCloudId(q: Queryable, cloudFileId: string): Promise<FileRow | null> {
  const [r] = await q.query<FileRow>('select f.*, null as union_path from files f where f.cloud_file_id = $1', [cloudFileId])
  return r ?? null
}

export async function insertFile(
  q: Queryable,
  f: { id: string; purpose: FilePurpose; ownerUserId: string; contentType: FileType; size: number; sha256: string; store: FileRow['store']; ref: string; cloudFileId?: string; applicationId?: string; at: Date },
): Promise<void> {
  await q.query(
    `insert into files (id, purpose, owner_user_id, content_type, size_bytes, sha256, store, store_ref, cloud_file_id, application_id, attached_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [f.id, f.purpose, f.ownerUserId, f.contentType, f.size, f.sha256, f.store, f.ref, f.cloudFileId ?? null, f.applicationId ?? null, f.applicationId ? f.at : null, f.at],
  )
}

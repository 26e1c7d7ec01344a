// Uploads and file links. An upload is checked before anything is stored: the caller may upload for this
// purpose (and, naming an application, it is their own), the bytes are at most MAX_FILE_BYTES and are an
// allowed image or PDF by content; images lose their location metadata; then the bytes are stored and
// the row written. A link is a signed path the gateway serves (or the cloud store's own URL) for 10 minutes.
import crypto from 'node:crypto'
import type { App } from '../../platform/app'
import type { Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { sniffType } from '../../platform/storage/content'
import { withoutLocation } from '../../platform/storage/location'
import { signedFilePath, validFileSignature } from '../../platform/storage/signed'
import { FILE_URL_SECONDS, MAX_FILE_BYTES, type FilePurpose, type FileType } from '../../../types/file'
import { addEvidence, ownOpenApplication } from '../subsidy/evidence'
import { mayRead } from './access'
import { fileByCloudId, fileById, insertFile, type FileRow } from './store'

const tooBig = () => new AppError('FILE_TOO_LARGE', '文件不能超过 10 MB，请压缩后再上传')

function mayUpload(caller: Caller, purpose: FilePurpose): void {
  if (purpose !== 'evidence' && !caller.staffUnion && !caller.isAdmin) throw new AppError('FORBIDDEN', '仅限工会工作人员上传驿站和商品图片')
}

/** Checks the bytes and stores a cleaned copy; answers the new file's id. */
async function store(app: App, caller: Caller, purpose: FilePurpose, bytes: Buffer, opts: { applicationId?: string; cloudFileId?: string } = {}) {
  if (bytes.length > MAX_FILE_BYTES) throw tooBig()
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '文件是空的，请重新选择', { file: '文件是空的' })
  const type = sniffType(bytes)
  if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED', '只能上传照片（JPEG、PNG、WebP、HEIC）或 PDF 文件')
  const clean = withoutLocation(bytes, type)
  const id = crypto.randomUUID()
  const ref = await app.files.put(id, clean, type)
  try {
    await app.db.tx(async (q) => {
      await insertFile(q, {
        id, purpose, ownerUserId: caller.userId, contentType: type, size: clean.length, sha256: crypto.createHash('sha256').update(clean).digest('hex'),
        store: app.files.kind, ref, cloudFileId: opts.cloudFileId, applicationId: opts.applicationId, at: app.now(),
      })
      if (opts.applicationId) await addEvidence(q, opts.applicationId, id)
    })
  } catch (e) {
    // Nothing stored: the bytes go with the row that failed.
    await app.files.remove(ref).catch(() => undefined)
    throw e
  }
  app.log.info({ fileId: id, purpose, type, size: clean.length }, 'file stored')
  return { fileId: id, contentType: type, sizeBytes: clean.length }
}

/** POST /api/files: the multipart upload, already read (at most MAX_FILE_BYTES + 1 bytes). */
export async function upload(app: App, caller: Caller, input: { purpose: FilePurpose; bytes: Buffer; applicationId?: string }) {
  mayUpload(caller, input.purpose)
  if (input.applicationId) {
    if (input.purpose !== 'evidence') throw new AppError('VALIDATION_FAILED', '只有证明材料可以补充到申请', { applicationId: '只有证明材料可以补充到申请' })
    await ownOpenApplication(app.db, caller.userId, input.applicationId)
  }
  if (input.bytes.length > MAX_FILE_BYTES) throw tooBig()
  return store(app, caller, input.purpose, input.bytes, { applicationId: input.applicationId })
}

/**
 * file.register: a file the mini-program put in cloud storage with wx.cloud.uploadFile, under
 * wu-uploads/<its own openid>/, becomes ours after the same checks; the cloud original is then removed.
 */
export async function register(app: App, caller: Caller, input: { fileId: string; purpose: FilePurpose }) {
  mayUpload(caller, input.purpose)
  if (!app.cloudFiles) throw new AppError('UNAVAILABLE', '未配置云存储（TCB_ENV_ID），请改用上传接口')
  const seen = await fileByCloudId(app.db, input.fileId)
  if (seen) {
    if (seen.owner_user_id !== caller.userId) throw new AppError('FORBIDDEN', '这个文件不是您上传的')
    return { fileId: seen.id, contentType: seen.content_type, sizeBytes: seen.size_bytes }
  }
  const path = input.fileId.replace(/^cloud:\/\/[^/]+\//, '')
  if (!path.startsWith(`wu-uploads/${caller.openid}/`)) throw new AppError('FORBIDDEN', '这个文件不是您上传的')
  const bytes = await app.cloudFiles.read(input.fileId, MAX_FILE_BYTES + 1)
  if (!bytes) throw new AppError('NOT_FOUND', '云存储里没有这个文件，请重新上传')
  const out = await store(app, caller, input.purpose, bytes, { cloudFileId: input.fileId })
  await app.cloudFiles.remove([input.fileId]).catch((e) => app.log.warn({ err: e }, 'cloud original not removed'))
  return out
}

function facts(r: FileRow) {
  return { purpose: r.purpose, ownerUserId: r.owner_user_id, applicationUnionPath: r.union_path, attached: !!r.attached_at }
}

/** file.url: a link that works for FILE_URL_SECONDS, for callers allowed to read the file. */
export async function fileUrl(app: App, caller: Caller | null, fileId: string) {
  const r = await fileById(app.db, fileId)
  if (!r) throw new AppError('NOT_FOUND', '文件不存在')
  if (!mayRead(caller, facts(r))) throw new AppError('FORBIDDEN', '您无权查看这个文件')
  const expiresAt = new Date(app.now().getTime() + FILE_URL_SECONDS * 1000)
  const direct = r.store === app.files.kind ? await app.files.directUrl(r.store_ref, FILE_URL_SECONDS) : null
  return { url: direct ?? signedFilePath(app.config.secrets.TOKEN_SECRET, r.id, expiresAt), contentType: r.content_type, expiresAt: expiresAt.toISOString() }
}

/** GET /files/<id>?e&s: the bytes behind a signed link, or null (bad or expired signature, no such file). */
export async function signedContent(app: App, fileId: string, e: unknown, s: unknown): Promise<{ bytes: Buffer; contentType: FileType } | null> {
  if (!/^[0-9a-f-]{36}$/.test(fileId) || !validFileSignature(app.config.secrets.TOKEN_SECRET, fileId, e, s, app.now())) return null
  const r = await fileById(app.db, fileId)
  if (!r || r.store !== app.files.kind) return null
  const bytes = await app.files.get(r.store_ref)
  return bytes ? { bytes, contentType: r.content_type } : null
}

/** GET /files/public/<id>: an attached station or product photo's bytes for anyone, or null (not one). */
export async function publicContent(app: App, fileId: string): Promise<{ bytes: Buffer; contentType: FileType; sha256: string } | null> {
  if (!/^[0-9a-f-]{36}$/.test(fileId)) return null
  const r = await fileById(app.db, fileId)
  if (!r || r.purpose === 'evidence' || !r.attached_at || r.store !== app.files.kind) return null
  const bytes = await app.files.get(r.store_ref)
  return bytes ? { bytes, contentType: r.content_type, sha256: r.sha256 } : null
}

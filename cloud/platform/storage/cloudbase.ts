// WeChat cloud storage through the server API (tcb/*): the bytes the mini-program uploaded with
// wx.cloud.uploadFile are read from here, and with FILE_STORE=cloudbase our own copies live here too,
// served by CloudBase's temporary download URLs.
import type { WxApi, WxApiReply } from '../wechat-api'
import { AppError } from '../errors'
import { assertKey, type FileStore } from './store'

const PREFIX = 'wu-files'
const TIMEOUT_MS = 20_000

export interface CloudFiles {
  /** A temporary download URL for a cloud fileID, valid `seconds`. */
  downloadUrl(fileId: string, seconds: number): Promise<string | null>
  /** The file's bytes, at most `maxBytes` (more is refused without reading it all); null when it does not exist. */
  read(fileId: string, maxBytes: number): Promise<Buffer | null>
  remove(fileIds: string[]): Promise<void>
  upload(path: string, bytes: Buffer, contentType: string): Promise<string>
}

function failed(r: WxApiReply): boolean {
  return !!r.errcode
}

export function cloudFiles(api: WxApi, env: string, fetchImpl: typeof fetch = fetch): CloudFiles {
  const self: CloudFiles = {
    async downloadUrl(fileId, seconds) {
      const r = await api.post('/tcb/batchdownloadfile', { env, file_list: [{ fileid: fileId, max_age: seconds }] })
      if (failed(r)) throw new AppError('UNAVAILABLE', '云存储暂时不可用，请稍后重试')
      const f = (r.file_list as { download_url?: string; status?: number }[] | undefined)?.[0]
      return f && f.status === 0 && f.download_url ? f.download_url : null
    },
    async read(fileId, maxBytes) {
      const url = await self.downloadUrl(fileId, 60)
      if (!url) return null
      const res = await fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS) })
      if (res.status === 404) return null
      if (!res.ok || !res.body) throw new AppError('UNAVAILABLE', '云存储暂时不可用，请稍后重试')
      const declared = Number(res.headers.get('content-length') ?? 0)
      if (declared > maxBytes) throw tooBig()
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length
        if (size > maxBytes) throw tooBig()
        chunks.push(Buffer.from(chunk))
      }
      return Buffer.concat(chunks)
    },
    async remove(fileIds) {
      if (!fileIds.length) return
      await api.post('/tcb/batchdeletefile', { env, fileid_list: fileIds })
    },
    async upload(path, bytes, contentType) {
      const r = await api.post('/tcb/uploadfile', { env, path })
      if (failed(r) || typeof r.url !== 'string') throw new AppError('UNAVAILABLE', '云存储暂时不可用，请稍后重试')
      const form = new FormData()
      form.append('key', path)
      form.append('Signature', String(r.authorization))
      form.append('x-cos-security-token', String(r.token))
      form.append('x-cos-meta-fileid', String(r.cos_file_id))
      form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }))
      const res = await fetchImpl(r.url, { method: 'POST', body: form, signal: AbortSignal.timeout(TIMEOUT_MS) })
      if (!res.ok) throw new AppError('UNAVAILABLE', '云存储暂时不可用，请稍后重试')
      return String(r.file_id)
    },
  }
  return self
}

const tooBig = () => new AppError('FILE_TOO_LARGE', '文件不能超过 10 MB')

/** Our copies in cloud storage under wu-files/<key>; the reference is the fileID CloudBase answers. */
export function cloudbaseStore(files: CloudFiles): FileStore {
  return {
    kind: 'cloudbase',
    async put(key, bytes, contentType) {
      assertKey(key)
      return files.upload(`${PREFIX}/${key}`, bytes, contentType)
    },
    get: (ref) => files.read(ref, Number.MAX_SAFE_INTEGER),
    remove: (ref) => files.remove([ref]),
    directUrl: (ref, seconds) => files.downloadUrl(ref, seconds),
  }
}

// Uploading a picked photo or PDF, over the app's transport: POST /api/files (multipart: file, purpose)
// on H5 and weapp over HTTPS; in cloud mode wx.cloud.uploadFile into wu-uploads/<openid>/ and then
// file.register. Either way the server checks the content and answers the file id.
import Taro from '@tarojs/taro'
import { api, ApiCallError, getToken } from './api'
import { currentUser } from './session'
import { platformIdentity } from './transport'
import type { FilePurpose } from '../../types/file'

export interface Uploaded {
  fileId: string
  contentType: string
}

const base = () => (WU_TRANSPORT === 'https' ? WU_API_BASE : '')

function fail(body: unknown, status?: number): never {
  const e = (body as { error?: { code?: string; message?: string } } | undefined)?.error
  if (e?.code) throw new ApiCallError(e.code as never, e.message ?? '上传失败', undefined, status)
  throw new ApiCallError('NETWORK', '网络不太好，上传没有完成，请重试')
}

async function viaGateway(filePath: string, purpose: FilePurpose, extra: Record<string, string>): Promise<Uploaded> {
  const token = getToken()
  if (process.env.TARO_ENV === 'h5') {
    // H5's picker hands out blob: URLs; the file goes up as multipart with fetch.
    const blob = await (await fetch(filePath)).blob()
    const form = new FormData()
    form.append('purpose', purpose)
    for (const [k, v] of Object.entries(extra)) form.append(k, v)
    form.append('file', blob, 'upload')
    const res = await fetch(`${base()}/api/files`, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null)
    if (!res) fail(undefined)
    const body = await res.json().catch(() => undefined)
    if (body?.ok) return body.data
    return fail(body, res.status)
  }
  const res = await Taro.uploadFile({ url: `${base()}/api/files`, filePath, name: 'file', formData: { purpose, ...extra }, header: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => null)
  if (!res) fail(undefined)
  let body: unknown
  try {
    body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data
  } catch {
    fail(undefined)
  }
  const b = body as { ok?: boolean; data?: Uploaded }
  if (b?.ok && b.data) return b.data
  return fail(body, res.statusCode)
}

async function viaCloud(filePath: string, purpose: FilePurpose): Promise<Uploaded> {
  const me = await currentUser()
  if (!me) throw new ApiCallError('UNAUTHENTICATED', '请先登录')
  const ext = /\.(\w{1,5})$/.exec(filePath)?.[1] ?? 'jpg'
  const cloudPath = `wu-uploads/${me.openid}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`
  const up = await Taro.cloud.uploadFile({ cloudPath, filePath }).catch(() => null)
  if (!up?.fileID) fail(undefined)
  return api.file.register({ fileId: up.fileID, purpose })
}

export function uploadFile(filePath: string, purpose: FilePurpose, extra: Record<string, string> = {}): Promise<Uploaded> {
  return platformIdentity ? viaCloud(filePath, purpose) : viaGateway(filePath, purpose, extra)
}

/**
 * One photo from the camera or album: chooseMedia (chooseImage is deprecated on weapp), chooseImage only
 * on an old WeChat without chooseMedia. Taro APIs are called by name: on H5 Taro binds only the APIs a
 * bundle names, so a lookup through a cast object finds nothing.
 */
export async function pickImage(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp' && !Taro.canIUse('chooseMedia')) {
    const old = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null)
    return old?.tempFilePaths?.[0] ?? null
  }
  const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null)
  return r?.tempFiles?.[0]?.tempFilePath ?? null
}

/** A file link from file.url, absolute for the transport (the gateway answers paths on its own origin). */
export const absolute = (u: string) => (u.startsWith('/') ? `${base()}${u}` : u)

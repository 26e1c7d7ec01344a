// Files over HTTP, for the gateway: the multipart upload (POST /api/files), signed links (GET /files/<id>)
// and public photos (GET /files/public/<id>).
// The upload is answered in the same envelope as every function, with the same caller rules and rate limit.
import type { App } from '../../platform/app'
import { callerByToken, type Caller } from '../../platform/caller'
import { AppError } from '../../platform/errors'
import { ERROR_STATUS, type ApiError } from '../../../types/common'
import { purposeSchema } from '../../../types/file'
import { publicContent, signedContent, upload } from '../../domain/file/service'

export interface FileReply {
  status: number
  body: { ok: true; data: unknown } | { ok: false; error: ApiError }
  headers?: Record<string, string>
}

const fail = (code: ApiError['code'], message: string, fields?: Record<string, string>): FileReply => ({
  status: ERROR_STATUS[code],
  body: { ok: false, error: fields ? { code, message, fields } : { code, message } },
})

/** Before the body is read: a signed-in caller within the upload limit, or the reply refusing them. */
export async function uploadCaller(app: App, token: string | undefined, address: string | undefined): Promise<Caller | FileReply> {
  const caller = token ? await callerByToken(app, token) : null
  if (!caller) return fail('UNAUTHENTICATED', token ? '登录已过期，请重新登录' : '请先登录')
  const wait = await app.limiter.consume('upload', { account: caller.userId, address })
  if (wait) return { ...fail('RATE_LIMITED', `上传太频繁，请 ${wait.retryAfterS} 秒后再试`), headers: { 'retry-after': String(wait.retryAfterS) } }
  return caller
}

/** The multipart fields as the gateway read them: `file` (bytes) and `purpose`, optionally `applicationId`. */
export interface UploadForm {
  purpose: unknown
  applicationId: unknown
  file: Buffer | null
}

export async function answerUpload(app: App, caller: Caller, form: UploadForm, requestId?: string): Promise<FileReply> {
  const purpose = purposeSchema.safeParse(form.purpose)
  if (!purpose.success) return fail('VALIDATION_FAILED', '请说明文件用途', { purpose: purpose.error.issues[0].message })
  if (!form.file) return fail('VALIDATION_FAILED', '请选择要上传的文件', { file: '请选择要上传的文件' })
  const applicationId = typeof form.applicationId === 'string' && form.applicationId ? form.applicationId : undefined
  try {
    return { status: 200, body: { ok: true, data: await upload(app, caller, { purpose: purpose.data, bytes: form.file, applicationId }) } }
  } catch (e) {
    if (e instanceof AppError) return fail(e.code, e.message, e.fields)
    app.log.error({ err: e, fn: 'file', action: 'upload', requestId }, 'unexpected error')
    return fail('INTERNAL', '服务暂时不可用，请稍后重试')
  }
}

export const tooLarge = (): FileReply => fail('FILE_TOO_LARGE', '文件不能超过 10 MB，请压缩后再上传')
export const badForm = (): FileReply => fail('VALIDATION_FAILED', '上传格式不正确，应为 multipart/form-data，含 file 和 purpose')

/** The bytes behind a signed link; null answers 404 (wrong, expired or unknown). */
export const signedFile = (app: App, fileId: string, e: unknown, s: unknown) => signedContent(app, fileId, e, s)

/** An attached station or product photo's bytes for anyone; null answers 404. */
export const publicFile = (app: App, fileId: string) => publicContent(app, fileId)

// Uploaded files: evidence for hardship applications (personal: the applicant and staff in scope only),
// station and product photos (public once attached). Content is checked by its bytes, never its name.
import { z } from 'zod'

export const FILE_PURPOSES = ['evidence', 'station_photo', 'product_image'] as const
export type FilePurpose = (typeof FILE_PURPOSES)[number]

export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const
export type FileType = (typeof FILE_TYPES)[number]

/** 10 MB: a phone photo of a bill or a scanned PDF fits; anything larger is refused before it is stored. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
/** How long a file URL works. */
export const FILE_URL_SECONDS = 600

export const purposeSchema = z.enum(FILE_PURPOSES, { error: '文件用途应为 evidence、station_photo 或 product_image' })
export const fileIdSchema = z.string().uuid('文件编号格式不正确')

/** A WeChat cloud-storage fileID as wx.cloud.uploadFile answers it: cloud://<env>.<bucket>/<path>. */
export const cloudFileId = z
  .string()
  .max(512, '云文件编号过长')
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\-/]+$/, '云文件编号格式不正确')

export const registerInput = z.object({ fileId: cloudFileId, purpose: purposeSchema }).strict()
export const uploadOutput = z.object({ fileId: z.string(), contentType: z.enum(FILE_TYPES), sizeBytes: z.number().int() })

export const urlInput = z.object({ fileId: fileIdSchema }).strict()
export const urlOutput = z.object({
  /** Absolute, or a path on the API origin ('/files/...') the client resolves against its API base. */
  url: z.string(),
  contentType: z.enum(FILE_TYPES),
  expiresAt: z.string(),
})

export { publicFileId, publicFilePath } from './file-paths'

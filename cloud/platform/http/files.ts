// The gateway's file routes. POST /api/files takes multipart/form-data (file, purpose, optionally
// applicationId): the caller is checked before the body is read, the body is capped just above
// MAX_FILE_BYTES, and it is parsed with the runtime's own FormData reader. GET /files/<id>?e&s serves a
// signed link's bytes, sandboxed, for as long as the link lives. GET /files/public/<id> serves an attached
// photo to anyone, cached long: a file's bytes never change under its id.
import type { FastifyInstance } from 'fastify'
import type { App } from '../app'
import type { Caller } from '../caller'
import { FILE_URL_SECONDS, MAX_FILE_BYTES } from '../../../types/file'
import { envelope, NOT_FOUND } from './envelope'

/** What the file routes need from the functions layer (cloud/functions/file/http.ts), passed in by the gateway. */
export interface FileRoutes {
  uploadCaller(app: App, token: string | undefined, address: string | undefined): Promise<Caller | Reply>
  answerUpload(app: App, caller: Caller, form: { purpose: unknown; applicationId: unknown; file: Buffer | null }, requestId?: string): Promise<Reply>
  signedFile(app: App, fileId: string, e: unknown, s: unknown): Promise<{ bytes: Buffer; contentType: string } | null>
  publicFile(app: App, fileId: string): Promise<{ bytes: Buffer; contentType: string; sha256: string } | null>
  tooLarge(): Reply
  badForm(): Reply
}
interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** 30 days: long enough for the finder and the offline cache; a detached photo drops out of caches by then. */
const PUBLIC_MAX_AGE_S = 30 * 24 * 3600

/** Room for the multipart framing and the other fields around a file of MAX_FILE_BYTES. */
const FRAMING_BYTES = 64 * 1024

const bearer = (h: string | undefined) => /^Bearer\s+(\S+)$/i.exec(h ?? '')?.[1]
const isReply = (x: unknown): x is Reply => !!x && typeof x === 'object' && 'status' in x && 'body' in x

export async function mountFiles(server: FastifyInstance, app: App, routes: FileRoutes): Promise<void> {
  await server.register(async (files) => {
    files.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES + FRAMING_BYTES }, (_req, body, done) => done(null, body))
    files.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
      const r = err.statusCode === 413 ? routes.tooLarge() : routes.badForm()
      return reply.status(r.status).send(r.body)
    })
    files.addHook('preParsing', async (req, reply) => {
      if (req.method !== 'POST') return
      const who = await routes.uploadCaller(app, bearer(req.headers.authorization), req.ip)
      if (isReply(who)) return reply.status(who.status).headers(who.headers ?? {}).send(who.body)
      ;(req as unknown as { uploader: unknown }).uploader = who
    })
    files.post('/api/files', { bodyLimit: MAX_FILE_BYTES + FRAMING_BYTES }, async (req, reply) => {
      reply.header('cache-control', 'no-store')
      const type = req.headers['content-type'] ?? ''
      if (!Buffer.isBuffer(req.body) || !type.startsWith('multipart/form-data')) return send(reply, routes.badForm())
      let form: FormData
      try {
        form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': type } }).formData()
      } catch {
        return send(reply, routes.badForm())
      }
      const file = form.get('file')
      const bytes = file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : null
      const caller = (req as unknown as { uploader: Caller }).uploader
      return send(reply, await routes.answerUpload(app, caller, { purpose: form.get('purpose'), applicationId: form.get('applicationId'), file: bytes }, req.id))
    })
    files.get<{ Params: { id: string }; Querystring: { e?: string; s?: string } }>('/files/:id', async (req, reply) => {
      const f = await routes.signedFile(app, req.params.id, req.query.e, req.query.s)
      if (!f) return reply.status(NOT_FOUND.status).header('cache-control', 'no-store').send(envelope(NOT_FOUND))
      return reply
        .header('content-type', f.contentType)
        .header('cache-control', `private, max-age=${FILE_URL_SECONDS}`)
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .send(f.bytes)
    })
    files.get<{ Params: { id: string } }>('/files/public/:id', async (req, reply) => {
      const f = await routes.publicFile(app, req.params.id)
      if (!f) return reply.status(NOT_FOUND.status).header('cache-control', 'no-store').send(envelope(NOT_FOUND))
      const etag = `"${f.sha256}"`
      reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_S}`).header('etag', etag)
      if (req.headers['if-none-match'] === etag) return reply.status(304).send()
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .send(f.bytes)
    })
  })
}

function send(reply: { status(n: number): { headers(h: Record<string, string>): { send(b: unknown): unknown } } }, r: Reply) {
  return reply.status(r.status).headers(r.headers ?? {}).send(r.body)
}

// Security headers for the H5 app and the API: a Content-Security-Policy that allows the app's own files
// and exactly the inline scripts its index.html carries (by hash), no framing, no sniffing, and HSTS
// when the request arrived over HTTPS (directly, or through a trusted proxy). helmet's middleware is built
// once at start-up (@fastify/helmet rebuilt it, CSP parsing included, on every request).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import helmet from 'helmet'

/** sha256 sources for each inline <script> of the built index.html. */
export function inlineScriptHashes(staticDir: string | undefined): string[] {
  const file = staticDir ? path.join(staticDir, 'index.html') : ''
  if (!file || !fs.existsSync(file)) return []
  const html = fs.readFileSync(file, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`)
}

export const HSTS = 'max-age=15552000; includeSubDomains'

export function securityHeaders(server: FastifyInstance, staticDir?: string): void {
  const apply = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(staticDir)],
        // Taro H5 sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // blob: Taro H5 reads a picked photo back through fetch(blob:) before uploading it.
        connectSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
  server.addHook('onRequest', (req, reply, done) => apply(req.raw, reply.raw, () => done()))
  server.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS)
  })
}

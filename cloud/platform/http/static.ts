// The H5 build over HTTP: brotli or gzip copies made at build time (sent as they are), hashed assets cached
// for a year as immutable, everything else (index.html, sw.js) revalidated on every load; any other GET
// outside the API answers index.html (the app routes by hash).
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { envelope, NOT_FOUND } from './envelope'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

/** js/app.1a2b3c4d.js, css/app.1a2b3c4d5e6f.css (and their .br / .gz): a content hash in the name. */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)(\.(br|gz))?$/

export const cacheControlFor = (file: string): string => (HASHED.test(path.basename(file)) ? IMMUTABLE : REVALIDATE)

export async function serveH5(server: FastifyInstance, dir: string): Promise<void> {
  // Loaded only when serving the H5 build (it pulls in ESM-only dependencies).
  const { default: fastifyStatic } = await import('@fastify/static')
  await server.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', cacheControlFor(file))
    },
  })
  server.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html')
    return reply.status(NOT_FOUND.status).send(envelope(NOT_FOUND))
  })
}

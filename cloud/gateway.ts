// The HTTP gateway: every cloud function at POST /api/<function>, the H5 app at /, on one port.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import Fastify, { type FastifyInstance } from 'fastify'
import compress from '@fastify/compress'
import type { App } from './platform/app'
import { functions } from './functions'
import { ERROR_STATUS } from '../types/common'
import { answerNotification, deliverSimulated, NOTIFY_PATHS, simulatePayment } from './functions/payNotify/http'
import { CLOSING, clientErrorHandler, edgeError, envelope, frameworkErrors, NOT_FOUND } from './platform/http/envelope'
import { securityHeaders } from './platform/http/security'
import { serveH5 } from './platform/http/static'
import { schemaProblem, schemaStatus } from './db/schema'
import { mountFiles } from './platform/http/files'
import * as fileRoutes from './functions/file/http'

export interface GatewayOptions {
  /** Folder of the H5 build; omitted in API-only tests. */
  staticDir?: string
}

function bearer(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i)
  return m?.[1]
}

/** Keep-alive sockets idle longer than this are closed (below typical load balancers' 60 s). */
const KEEP_ALIVE_MS = 5_000
/** All request headers must arrive within this. */
const HEADERS_TIMEOUT_MS = 10_000

export async function buildGateway(app: App, opts: GatewayOptions = {}): Promise<FastifyInstance> {
  const tp = app.config.trustProxy
  const server = Fastify({
    logger: false,
    bodyLimit: 256 * 1024,
    // Only the configured proxies' X-Forwarded-* are believed (a hop count, or their addresses).
    trustProxy: typeof tp === 'number' ? (_addr: string, hop: number) => hop < tp : tp,
    // The whole request, body included: a client trickling bytes is cut off with a 408 envelope.
    requestTimeout: app.config.requestTimeoutMs,
    // Node checks request and header timeouts on this interval (30 s by default): check often enough to hold them.
    http: { connectionsCheckingInterval: Math.min(1_000, app.config.requestTimeoutMs / 2) },
    keepAliveTimeout: KEEP_ALIVE_MS,
    return503OnClosing: false,
    frameworkErrors,
    clientErrorHandler,
    // A caller's (or proxy's) X-Request-Id is kept when sane, else one is made; it is echoed and logged.
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID()
    },
  })
  server.server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, app.config.requestTimeoutMs)

  // While shutting down, in-flight requests finish and new ones get the envelope (503 UNAVAILABLE).
  let closing = false
  server.addHook('preClose', async () => {
    closing = true
  })
  server.addHook('onRequest', async (_req, reply) => {
    if (closing) return reply.status(CLOSING.status).header('connection', 'close').send(envelope(CLOSING))
  })

  server.setErrorHandler((err: { statusCode?: number; code?: string }, _req, reply) => {
    // Malformed JSON, wrong content type, a body too large: the request never reached a function.
    const e = edgeError(err)
    if (e.status === 500) app.log.error({ err }, 'gateway error')
    return reply.status(e.status).send(envelope(e))
  })
  securityHeaders(server, opts.staticDir)

  server.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })
  // Answers are compressed; request bodies are not (no client sends them so), which spares every request a hook.
  await server.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    globalDecompression: false,
  })

  // Liveness: the process answers. Readiness: the database answers and its schema is this code's.
  // Under NODE_ENV=test the answer names the process, so a test can see every gateway worker serve.
  server.get('/healthz', async () => (app.config.env === 'test' ? { ok: true, pid: process.pid } : { ok: true }))
  server.get('/readyz', async (_req, reply) => {
    try {
      const problem = schemaProblem(await schemaStatus(app.db))
      if (problem) return reply.status(503).send({ ok: false, error: { code: 'UNAVAILABLE', message: '数据库版本与程序不一致' } })
      return { ok: true, data: { db: app.db.kind } }
    } catch {
      return reply.status(503).send({ ok: false, error: { code: 'UNAVAILABLE', message: '数据库暂时无法连接' } })
    }
  })
  server.get('/metrics', async (req, reply) => {
    const token = app.config.metricsToken
    if (token ? bearer(req.headers.authorization) !== token : app.config.production) return reply.status(NOT_FOUND.status).send(envelope(NOT_FOUND))
    return reply.header('content-type', app.metrics.registry.contentType).send(await app.metrics.registry.metrics())
  })

  server.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const fn = Object.prototype.hasOwnProperty.call(functions, req.params.fn) ? functions[req.params.fn as keyof typeof functions] : undefined
    if (!fn) return reply.status(404).send({ ok: false, error: { code: 'UNKNOWN_ACTION', message: `未知的服务：${req.params.fn.slice(0, 64)}` } })
    const result = await fn.handle(app, req.body, { token: bearer(req.headers.authorization), address: req.ip, requestId: req.id, userAgent: req.headers['user-agent'] })
    reply.header('cache-control', 'no-store')
    if (result.headers) reply.headers(result.headers)
    return reply.status(result.status).send(result.body)
  })

  await mountFiles(server, app, fileRoutes)

  // WeChat Pay notifications: the signature covers the raw body, so these routes keep it as text.
  await server.register(async (pay) => {
    pay.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body))
    for (const url of NOTIFY_PATHS) {
      pay.post(url, async (req, reply) => {
        const r = await answerNotification(app, req.headers, typeof req.body === 'string' ? req.body : '')
        return reply.status(r.status).headers(r.headers).send(r.body || undefined)
      })
    }
  })

  // The simulated provider's "member paid" step, outside production only.
  if (app.pay.name === 'simulated' && !app.config.production) {
    deliverSimulated(app)
    server.post<{ Body: { outTradeNo?: unknown } }>('/pay/simulate/pay', async (req, reply) => {
      const outTradeNo = req.body?.outTradeNo
      if (typeof outTradeNo !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(outTradeNo)) {
        return reply.status(400).send({ ok: false, error: { code: 'VALIDATION_FAILED', message: '缺少商户订单号' } })
      }
      try {
        await simulatePayment(app, outTradeNo)
        return { ok: true, data: { outTradeNo } }
      } catch (e) {
        const err = e as { code?: keyof typeof ERROR_STATUS; message?: string }
        const code = err.code && err.code in ERROR_STATUS ? err.code : 'INTERNAL'
        return reply.status(ERROR_STATUS[code]).send({ ok: false, error: { code, message: code === 'INTERNAL' ? '模拟支付失败' : err.message } })
      }
    })
  }

  if (opts.staticDir && fs.existsSync(path.join(opts.staticDir, 'index.html'))) {
    await serveH5(server, opts.staticDir)
  } else {
    server.setNotFoundHandler((_req, reply) => reply.status(NOT_FOUND.status).send(envelope(NOT_FOUND)))
  }
  return server
}

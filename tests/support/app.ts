// A fresh app per test file: PGlite in memory, or a new database on the PostgreSQL server (DATABASE_URL),
// with the demo data loaded unless the file builds its own (tests/support/fixtures.ts).
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp, type App, type CreateAppOptions } from '../../cloud/platform/app'
import { loadConfig } from '../../cloud/platform/config'
import { openPglite, openPostgres, type Db } from '../../cloud/db'
import { createLogger } from '../../cloud/platform/logger'
import { buildGateway } from '../../cloud/gateway'
import { createLimiter, UNLIMITED } from '../../cloud/platform/rate-limit'
import { loadDemo } from '../../cloud/demo'

export type Backend = 'pglite' | 'postgres'

/** Tests fire thousands of requests from 127.0.0.1: limits that never bite (tests/integration/rate-limits sets real ones). */
export { UNLIMITED }

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set (as in CI). */
export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

import { testSecrets } from './settings'

export { testSecrets }

/** A new, empty database on the PostgreSQL server (DATABASE_URL), with its URL and a way to drop it. */
export async function freshPostgres(pool = 20): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL!
  const name = `wu_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const admin = await openPostgres(base, 1)
  await admin.query(`create database ${name}`)
  await admin.close()
  const url = new URL(base)
  url.pathname = `/${name}`
  const db = await openPostgres(url.toString(), pool)
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close()
      const a = await openPostgres(base, 1)
      await a.query(`drop database if exists ${name} with (force)`)
      await a.close()
    },
  }
}

export interface TestApp {
  app: App
  /** The test's own database on the PostgreSQL server (postgres backend only), and the secrets it was made with. */
  databaseUrl?: string
  secrets: Record<string, string>
  gateway: FastifyInstance
  /** http://127.0.0.1:<port> of the listening gateway. */
  url: string
  close(): Promise<void>
}

export interface TestAppOptions extends Omit<CreateAppOptions, 'db' | 'config'> {
  /** Load the demo data (default); false for a file that builds only what it needs. */
  demo?: boolean
}

export async function startTestApp(backend: Backend, { demo = true, ...opts }: TestAppOptions = {}): Promise<TestApp> {
  const secrets = testSecrets()
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: path.join(os.tmpdir(), 'wu-test'), LOG_LEVEL: 'silent', ...secrets })
  let db: Db
  let drop = async () => {}
  let databaseUrl: string | undefined
  if (backend === 'postgres') ({ db, drop, url: databaseUrl } = await freshPostgres())
  else db = await openPglite()
  const app = await createApp({ config, db, log: createLogger('silent'), limiter: createLimiter({ limits: UNLIMITED }), ...opts })
  if (demo) await loadDemo(app)
  const gateway = await buildGateway(app)
  const url = await gateway.listen({ port: 0, host: '127.0.0.1' })
  return {
    app,
    databaseUrl,
    secrets,
    gateway,
    url,
    close: async () => {
      await gateway.close()
      await app.limiter.close()
      if (backend === 'postgres') await drop()
      else await db.close()
    },
  }
}

export interface CallResult<T = any> {
  status: number
  body: { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }
}

/** Calls a function through the gateway exactly as the client does. */
export async function call<T = any>(t: TestApp, fn: string, action: string, data: unknown, token?: string): Promise<CallResult<T>> {
  const res = await post(t, `/api/${fn}`, JSON.stringify({ action, data }), token)
  return { status: res.status, body: JSON.parse(res.text) }
}

/** A raw POST over HTTP, for bodies the typed helper cannot send. */
export async function post(t: TestApp, path: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(t.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  })
  return { status: res.status, text: await res.text() }
}

export async function login(t: TestApp, openid: string): Promise<string> {
  const r = await call(t, 'auth', 'login', { code: `dev:${openid}` })
  if (!r.body.ok) throw new Error(`login failed: ${JSON.stringify(r.body)}`)
  return r.body.data.token
}

/** Returns data of a call that must succeed, failing the test with the error otherwise. */
export async function ok<T = any>(p: Promise<CallResult<T>>): Promise<T> {
  const r = await p
  if (!r.body.ok) throw new Error(`expected success, got ${r.status} ${JSON.stringify(r.body.error)}`)
  return r.body.data
}

/** Runs fns with at most `width` in flight. */
export async function pool<T>(fns: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array(fns.length)
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < fns.length) {
        const i = next++
        out[i] = await fns[i]()
      }
    }),
  )
  return out
}

// The one place that opens the database: PGlite in process without DATABASE_URL, PostgreSQL over pg with it.
import fs from 'node:fs'
import path from 'node:path'
import { migrations } from './migrations'
import type { DataKeys } from './migrations/types'

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface Tx extends Queryable {
  /** Runs a multi-statement script without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction; rolls back when it throws. */
  tx<T>(fn: (q: Tx) => Promise<T>): Promise<T>
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
  /** Connections of the pool by state (PostgreSQL); null for PGlite's single connection. */
  poolStats(): { total: number; idle: number; waiting: number } | null
}

/** bigint columns (money in fen) come back as JS numbers: exact up to 2^53 fen, far above any real amount. */
const INT8 = 20
const parseInt8 = (v: string) => Number(v)

/** Serialises access to PGlite's single connection, so a transaction never interleaves with another request. */
class Mutex {
  private last: Promise<unknown> = Promise.resolve()
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.last.then(fn, fn)
    this.last = next.catch(() => undefined)
    return next
  }
}

export async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { cube } = await import('@electric-sql/pglite/contrib/cube')
  const { earthdistance } = await import('@electric-sql/pglite/contrib/earthdistance')
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
  const pg = await PGlite.create(dataDir ? path.join(dataDir, 'pgdata') : undefined, { extensions: { cube, earthdistance }, parsers: { [INT8]: parseInt8 } })
  const lock = new Mutex()
  return {
    kind: 'pglite',
    query: (sql, params) => lock.run(async () => (await pg.query<any>(sql, params as any[])).rows),
    tx: (fn) =>
      lock.run(() =>
        pg.transaction(async (t) =>
          fn({ query: async (sql, params) => (await t.query<any>(sql, params as any[])).rows, exec: async (sql) => void (await t.exec(sql)) }),
        ),
      ),
    exec: (sql) => lock.run(async () => void (await pg.exec(sql))),
    close: () => pg.close(),
    poolStats: () => null,
  }
}

export async function openPostgres(url: string, max = 10, opts: { connectTimeoutMs?: number } = {}): Promise<Db> {
  const pg = await import('pg')
  const Pool = pg.default?.Pool ?? (pg as any).Pool
  const types = pg.default?.types ?? (pg as any).types
  const pool = new Pool({
    connectionString: url,
    max,
    // 0 (pg's default) waits forever: an unreachable host would hold a call until the platform's timeout.
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 0,
    types: { getTypeParser: (oid: number, format?: any) => (oid === INT8 ? parseInt8 : types.getTypeParser(oid, format)) },
  })
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined)
  const guarded = new WeakSet<object>()
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    tx: async (fn) => {
      const client = await pool.connect()
      // A connection killed mid-transaction reports through the client; the pool must not crash on it.
      if (!guarded.has(client)) {
        guarded.add(client)
        client.on('error', () => undefined)
      }
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const out = await fn({ query: async (sql, params) => (await client.query(sql, params)).rows, exec: async (sql) => void (await client.query(sql)) })
        await client.query('COMMIT')
        return out
      } catch (e) {
        await client.query('ROLLBACK').catch((re: Error) => (broken = re))
        throw e
      } finally {
        // A client whose rollback failed has lost its connection: destroy it instead of reusing it.
        client.release(broken)
      }
    },
    exec: async (sql) => void (await pool.query(sql)),
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  }
}

export async function openDb(opts: { databaseUrl?: string; dataDir?: string; poolMax?: number }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolMax) : openPglite(opts.dataDir)
}

/**
 * Applies pending migrations in order; safe with several processes starting at once on PostgreSQL.
 * `keys` (the app's sealer) lets a migration seal existing rows; one that must and has none fails, naming it.
 */
export async function migrate(db: Db, keys?: DataKeys): Promise<string[]> {
  const applied: string[] = []
  await db.tx(async (q) => {
    // The lock comes first: concurrent `create table if not exists` statements can still collide.
    if (db.kind === 'postgres') await q.query('select pg_advisory_xact_lock(7312001)')
    await q.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())')
    const done = new Set((await q.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name))
    for (const m of migrations) {
      if (done.has(m.name)) continue
      await q.exec(m.sql)
      if (m.rewrite) await m.rewrite(q, keys)
      if (m.finish) await q.exec(m.finish)
      await q.query('insert into schema_migrations (name) values ($1)', [m.name])
      applied.push(m.name)
    }
  })
  return applied
}

/** Postgres unique-violation details, the same on pg and PGlite. */
export function uniqueViolation(e: unknown): string | null {
  const err = e as { code?: string; constraint?: string }
  return err && err.code === '23505' ? err.constraint ?? '' : null
}
